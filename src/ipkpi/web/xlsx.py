"""Excel workbooks (Office Open XML), written directly: sheets of cells, a frozen header row,
column widths.

A data table needs no styles or formulas, and a static site writes thousands of them:
openpyxl takes about 10 ms a workbook, this about 0.3 ms. Strings are inline, numbers are
numbers (whole ones as integers: a rank is 4, not 4.0); the result opens in Excel,
LibreOffice and openpyxl.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = f'xmlns:r="{_DOC}"'
_ROOT_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: its name (at most 31 characters, none of ``[]:*?/\\``) and its rows."""

    name: str
    rows: Sequence[Sequence[Cell]]
    freeze_header: bool = False  # keep the first row in view when scrolling
    max_width: int = 60  # column widths follow the longest cell, up to this many characters


_east_asian_width = cache(unicodedata.east_asian_width)


@cache
def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, value: Cell) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _width(value: Cell) -> int:
    """Characters a cell needs; a full-width (CJK) character takes two."""
    if value is None:
        return 0
    text = value if isinstance(value, str) else str(value)
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    if longest.isascii():  # most cells: numbers, dates, ids, English
        return len(longest)
    return sum(2 if _east_asian_width(ch) in "WF" else 1 for ch in longest)


def _sheet_xml(sheet: Sheet) -> str:
    body = []
    for r, row in enumerate(sheet.rows, start=1):
        cells = "".join(_cell(f"{_column(c)}{r}", value) for c, value in enumerate(row))
        body.append(f'<row r="{r}">{cells}</row>')
    count = max((len(row) for row in sheet.rows), default=0)
    needed = [6] * count  # at least 8 with the margin of 2
    for row in sheet.rows:
        for c, value in enumerate(row):
            w = _width(value)
            if w > needed[c]:
                needed[c] = w
    widths = [min(sheet.max_width, w + 2) for w in needed]
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(widths, start=1)
    )
    view = (
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        if sheet.freeze_header
        else ""
    )
    return (
        f"{_XML}<worksheet {_NS}>{view}"
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    )


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes, its sheets in order (the first is the one a reader opens)."""
    names = "".join(
        f'<sheet name="{escape(s.name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)
    )
    book = f"{_XML}<workbook {_NS} {_R}><sheets>{names}</sheets></workbook>"
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_SHEET_TYPE}.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    types = (
        f'{_XML}<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry("[Content_Types].xml"), types)
        archive.writestr(_entry("_rels/.rels"), _ROOT_RELS)
        archive.writestr(_entry("xl/workbook.xml"), book)
        archive.writestr(
            _entry("xl/_rels/workbook.xml.rels"),
            f'{_XML}<Relationships xmlns="{_PKG}/relationships">{rels}</Relationships>',
        )
        for i, sheet in enumerate(sheets, start=1):
            archive.writestr(_entry(f"xl/worksheets/sheet{i}.xml"), _sheet_xml(sheet))
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A deflated zip entry with a fixed date: the same sheets give the same bytes (a static
    site's rebuild then leaves an unchanged download as it was)."""
    entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def sheet_name(title: str) -> str:
    """``title`` as a sheet name Excel accepts."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "data"
