"""Problems found in a data file: every one reported at once, each with where and what to do."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True, order=True)
class DataProblem:
    """One problem: in ``file``, at ``row`` (1 = the header line or row) and ``column``.

    ``row`` 0 means the file as a whole. ``reason`` says what is wrong and ``hint`` what to do.
    ``cell`` names a spreadsheet cell (``C12``) when there is one.
    """

    file: str
    row: int
    column: str
    value: str
    reason: str
    hint: str = ""
    cell: str = ""

    def where(self) -> str:
        place = self.file
        if self.row:
            place += f", row {self.row}"
        if self.cell:
            place += f" (cell {self.cell})"
        if self.column:
            place += f", column {self.column}"
        return place

    def __str__(self) -> str:
        text = f"{self.where()}: {self.reason}"
        if self.value:
            text += f" (value {self.value!r})"
        if self.hint:
            text += f" — {self.hint}"
        return text


class DataFileError(Exception):
    """A data file that cannot be imported; nothing of it was written."""

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        if count == 1:
            return str(self.problems[0])
        first = "; ".join(str(p) for p in self.problems[:3])
        more = f"; and {count - 3} more" if count > 3 else ""
        return f"{count} problems: {first}{more}"

    def counts(self) -> Counter[str]:
        """How many problems of each reason (for a summary of a large file)."""
        return Counter(p.reason for p in self.problems)


def file_problem(
    path: Path | str, reason: str, hint: str = "", *, row: int = 0, value: str = ""
) -> DataFileError:
    """An error about the file as a whole (or one row of it, ``row``)."""
    return DataFileError([DataProblem(str(path), row, "", value, reason, hint)])


class RowProblems:
    """Problems collected row by row while a table is checked."""

    def __init__(self, file: str, cells: dict[str, str] | None = None) -> None:
        self.file = file
        self.cells = cells or {}
        self.found: list[DataProblem] = []

    def add(self, rows: pl.DataFrame, column: str, reason: str, hint: str) -> None:
        """One problem per row of ``rows`` (a frame with ``_row`` and ``column``)."""
        for row, value in rows.select("_row", column).iter_rows():
            self.add_one(row, column, value, reason, hint)

    def add_one(self, row: int, column: str, value: str, reason: str, hint: str) -> None:
        letter = self.cells.get(column, "")
        cell = f"{letter}{row}" if letter else ""
        self.found.append(DataProblem(self.file, row, column, value, reason, hint, cell))
