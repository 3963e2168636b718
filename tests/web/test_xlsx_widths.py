"""Column widths of the hand-written XLSX (src/ipkpi/web/xlsx.py): the longest line of the
column's cells, a full-width character counting two, plus a margin of 2, at least 8 and at
most the sheet's max_width. Read back with openpyxl."""

from __future__ import annotations

import io

import openpyxl

from ipkpi.web.xlsx import Sheet, workbook


def _widths(rows: list[list[str | int | float | None]]) -> dict[str, float | None]:
    body = workbook([Sheet("data", rows, freeze_header=True)])
    sheet = openpyxl.load_workbook(io.BytesIO(body))["data"]
    return {key: dim.width for key, dim in sheet.column_dimensions.items()}


def test_widths_count_full_width_characters_twice_and_ascii_once() -> None:
    widths = _widths(
        [
            ["series_id", "文言", "rank", "note"],
            ["alpha.one.rank.kor", "輸出額を2030年までに5兆円", 4, "ab\nabcdef"],
            [None, "輸出額", 12345678901, "x" * 100],
        ]
    )
    # 18 ASCII characters + 2; 輸出額を(8) 2030(4) 年までに(8) 5(1) 兆円(4) = 25 + 2;
    # the integer's 11 digits + 2; the 100-character note capped at 60
    assert widths == {"A": 20, "B": 27, "C": 13, "D": 60}


def test_a_short_column_is_eight_wide_and_a_multi_line_cell_counts_its_longest_line() -> None:
    widths = _widths([["id", "n"], ["a", "ab\nabcd"], ["b", "全角\nx"]])
    assert widths == {"A": 8, "B": 8}
