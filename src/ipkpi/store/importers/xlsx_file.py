"""XLSX workbooks: a named or the first sheet, the header found below a title block.

The header is the first row (of the first :data:`HEADER_SCAN_ROWS`) naming the series,
period and value columns. Merged cells take the value of their top-left cell, so a merged
header or a category merged down a block of rows reads as if written in every cell; a
header merged across columns over a second header row (出典 over タイトル | URL) combines
the two. A formula whose result was never saved (a file written by a program, not Excel)
is an error naming the cell: ipkpi does not compute formulas. A value taken from another
workbook (an external link, ``=[1]Sheet1!A1``) is refused too, although Excel saved a copy:
the copy is whatever the other file held when this one was last saved.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from xml.etree.ElementTree import ParseError

import openpyxl
import polars as pl
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter

from ...problems import Message, Problem
from ...problems import data_files as says
from ..problems import DataFileError, file_problem
from .archive import check_archive
from .base import ROW, RawTable, ReadOptions
from .columns import HeaderMap, map_header
from .merges import Merge, apply_merges, read_merges

HEADER_SCAN_ROWS = 30
#: A reference into another workbook, as openpyxl reads it: ``[1]Sheet1!A1``, ``'[2]表'!B3``.
EXTERNAL_REFERENCE = re.compile(r"\[\d+\]")


@dataclass
class _Sheet:
    name: str
    grid: list[list[str]]
    formulas: dict[tuple[int, int], str]  # (row, column), 0-based → formula text
    merges: list[Merge]
    others: list[str]  # the workbook's other sheets


class XlsxReader:
    format: ClassVar[str] = "xlsx"
    suffixes: ClassVar[tuple[str, ...]] = (".xlsx", ".xlsm")

    @classmethod
    def handles(cls, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in cls.suffixes or head.startswith(b"PK\x03\x04")

    def read(self, path: Path, options: ReadOptions) -> RawTable:
        check_archive(path, options.limits)
        with _unreadable_as_problems(path.name):
            sheet = _load(path, options)
            if sheet.formulas:
                _fill_cached_results(path, sheet)
        apply_merges(sheet.grid, sheet.merges)
        header_row, mapped = _find_header(sheet, path.name)
        data_start = header_row + 1
        if _has_subheader(sheet, header_row):
            mapped = _two_row_header(sheet, header_row, path.name)
            data_start += 1
        if mapped.problems:
            raise DataFileError(mapped.problems)
        _check_formulas(sheet, mapped, data_start, path.name)
        rows = sheet.grid[data_start:]
        if not rows:
            message = says.SHEET_HEADER_ONLY(sheet=sheet.name)
            raise file_problem(path, message, row=header_row + 1)
        columns = {
            name: [row[i] if i < len(row) else "" for row in rows]
            for name, i in mapped.positions.items()
        }
        frame = pl.DataFrame(
            {ROW: list(range(data_start + 1, data_start + 1 + len(rows))), **columns},
            schema={ROW: pl.Int64, **dict.fromkeys(columns, pl.String)},
        )
        letters = {name: get_column_letter(i + 1) for name, i in mapped.positions.items()}
        return RawTable(
            path.name,
            self.format,
            frame,
            mapped.bare_year_is_fiscal,
            letters,
            [says.SHEET_NOTE(sheet=sheet.name, detail=w) for w in mapped.warnings],
        )


@contextmanager
def _unreadable_as_problems(file: str) -> Iterator[None]:
    """What openpyxl raises on a damaged or hostile workbook, as a problem naming the file.

    openpyxl parses through defusedxml (a dependency): a DTD's entities are refused rather
    than expanded, so a "billion laughs" part stops at once.
    """
    try:
        yield
    except DataFileError:
        raise
    except Exception as exc:  # openpyxl's own errors, or what it wraps (ValueError: …)
        raise file_problem(file, _unreadable(exc)) from None


def _unreadable(exc: BaseException) -> Message:
    """The most telling error in the chain openpyxl raised (it wraps parse errors)."""
    chain: list[BaseException] = []
    found: BaseException | None = exc
    while found is not None and found not in chain:
        chain.append(found)
        found = found.__cause__ or found.__context__
    for error in chain:
        if isinstance(error, DefusedXmlException):
            return says.XLSX_XML_ENTITIES()
        if isinstance(error, ParseError):
            return says.XLSX_XML_DAMAGED(detail=str(error))
        if isinstance(error, zipfile.BadZipFile | zlib.error | EOFError | KeyError):
            return says.ZIP_DAMAGED()
    return says.XLSX_UNREADABLE(detail=f"{type(exc).__name__}: {exc}"[:200])


@contextmanager
def _open(path: Path, data_only: bool) -> Iterator[Any]:
    """The workbook, read only; the file is closed however openpyxl ends (it leaves it open
    when a damaged part makes it give up)."""
    with path.open("rb") as handle:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; none affect values.
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=data_only)
        try:
            yield workbook
        finally:
            workbook.close()


def _load(path: Path, options: ReadOptions) -> _Sheet:
    limits = options.limits
    with _open(path, data_only=False) as workbook:
        names = list(workbook.sheetnames)
        name = options.sheet or names[0]
        if name not in names:
            sheets = ", ".join(map(repr, names))
            raise file_problem(path, says.NO_SHEET(name=name, sheets=sheets))
        ws = workbook[name]
        rows, cols = ws.max_row or 0, ws.max_column or 0
        if rows * cols > limits.max_cells:
            declared = says.SHEET_DECLARES_TOO_MANY(
                sheet=name, rows=f"{rows:,}", columns=f"{cols:,}", limit=f"{limits.max_cells:,}"
            )
            raise file_problem(path, declared)
        grid: list[list[str]] = []
        formulas: dict[tuple[int, int], str] = {}
        cells = 0
        for r, row in enumerate(ws.iter_rows()):
            cells += len(row)
            if cells > limits.max_cells:
                too_many = says.SHEET_TOO_MANY(sheet=name, limit=f"{limits.max_cells:,}")
                raise file_problem(path, too_many)
            texts = []
            for c, cell in enumerate(row):
                if cell.data_type == "f":
                    formulas[(r, c)] = str(cell.value)
                    texts.append("")
                else:
                    texts.append(_text(cell.value, cell.number_format))
            grid.append(texts)
        merges = read_merges(workbook, ws)
    while grid and not any(grid[-1]):
        grid.pop()
    return _Sheet(name, grid, formulas, merges, [n for n in names if n != name])


def _text(value: object, number_format: str | None) -> str:
    """A cell as the text a CSV would hold; dates become periods (a month without a day)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        if "d" in (number_format or "d").lower():
            return f"{value.year}-{value.month:02d}-{value.day:02d}"
        return f"{value.year}-{value.month:02d}"
    return str(value)


