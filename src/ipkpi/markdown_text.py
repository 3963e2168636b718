"""Text copied into Markdown as text: no raw HTML, no links, no emphasis the source did not mean.

Plan texts, measure names, notes and sources are data, and a Markdown renderer would read
``<script>``, ``[x](javascript:…)``, ``**`` or ``|`` in them as markup. :func:`inline` writes
``<``, ``>`` and an ``&`` that starts an entity as HTML entities and puts a backslash before
every other Markdown punctuation that has a meaning (CommonMark lets any ASCII punctuation be
escaped so), and joins lines; :func:`block` does the same per line and also escapes what
would start a heading, quote or list at the start of a line.
"""

from __future__ import annotations

import re

_ENTITIES = {"<": "&lt;", ">": "&gt;"}
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~!])")
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=\-])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")


def inline(text: object) -> str:
    """``text`` as one line of literal Markdown text."""
    out = " ".join(str(text).splitlines())
    out = _ENTITY_START.sub("&amp;", out)
    out = "".join(_ENTITIES.get(c, c) for c in out)
    return _PUNCTUATION.sub(r"\\\1", out)


def block(text: object) -> str:
    """``text`` as literal Markdown lines (a paragraph keeps its line breaks)."""
    lines = (inline(line) for line in str(text).splitlines())
    return "\n".join(_ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", x)) for x in lines)
