"""The XLSX writer's zip (src/ipkpi/web/xlsx.py writes it itself, without zipfile's per-member
bookkeeping): the same bytes as Python's zipfile gives for the same members (deflated at the
writer's level, a fixed date 1980-01-01), members that check out, and cells, frozen header and
widths read back by openpyxl."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from ipkpi.web import xlsx
from ipkpi.web.xlsx import LEVEL, Sheet, workbook

ROWS: list[list[str | int | float | None]] = [
    ["系列ID", "値", "順位", "備考"],
    ["alpha.one", 1.5, 4.0, 'A & B <b> "quoted"'],
    ["輸出額", None, 12, "二行\nの備考"],
    ["", 3, True, "x" * 70],
]
SHEETS = [
    Sheet("データ", ROWS, freeze_header=True),
    Sheet('about "it"', [["項目", "内容"], ["KPI", "輸出額を2030年までに5兆円"]], True, 100),
]


def _with_zipfile(body: bytes, level: int = LEVEL) -> bytes:
    """The same members written again by zipfile (deflated at ``level``), as the writer did
    before."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as read, zipfile.ZipFile(out, "w") as write:
        for info in read.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            write.writestr(entry, read.read(info), compresslevel=level)
    return out.getvalue()


def test_the_bytes_are_those_zipfile_writes_for_the_same_members() -> None:
    body = workbook(SHEETS)
    assert body == _with_zipfile(body)
    # The frame's records are made once per set of sheet names: again, and for other sets.
    for sheets in (SHEETS, SHEETS[:1], [*SHEETS, Sheet("三", [["x", 1]])], SHEETS):
        again = workbook(sheets)
        assert again == _with_zipfile(again)
        assert len(zipfile.ZipFile(io.BytesIO(again)).namelist()) == 4 + len(sheets)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        assert [i.filename for i in archive.infolist()] == [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_the_level_is_zlibs_fastest_and_changes_the_bytes_only() -> None:
    body = workbook(SHEETS)
    assert LEVEL == 1
    at_default = _with_zipfile(body, level=6)  # what the writer wrote before (zlib's default)
    assert at_default != body
    with (
        zipfile.ZipFile(io.BytesIO(body)) as fast,
        zipfile.ZipFile(io.BytesIO(at_default)) as default,
    ):
        names = fast.namelist()
        assert names == default.namelist()
        assert [fast.read(n) for n in names] == [default.read(n) for n in names]
        sheet = fast.getinfo("xl/worksheets/sheet1.xml")
        assert sheet.compress_size < sheet.file_size


def test_openpyxl_reads_the_cells_the_frozen_header_and_the_widths() -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook(SHEETS)))
    assert book.sheetnames == ["データ", 'about "it"']
    data = book["データ"]
    assert [[c.value for c in row] for row in data.iter_rows()] == [
        ["系列ID", "値", "順位", "備考"],
        ["alpha.one", 1.5, 4, 'A & B <b> "quoted"'],
        ["輸出額", None, 12, "二行\nの備考"],
        [None, 3, "True", "x" * 70],
    ]
    assert isinstance(data["C2"].value, int)  # a rank is 4, not 4.0
    assert data.freeze_panes == "A2"
    # 系列ID: 系列(4) + ID(2) = 6, 8 at least; alpha.one 9 + 2; 順位 4 → 8; capped at 60
    widths = {key: dim.width for key, dim in data.column_dimensions.items()}
    assert widths == {"A": 11, "B": 8, "C": 8, "D": 60}
    assert book['about "it"']["B2"].value == "輸出額を2030年までに5兆円"


def _sheet(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_a_text_that_comes_back_is_written_as_the_first_time() -> None:
    # Texts are escaped and measured once, then taken from a table the writer holds (and
    # empties when full): in another workbook, and after the table was emptied, the same XML.
    rows: list[list[str | int | float | None]] = [["備考", "n"], ['A & B <b> "q"', -0.0]]
    first = _sheet(workbook([Sheet("a", rows)]))
    row2 = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">A &amp; B &lt;b&gt; "q"'
        '</t></is></c><c r="B2"><v>0</v></c></row>'  # -0.0 is whole: written 0
    )
    assert row2 in first
    assert '<col min="1" max="1" width="15" customWidth="1"/>' in first  # 13 characters + 2
    assert xlsx._TEXTS['A & B <b> "q"'][1] == 13
    again = _sheet(workbook([Sheet("b", [*rows, ["備考", 2.5]])]))
    assert row2 in again
    assert '<c r="A3" t="inlineStr"><is><t xml:space="preserve">備考</t></is></c>' in again
    xlsx._TEXTS.clear()
    assert _sheet(workbook([Sheet("a", rows)])) == first
