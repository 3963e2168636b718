"""What a public text may not say: the names of the editors' own files and working words.

Public notes are read by the public on pages, in downloads and in the report. A note that
points at an internal file ("data-sources.md §1") or at the editors' working ("found by a
search", "this repository") belongs in an editor's note instead.
"""

from __future__ import annotations

import re

#: A file name with an extension the editors' material uses (reference notes, data, code).
_FILE = re.compile(
    r"(?i)(?<![A-Za-z0-9_/.-])[A-Za-z0-9_\-]+\.(?:md|csv|tsv|ya?ml|py|json|txt|toml|ipynb)\b"
)
#: Words that only make sense to the editors (``data[-_]sources`` rather than two
#: alternatives: the same words, found about seven times faster by ``re``).
_WORDS = re.compile(
    r"(?i)data[-_]sources|\bread_on\b|this repository|このリポジトリ|"
    r"found by a search|の検索で見つけ"
)


def internal_reference(text: str) -> str | None:
    """The first internal file name or working word in ``text``, or None when it is clean."""
    found = _FILE.search(text) if "." in text else None  # a file name has a dot
    found = found or _WORDS.search(text)
    return found.group(0) if found else None
