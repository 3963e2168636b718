"""Bilingual text: one value type for plan text, UI strings and exports.

The plan is Japanese first. ``Text`` holds a Japanese and an English rendering; asking for a
language that is missing falls back to the other one (Japanese before English), and says so
through :meth:`Text.resolve`, so a page can mark a fallback instead of hiding it.
A bare string given where a ``Text`` is expected is taken as Japanese (the default locale).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")
DEFAULT_LANG: Lang = "ja"


class Text(BaseModel):
    """A text in Japanese and English. Either may be empty; the validator reports that."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ja: str = ""
    en: str = ""

    @model_validator(mode="before")
    @classmethod
    def _bare_string_is_japanese(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"ja": data}
        return data

    def resolve(self, lang: Lang) -> tuple[str, Lang]:
        """The text in ``lang`` (else in the other language) and the language it is in."""
        own = self.ja if lang == "ja" else self.en
        if own:
            return own, lang
        for other in LANGS:
            value = self.ja if other == "ja" else self.en
            if value:
                return value, other
        return "", lang

    def get(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.resolve(lang)[0]

    def missing(self) -> list[Lang]:
        """Languages with no text."""
        return [lang for lang in LANGS if not (self.ja if lang == "ja" else self.en).strip()]

    def __str__(self) -> str:
        return self.get(DEFAULT_LANG)


def t(ja: str, en: str) -> Text:
    """Shorthand for UI strings."""
    return Text(ja=ja, en=en)


def parse_lang(value: str | None) -> Lang:
    """A language code from user input; anything but 'en' or 'ja' is an error."""
    if value is None or value == "":
        return DEFAULT_LANG
    if value in LANGS:
        return value
    raise ValueError(f"unknown language {value!r}: use 'ja' or 'en'")


_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
#: (page language, the title's language) → what follows a title published in that language only.
_IN_ITS_LANGUAGE = {
    ("en", "ja"): " (in Japanese)",
    ("en", "ko"): " (in Korean)",
    ("ja", "ko"): "（韓国語）",
}


def written_in(text: str) -> Literal["ja", "ko"] | None:
    """The language a title is written in, where it is not English: Korean (Hangul) or Japanese
    (kana, kanji, full-width forms)."""
    if _HANGUL.search(text):
        return "ko"
    if _JAPANESE.search(text):
        return "ja"
    return None


def marked_title(title: str, lang: Lang) -> str:
    """A source's title as published, followed by the language it is in when a reader of
    ``lang`` would otherwise take it for an untranslated string: 「…」 (in Japanese). The title
    is never translated here: a translation would look like a published title."""
    found = written_in(title)
    note = _IN_ITS_LANGUAGE.get((lang, found)) if found else None
    return f"{title}{note}" if note else title
