"""Excel workbooks (Office Open XML), written directly: sheets of cells, a frozen header row,
column widths.

A data table needs no styles or formulas, and a static site writes thousands of them:
openpyxl takes about 10 ms a workbook, this well under 1 ms. Strings are inline, numbers are
numbers (whole ones as integers: a rank is 4, not 4.0); the result opens in Excel,
LibreOffice and openpyxl. The zip is written here too, byte for byte as Python's zipfile
writes it at :data:`LEVEL` (tests/web/test_xlsx_zip.py), with the members that only depend on
the sheet names deflated once.
"""

from __future__ import annotations

import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
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
LEVEL = 1
"""zlib's level for the members: its fastest. A KPI's workbook (a sheet of ~11 kB of XML and
its about sheet) takes 61 µs to deflate instead of 88 at zlib's default 6, for 2,150 bytes
instead of 1,996 (the shipped plan's: 95 µs, not 168, 3,640 bytes, not 3,381); the static
build writes two a KPI."""
Member = tuple[int, int, bytes]
"""A zip member: its CRC-32, its size and its deflated bytes."""


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
    return _wide_width(longest)


@lru_cache(maxsize=4096)
def _wide_width(text: str) -> int:
    """:func:`_width` of a text with non-ASCII characters: the same labels, units and sources
    come back in row after row and workbook after workbook, so each is counted once."""
    return sum(2 if _east_asian_width(ch) in "WF" else 1 for ch in text)


_TEXT_END = '" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>'
_TEXTS: dict[str, tuple[str, int]] = {}
_TEXTS_HELD = 20_000  # emptied when full: a worker's texts never grow without bound


def _text_cell(value: str) -> tuple[str, int]:
    """A text cell's XML after its reference (``A2``), and the characters it needs: the
    same ids, periods, units, sources, labels and about lines come back in row after row,
    in the Japanese and the English workbook of a KPI and in workbook after workbook, so each
    is escaped and measured once (the workbooks of a 500-KPI generated plan: 2.3 % of their
    text cells are new)."""
    text = escape(value) if "&" in value or "<" in value or ">" in value else value
    width = len(value) if value.isascii() and "\n" not in value else _width(value)
    if len(_TEXTS) >= _TEXTS_HELD:
        _TEXTS.clear()
    made = _TEXTS[value] = (_TEXT_END.format(text), width)
    return made


def _sheet_xml(sheet: Sheet) -> str:
    body: list[str] = []
    count = max((len(row) for row in sheet.rows), default=0)
    names = [_column(c) for c in range(count)]
    needed = [6] * count  # at least 8 with the margin of 2
    texts = _TEXTS
    cells = body.append  # the rows' and cells' XML, in order, in one list
    for r, row in enumerate(sheet.rows, start=1):
        cells(f'<row r="{r}">')
        for c, value in enumerate(row):
            if type(value) is str:  # most cells
                if value:
                    end, w = texts.get(value) or _text_cell(value)
                    cells(f'<c r="{names[c]}{r}{end}')
                    if w > needed[c]:
                        needed[c] = w
                continue
            if type(value) is float:  # values: the number as _cell writes it, its repr's width
                shown = repr(value)
                if value.is_integer() and abs(value) < 2**53:
                    cells(f'<c r="{names[c]}{r}"><v>{int(value)!r}</v></c>')
                else:
                    cells(f'<c r="{names[c]}{r}"><v>{shown}</v></c>')
                if len(shown) > needed[c]:
                    needed[c] = len(shown)
                continue
            if value is not None:
                cells(_cell(f"{names[c]}{r}", value))
                w = _width(value)
                if w > needed[c]:
                    needed[c] = w
        cells("</row>")
    cols = _cols(tuple(min(sheet.max_width, w + 2) for w in needed))
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