def _fill_cached_results(path: Path, sheet: _Sheet) -> None:
    """Replace formula cells by the results Excel saved with them (left empty when none)."""
    with _open(path, data_only=True) as workbook:
        ws = workbook[sheet.name]
        last = max(r for r, _ in sheet.formulas) + 1
        for r, row in enumerate(ws.iter_rows(max_row=last)):
            for c, cell in enumerate(row):
                formula = sheet.formulas.get((r, c))
                if formula is None or EXTERNAL_REFERENCE.search(formula):
                    continue  # an external link's cached value is not taken: see _check_formulas
                if cell.value is not None:
                    sheet.grid[r][c] = _text(cell.value, cell.number_format)
                    del sheet.formulas[(r, c)]


def _find_header(sheet: _Sheet, file: str) -> tuple[int, HeaderMap]:
    for r, row in enumerate(sheet.grid[:HEADER_SCAN_ROWS]):
        mapped = map_header(row, file, r + 1, _letters(len(row)))
        if all(c in mapped.positions for c in ("series", "period", "value")):
            return r, mapped
    if sheet.others:
        others = ", ".join(map(repr, sheet.others))
        message = says.NO_HEADER_ROW_OTHER_SHEETS(
            rows=HEADER_SCAN_ROWS, sheet=sheet.name, others=others
        )
    else:
        message = says.NO_HEADER_ROW(rows=HEADER_SCAN_ROWS, sheet=sheet.name)
    raise file_problem(file, message)


def _has_subheader(sheet: _Sheet, row: int) -> bool:
    """A header cell merged across columns with names below it: a two-row header."""
    below = sheet.grid[row + 1] if row + 1 < len(sheet.grid) else []
    return any(
        m.first_row == row
        and m.last_col > m.first_col
        and any(
            c < len(below) and below[c] and below[c] != sheet.grid[row][c]
            for c in range(m.first_col, m.last_col + 1)
        )
        for m in sheet.merges
    )


def _two_row_header(sheet: _Sheet, row: int, file: str) -> HeaderMap:
    top, below = sheet.grid[row], sheet.grid[row + 1]
    names = []
    for c, parent in enumerate(top):
        child = below[c] if c < len(below) else ""
        names.append(parent + child if child and child != parent else parent or child)
    return map_header(names, file, row + 2, _letters(len(names)))


def _check_formulas(sheet: _Sheet, mapped: HeaderMap, start: int, file: str) -> None:
    used = {i: name for name, i in mapped.positions.items()}
    problems = [
        Problem(
            says.EXTERNAL_LINK()
            if EXTERNAL_REFERENCE.search(formula)
            else says.FORMULA_WITHOUT_RESULT(),
            file,
            r + 1,
            used[c],
            formula,
            cell=f"{get_column_letter(c + 1)}{r + 1}",
        )
        for (r, c), formula in sorted(sheet.formulas.items())
        if r >= start and c in used
    ]
    if problems:
        raise DataFileError(problems)


def _letters(count: int) -> list[str]:
    return [get_column_letter(i + 1) for i in range(count)]


def load_sheet(path: Path, options: ReadOptions) -> _Sheet:
    """A workbook's sheet as text cells (formulas by their saved results, merges filled), for
    tables other than observations (the secretariat's statements)."""
    check_archive(path, options.limits)
    sheet = _load(path, options)
    if sheet.formulas:
        _fill_cached_results(path, sheet)
    apply_merges(sheet.grid, sheet.merges)
    return sheet
