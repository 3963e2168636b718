"""Bad files: every problem is reported (row, column, value, what to do) and nothing is written."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ipkpi.problems import Problem
from ipkpi.store import DataFileError, ImportLimits, SeriesCatalog, Store, import_file

from .conftest import FIXTURES, snapshot

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def filled(store: Store, catalog: SeriesCatalog) -> Store:
    """A store that already holds something, so "unchanged" means something."""
    import_file(store, FIXTURES / "utf8_with_bom.csv", catalog)
    return store


def refused(store: Store, path: Path, catalog: SeriesCatalog, **options: object) -> list[Problem]:
    """The problems of importing ``path``, checking that the store did not change."""
    before = snapshot(store)
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog, **options)  # type: ignore[arg-type]
    assert snapshot(store) == before
    for problem in caught.value.problems:
        assert_worded_in_japanese(problem)
    return caught.value.problems


def assert_worded_in_japanese(problem: Problem) -> None:
    """The problem's Japanese is its own wording, not the English one falling through."""
    ja, en = problem.message.text("ja"), problem.message.text("en")
    assert ja != en and JAPANESE.search(ja), (problem.code, ja)
    if problem.hint:
        hint = problem.message.hint("ja")
        assert hint != problem.hint and JAPANESE.search(hint), (problem.code, hint)


def test_duplicate_period(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "duplicate_period.csv", catalog)
    # 2024 and 2024年 are the same period.
    assert (problem.row, problem.column, problem.value) == (4, "period", "2024年")
    assert problem.reason == "a second value for the same series and period"
    assert "row 3 already gives data.store.rank.jpn for 2024" in problem.hint


def test_non_numeric_and_missing_values(filled: Store, catalog: SeriesCatalog) -> None:
    problems = refused(filled, FIXTURES / "non_numeric_value.csv", catalog)
    assert [(p.row, p.column, p.value, p.reason) for p in problems] == [
        (3, "value", "n/a", "not a number"),
        (4, "value", "", "no value"),
    ]
    assert "1,234" in problems[0].hint


def test_unknown_series_suggests_the_closest_id(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "unknown_series.csv", catalog)
    assert (problem.row, problem.column, problem.value) == (3, "series", "data.store.export.jpn")
    assert problem.reason == "unknown series"
    assert problem.hint == "did you mean 'data.store.exports.jpn'?"


def test_incompatible_unit(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "incompatible_unit.csv", catalog)
    assert (problem.row, problem.column, problem.value) == (3, "unit", "人")
    assert problem.reason == "a unit incompatible with the series"
    assert "data.store.exports.jpn is in 兆円 (jpy_cho)" in problem.hint


def test_implausible_and_impossible_periods(filled: Store, catalog: SeriesCatalog) -> None:
    problems = refused(filled, FIXTURES / "implausible_period.csv", catalog)
    assert [(p.row, p.value, p.reason) for p in problems] == [
        (3, "1850", "not a valid period"),
        (4, "令和1年4月", "not a valid period"),
    ]
    assert "outside 1900–2100" in problems[0].hint
    assert "2019-04 is 平成31年4月" in problems[1].hint


