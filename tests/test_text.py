"""The bilingual text type and its fallback rule."""

from __future__ import annotations

import pytest

from ipkpi.text import Text, parse_lang


def test_each_language_is_returned_when_present() -> None:
    text = Text(ja="知的財産", en="intellectual property")
    assert text.get("ja") == "知的財産"
    assert text.get("en") == "intellectual property"
    assert text.missing() == []


def test_missing_language_falls_back_and_says_so() -> None:
    only_ja = Text(ja="知的財産")
    assert only_ja.resolve("en") == ("知的財産", "ja")
    assert only_ja.missing() == ["en"]
    only_en = Text(en="property")
    assert only_en.resolve("ja") == ("property", "en")


def test_bare_string_is_japanese() -> None:
    assert Text.model_validate("海賊版") == Text(ja="海賊版")


def test_unknown_language_is_an_error() -> None:
    assert parse_lang("en") == "en"
    assert parse_lang(None) == "ja"
    with pytest.raises(ValueError, match="use 'ja' or 'en'"):
        parse_lang("fr")