@lru_cache(maxsize=1024)
def _cols(widths: tuple[int, ...]) -> str:
    """The columns' widths (a KPI's data sheets have few sets of them)."""
    return "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(widths, start=1)
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """A sheet made ready once (:func:`prepare`), to be put into several workbooks."""

    name: str
    member: Member


def prepare(sheet: Sheet) -> Prepared:
    return Prepared(sheet.name, _deflated(_sheet_xml(sheet).encode()))


def workbook(sheets: Sequence[Sheet | Prepared]) -> bytes:
    """The workbook's bytes, its sheets in order (the first is the one a reader opens)."""
    names = tuple(s.name for s in sheets)
    ready = [s if isinstance(s, Prepared) else prepare(s) for s in sheets]
    head, listed, offset = _framed(names)
    paths = (f"xl/worksheets/sheet{i}.xml" for i in range(1, len(sheets) + 1))
    local, central, end = _records(zip(paths, (s.member for s in ready), strict=True), offset)
    return _zip_end([head, *local], [*listed, *central], end)


_FRAME_PATHS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
)


@lru_cache(maxsize=64)
def _frame(names: tuple[str, ...]) -> tuple[Member, ...]:
    """The members around the sheets (the same for every workbook with these sheet names)."""
    listed = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    book = f"{_XML}<workbook {_NS} {_R}><sheets>{listed}</sheets></workbook>"
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_SHEET_TYPE}.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    types = (
        f'{_XML}<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    workbook_rels = f'{_XML}<Relationships xmlns="{_PKG}/relationships">{rels}</Relationships>'
    return tuple(_deflated(text.encode()) for text in (types, _ROOT_RELS, book, workbook_rels))


@lru_cache(maxsize=64)
def _framed(names: tuple[str, ...]) -> tuple[bytes, tuple[bytes, ...], int]:
    """The zip's start, the frame's members (:func:`_frame`) with their local headers, their
    central directory records and where the sheets start: the same for these sheet names."""
    local, central, offset = _records(zip(_FRAME_PATHS, _frame(names), strict=True), 0)
    return b"".join(local), tuple(central), offset


def _deflated(data: bytes) -> Member:
    if len(data) * 1.05 > zipfile.ZIP64_LIMIT:  # zipfile would need ZIP64 records
        raise ValueError(f"a sheet of {len(data)} bytes is too large for this writer")
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), packer.compress(data) + packer.flush()


# The zip as Python's zipfile writes it (members deflated at LEVEL, no data descriptors, a
# fixed date 1980-01-01: the same sheets give the same bytes, so a rebuild leaves an unchanged
# file as it was), without zipfile's per-member bookkeeping.
_DOS_DATE = 1 << 5 | 1  # 1980-01-01
_VERSION = zipfile.DEFAULT_VERSION
_DEFLATE = zipfile.ZIP_DEFLATED
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_SYSTEM = zipfile.ZipInfo().create_system
_MODE = 0o600 << 16  # what zipfile gives a member with no mode of its own


def _records(
    members: Iterable[tuple[str, Member]], offset: int
) -> tuple[list[bytes], list[bytes], int]:
    """The members' local headers and data, their central directory records, and the offset
    after them, the first written at ``offset``."""
    out: list[bytes] = []
    central: list[bytes] = []
    for path, (crc, size, data) in members:
        name = path.encode("ascii")
        fields = (_DEFLATE, 0, _DOS_DATE, crc, len(data), size, len(name))
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields, 0)
        head = (b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, 0)
        central += (_CENTRAL.pack(*head, *fields, 0, 0, 0, 0, _MODE, offset) + name,)
        out += (local, name, data)
        offset += len(local) + len(name) + len(data)
    return out, central, offset


def _zip_end(out: list[bytes], central: list[bytes], offset: int) -> bytes:
    """The zip of these members' records (``offset`` is where they end)."""
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(out) + directory + end


def sheet_name(title: str) -> str:
    """``title`` as a sheet name Excel accepts."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "data"