def test_a_period_of_the_wrong_frequency(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "calendar_year_for_fiscal_series.csv"
    path.write_text("series,period,value\ndata.store.ai.jpn,2024年,49.7\n", encoding="utf-8")
    [problem] = refused(filled, path, catalog)
    assert problem.reason == "a year in a fiscal series"
    assert "FY2024 or 2024年度" in problem.hint


def test_every_problem_of_every_row_at_once(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "many_problems.csv"
    path.write_text(
        "series,period,value,unit,flags,source_url\n"
        "data.store.rank.jpn,2024,x,rank,,\n"
        "nope,2024,1,,,\n"
        "data.store.rank.kor,2024,1,furlongs,,\n"
        "data.store.rank.kor,2023,1,,maybe,\n"
        "data.store.rank.kor,2022,1,,,ftp://example.org\n",
        encoding="utf-8",
    )
    problems = refused(filled, path, catalog)
    assert [(p.row, p.column, p.reason) for p in problems] == [
        (2, "value", "not a number"),
        (3, "series", "unknown series"),
        (4, "unit", "unknown unit"),
        (5, "flags", "unknown flag"),
        (6, "source_url", "not a web address"),
    ]


def test_empty_file(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "empty.csv", catalog)
    assert problem.reason == "the file is empty"


def test_header_without_rows(filled: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "header_only.csv"
    path.write_text("series,period,value\n", encoding="utf-8")
    [problem] = refused(filled, path, catalog)
    assert problem.reason == "the file has a header but no rows"


def test_missing_value_column(filled: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "no_value_column.csv"
    path.write_text("series,period,amount\ndata.store.rank.jpn,2024,13\n", encoding="utf-8")
    [problem] = refused(filled, path, catalog)
    assert (problem.row, problem.reason) == (1, "no value column")
    assert "'value' or 'obs_value' or '値'" in problem.hint


def test_truncated_file(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "truncated.csv", catalog)
    assert problem.row == 3
    assert "the last row has 4 of 8 columns and no line break" in problem.reason
    assert "truncated" in problem.reason


def test_unterminated_quote_and_ragged_rows(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text(
        "series,period,value\ndata.store.rank.jpn,2024,13,extra\ndata.store.rank.jpn,2023,12\n",
        encoding="utf-8",
    )
    [problem] = refused(filled, path, catalog)
    assert (problem.row, problem.reason) == (2, "4 fields where the header has 3")


def test_wrong_encoding(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "euc_jp_encoded.csv", catalog)
    assert problem.reason == (
        "the file is neither UTF-8 nor Shift_JIS (CP932): byte 0xb7 at offset 0 (line 1)"
    )
    assert problem.row == 1
    assert "CSV UTF-8" in problem.hint and "--encoding" in problem.hint


def test_text_that_only_looks_like_shift_jis(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "series,period,value,note\ndata.store.rank.jpn,2024,13,Ärger\n".encode("latin-1")
    )
    [problem] = refused(filled, path, catalog)
    assert "neither UTF-8 nor plausible Shift_JIS (CP932) text" in problem.reason
    assert "line 2 holds 'ﾄ'" in problem.reason


def test_wrong_encoding_is_readable_when_named(filled: Store, catalog: SeriesCatalog) -> None:
    report = import_file(filled, FIXTURES / "euc_jp_encoded.csv", catalog, encoding="euc_jp")
    assert report.new_count == 0 and report.unchanged_count == 2


def test_undecodable_bytes(filled: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"series,period,value\ndata.store.rank.jpn,2024,13\n" + b"\xff\xfe\x81\n")
    [problem] = refused(filled, path, catalog)
    assert "byte 0xff at offset 48 (line 3)" in problem.reason


def test_xlsx_formula_without_a_saved_result(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(filled, FIXTURES / "formula_without_saved_result.xlsx", catalog)
    assert (problem.row, problem.cell, problem.column) == (3, "C3", "value")
    assert problem.value == "=C2-0"
    assert problem.reason == "a formula with no saved result"
    assert "open the file in Excel and save it" in problem.hint


def test_xlsx_first_sheet_without_a_table_names_the_others(
    filled: Store, catalog: SeriesCatalog
) -> None:
    [problem] = refused(filled, FIXTURES / "titled_sheet_merged_header.xlsx", catalog)
    assert "no header row in the first 30 rows of sheet '注記'" in problem.reason
    assert "'輸出額', 'アクセス'" in problem.hint


def test_xlsx_unknown_sheet(filled: Store, catalog: SeriesCatalog) -> None:
    [problem] = refused(
        filled, FIXTURES / "titled_sheet_merged_header.xlsx", catalog, sheet="輸入額"
    )
    assert problem.reason == "no sheet '輸入額'"


def small_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["series", "period", "value"])
    sheet.append(["data.store.rank.jpn", 2024, 13])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_member(workbook: bytes, name: str, content: bytes) -> bytes:
    """The workbook with one archive member replaced."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == name else source.read(info.filename)
            target.writestr(
                info.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9
            )
    return out.getvalue()


def test_zip_bomb_xlsx_is_refused_before_it_is_inflated(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    bomb = sheet + b" " * (64 * 1024 * 1024) + b"</sheetData></worksheet>"
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(with_member(small_workbook(), "xl/worksheets/sheet1.xml", bomb))
    assert path.stat().st_size < 200_000

    [problem] = refused(filled, path, catalog)
    assert "xl/worksheets/sheet1.xml inflates" in problem.reason
    assert "a zip bomb" in problem.reason


def test_xlsx_declaring_billions_of_cells_is_refused(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    workbook = small_workbook()
    sheet = zipfile.ZipFile(io.BytesIO(workbook)).read("xl/worksheets/sheet1.xml")
    huge = sheet.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>')
    assert huge != sheet
    path = tmp_path / "billion_cells.xlsx"
    path.write_bytes(with_member(workbook, "xl/worksheets/sheet1.xml", huge))

    [problem] = refused(filled, path, catalog)
    assert "declares 1,048,576 rows × 16,384 columns" in problem.reason
    assert "10,000,000-cell limit" in problem.reason


def test_truncated_xlsx(filled: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    workbook = small_workbook()
    path.write_bytes(workbook[: len(workbook) // 2])
    [problem] = refused(filled, path, catalog)
    assert "damaged or truncated" in problem.reason


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx"])
def test_file_over_the_size_limit(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        rows = "".join(f"data.store.rank.jpn,{year},13\n" for year in range(1900, 2100))
        path.write_text("series,period,value\n" + rows, encoding="utf-8")
    else:
        path.write_bytes(small_workbook())
    limits = ImportLimits(max_csv_bytes=1024, max_xlsx_bytes=1024)

    [problem] = refused(filled, path, catalog, limits=limits)
    size = path.stat().st_size / 1024
    kind = " for XLSX" if name.endswith(".xlsx") else ""
    assert problem.reason == f"the file is {size:,.1f} KB, over the 1.0 KB limit{kind}"
    assert "--max-file-size" in problem.hint


def test_stored_unit_cannot_change(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "exports_first_release.csv", catalog)
    changed = dict(catalog)
    old = changed["data.store.exports.jpn"]
    changed["data.store.exports.jpn"] = type(old)(old.id, "jpy_oku", old.label, old.frequency)
    [problem] = refused(store, FIXTURES / "exports_final_release.csv", changed)
    assert (
        problem.reason
        == "data.store.exports.jpn is stored in jpy_cho but the plan now gives jpy_oku"
    )


def test_rows_after_a_note_spanning_lines_are_numbered_by_line(
    filled: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "multiline_note.csv"
    path.write_text(
        'series,period,value,note\ndata.store.rank.jpn,2023,13,"first line\nsecond line"\n'
        "data.store.rank.jpn,2024,x,\n",
        encoding="utf-8",
    )
    [problem] = refused(filled, path, catalog)
    assert (problem.row, problem.value) == (4, "x")


def test_a_source_url_option_that_is_not_a_web_address(
    filled: Store, catalog: SeriesCatalog
) -> None:
    # The option is checked where the column is, for the CLI and the browser import alike.
    [problem] = refused(
        filled, FIXTURES / "exports_first_release.csv", catalog, source_url="javascript:alert(1)"
    )
    assert str(problem) == (
        "exports_first_release.csv, column source_url: the source URL is not a web address "
        "(value 'javascript:alert(1)') — give an http:// or https:// URL"
    )
    report = import_file(
        filled, FIXTURES / "exports_first_release.csv", catalog, source_url="HTTPS://maff.go.jp/"
    )
    assert report.status == "imported"
