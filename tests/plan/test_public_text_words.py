"""The internal-reference check finds each editors' word and file name, nothing in clean text."""

from __future__ import annotations

import pytest

from ipkpi.plan.public_text import internal_reference


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("see data-sources §1", "data-sources"),
        ("see DATA_SOURCES", "DATA_SOURCES"),
        ("field read_on of the row", "read_on"),
        ("thread_on is a word", None),
        ("kept in This Repository", "This Repository"),
        ("このリポジトリにある", "このリポジトリ"),
        ("Found by a search of the site", "Found by a search"),
        ("政府の検索で見つけた", "の検索で見つけ"),
        ("as in notes.md and data-sources", "notes.md"),
        ("plan.yaml", "plan.yaml"),
        ("docs/plan.yaml", None),
        ("2.5 % a year (e.g. 2024)", None),
        ("知的財産推進計画2025", None),
    ],
)
def test_internal_reference(text: str, found: str | None) -> None:
    assert internal_reference(text) == found
