"""Problems found in a data file: every one counted, the first :data:`MAX_PROBLEMS` kept.

A problem is a :class:`~ipkpi.problems.Problem` (file, row, column, cell, value, a coded
message in Japanese and English). A file with millions of bad rows is not described row by
row: past :data:`MAX_PROBLEMS` only the count of each kind of problem is kept, so the work
and the memory stay bounded and the reader still learns how many more there are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import IpkpiError, Message, Problem

if TYPE_CHECKING:
    import polars as pl

#: Problems described one by one; past it they are only counted (by kind).
MAX_PROBLEMS = 1000


class StoreError(IpkpiError):
    """The store layer's errors: a data file, a withdrawal or the store itself."""


class DataFileError(StoreError):
    """A data file that cannot be imported; nothing of it was written.

    ``problems`` are the first problems (at most :data:`MAX_PROBLEMS`, in file order);
    ``total`` counts every problem found and :meth:`counts` counts them by code.
    """

    def __init__(
        self,
        problems: Iterable[Problem] | Problem | Message,
        *,
        total: int | None = None,
        by_code: Counter[str] | None = None,
        examples: dict[str, Message] | None = None,
    ) -> None:
        super().__init__(problems)
        del self.problems[MAX_PROBLEMS:]
        self._by_code = by_code or Counter(p.code for p in self.problems)
        self.total = max(total or 0, sum(self._by_code.values()))
        self._examples = examples or {}
        for problem in self.problems:
            self._examples.setdefault(problem.code, problem.message)

    @property
    def more(self) -> int:
        """Problems found but not described one by one."""
        return self.total - len(self.problems)

    def counts(self) -> Counter[str]:
        """How many problems of each code (for a summary of a large file)."""
        return self._by_code

    def example(self, code: str) -> Message:
        """The message of the first problem with ``code`` (to label a count)."""
        return self._examples[code]


def file_problem(
    path: Path | str, message: Message, *, row: int = 0, value: str = "", column: str = ""
) -> DataFileError:
    """An error about the file as a whole (or one row of it, ``row``)."""
    return DataFileError(Problem(message, Path(path).name, row, column, value))


class RowProblems:
    """Problems collected row by row while a table is checked (bounded: see the module)."""

    def __init__(self, file: str, cells: dict[str, str] | None = None) -> None:
        self.file = file
        self.cells = cells or {}
        self.found: list[Problem] = []
        self.total = 0
        self.by_code: Counter[str] = Counter()
        self.examples: dict[str, Message] = {}

    def __bool__(self) -> bool:
        return self.total > 0

    def add(self, rows: pl.DataFrame, column: str, message: Message) -> None:
        """One problem per row of ``rows`` (a frame with ``_row`` and ``column``)."""
        if rows.height == 0:
            return
        self._count(message, rows.height)
        kept = rows.select("_row", column).sort("_row").head(MAX_PROBLEMS)
        for row, value in kept.iter_rows():
            self._keep(row, column, value, message)
        self._trim()

    def add_one(self, row: int, column: str, value: str, message: Message) -> None:
        self._count(message, 1)
        self._keep(row, column, value, message)
        self._trim()

    def count_more(self, code: str, count: int) -> None:
        """``count`` more problems of ``code`` (one was described already), not described."""
        self.total += count
        self.by_code[code] += count

    def error(self) -> DataFileError:
        return DataFileError(
            self.found, total=self.total, by_code=self.by_code, examples=self.examples
        )

    def _count(self, message: Message, count: int) -> None:
        self.total += count
        self.by_code[message.code] += count
        self.examples.setdefault(message.code, message)

    def _keep(self, row: int, column: str, value: str | None, message: Message) -> None:
        letter = self.cells.get(column, "")
        cell = f"{letter}{row}" if letter else ""
        self.found.append(Problem(message, self.file, row, column, value or "", cell))

    def _trim(self) -> None:
        if len(self.found) > 2 * MAX_PROBLEMS:
            self.found.sort(key=Problem.sort_key)
            del self.found[MAX_PROBLEMS:]
