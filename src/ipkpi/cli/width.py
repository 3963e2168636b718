"""Text measured and wrapped by the columns a terminal gives it, not by its length.

An East Asian Wide or Fullwidth character (``unicodedata.east_asian_width``: W, F) takes two
columns, so Japanese measured with ``len()`` runs past the terminal's edge; and Japanese has no
spaces, so a wrapper that breaks at spaces only (``textwrap``, click's ``wrap_text``) cannot
break it at all. Here a line may break at a space or between two characters either of which
is wide, except before a closing mark (、。）」…) or after an opening one (（「…), as Japanese
typesetting does (禁則処理). Words of narrow characters (``--plan``, ``plans/ip2025``) stay whole.
"""

from __future__ import annotations

import unicodedata

#: Never at the start of a line: closing brackets, punctuation, small kana, the long vowel mark.
_NO_START = frozenset(
    "、。，．・：；？！）」』】〕〉》］｝ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%"
)
#: Never at the end of a line: opening brackets.
_NO_END = frozenset("（「『【〔〈《［｛([{")


def cell(char: str) -> int:
    """The columns one character takes: 0 for a combining mark, 2 for a wide one, else 1."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """The columns ``text`` takes on a terminal."""
    return sum(cell(char) for char in text)


def atoms(text: str) -> list[tuple[str, bool]]:
    """``text`` as the pieces a line may not break inside, each with whether a space was before
    it (a space is kept between two pieces on one line, dropped at a break)."""
    found: list[tuple[str, bool]] = []
    piece = ""
    spaced = False
    for char in text:
        if char.isspace():
            if piece:
                found.append((piece, spaced))
                piece = ""
            spaced = bool(found)
            continue
        if piece and _breaks(piece[-1], char):
            found.append((piece, spaced))
            piece, spaced = "", False
        piece += char
    if piece:
        found.append((piece, spaced))
    return found


def _breaks(before: str, after: str) -> bool:
    wide = cell(before) == 2 or cell(after) == 2
    return wide and after not in _NO_START and before not in _NO_END


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns (a narrow word longer than a line is cut)."""
    lines: list[str] = []
    line, empty = initial_indent, True
    for piece, spaced in atoms(text):
        joined = f"{line}{' ' if spaced and not empty else ''}{piece}"
        if empty or cells(joined) <= width:
            line, empty = joined, False
        else:
            lines.append(line.rstrip())
            line = f"{subsequent_indent}{piece}"
        while cells(line) > width and cells(subsequent_indent) + 2 < width:
            head, line = _cut(line, width, subsequent_indent)
            lines.append(head)
    lines.append(line.rstrip())
    return lines


def _cut(line: str, width: int, indent: str) -> tuple[str, str]:
    """A line too long for ``width`` even alone, cut at the last character that fits."""
    used = 0
    for i, char in enumerate(line):
        used += cell(char)
        if used > width:
            return line[:i], f"{indent}{line[i:]}"
    return line, indent


def fill(text: str, width: int, indent: str = "") -> str:
    """Paragraphs (separated by blank lines) each wrapped to ``width`` with ``indent``, as
    click's ``wrap_text(preserve_paragraphs=True)``: a paragraph that starts with ``\\b`` is kept
    line by line, and a paragraph's own indentation is kept."""
    out: list[str] = []
    for paragraph in _paragraphs(text):
        lines = paragraph.splitlines()
        if lines[0].strip() == "\b":
            out.append("\n".join(f"{indent}{line}" for line in lines[1:]))
            continue
        own = indent + " " * (len(lines[0]) - len(lines[0].lstrip()))
        out.append("\n".join(wrap(_joined(lines), width, own, own)))
    return "\n\n".join(out)


def _paragraphs(text: str) -> list[str]:
    found: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            found.append("\n".join(current))
            current = []
    if current:
        found.append("\n".join(current))
    return found


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one: a space between them, none between two wide characters."""
    text = lines[0].strip()
    for line in lines[1:]:
        part = line.strip()
        wide = text and part and cell(text[-1]) == 2 and cell(part[0]) == 2
        text = f"{text}{'' if wide else ' '}{part}"
    return text


def shortened(text: str, limit: int) -> str:
    """``text`` cut where a line may break to fit ``limit`` columns, with "..." as click does."""
    if cells(text) <= limit:
        return text
    kept = ""
    for piece, spaced in atoms(text):
        longer = f"{kept}{' ' if spaced and kept else ''}{piece}"
        if cells(longer) + 3 > limit:
            break
        kept = longer
    return f"{kept}..."
