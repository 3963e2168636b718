"""Reading a statement file or a milestone completion file (CSV or XLSX), every row checked.

The first row is the header; each column is named in English (``kpi``, ``review_date``…) or by
its Japanese heading (``KPI``, ``評価基準日``…). Every bad cell is a problem naming the file, the
row and the column (and the cell in a workbook), in Japanese and English; a file with any
problem is refused whole (:class:`~ipkpi.store.problems.DataFileError`), nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from openpyxl.utils import get_column_letter

from ..problems import Message, Problem
from ..problems import statements as says
from ..text import Text, t
from .importers.base import ReadOptions
from .problems import DataFileError, file_problem
from .statement import STATUSES, Completion, Statement

Kind = Literal["text", "date", "status", "url", "kpi"]
#: The longest text a cell may hold (a statement is a paragraph, not a report).
MAX_TEXT = 4000


@dataclass(frozen=True)
class FileColumn:
    name: str
    label: Text
    kind: Kind
    what: Text
    required: bool = True
    aliases: tuple[str, ...] = ()

    @property
    def heading(self) -> Text:
        """How a problem names the column: its Japanese heading, or its English name."""
        return Text(ja=self.label.ja, en=self.name)


def _col(
    name: str, ja: str, kind: Kind, what: Text, *aliases: str, required: bool = True
) -> FileColumn:
    return FileColumn(name, t(ja, name), kind, what, required, (ja, *aliases))


_KPI = _col("kpi", "KPI", "kpi", t("KPI ID", "the KPI's id"), "kpi_id", "KPI ID")
STATEMENT_COLUMNS: tuple[FileColumn, ...] = (
    _KPI,
    _col("review_date", "評価基準日", "date", t("評価基準日", "the review date")),
    _col("status", "評価", "status", t("評価の語", "a status word"), required=False),
    _col("text_ja", "評価文（日本語）", "text", t("日本語の評価文", "the statement in Japanese")),
    _col("text_en", "評価文（英語）", "text", t("英語の評価文", "the statement in English")),
    _col("author_role", "作成者の役職", "text", t("作成者の役職", "the author's role")),
    _col("author_role_en", "作成者の役職（英語）", "text", t("", ""), required=False),
    _col("written_on", "作成日", "date", t("作成日", "the day it was written")),
)
COMPLETION_COLUMNS: tuple[FileColumn, ...] = (
    _KPI,
    _col("completed_on", "完了日", "date", t("完了日（決定日）", "the day it was done")),
    _col("decision_ja", "決定（日本語）", "text", t("決定の内容", "the decision in Japanese")),
    _col("decision_en", "決定（英語）", "text", t("英語の決定の内容", "the decision in English")),
    _col("source_title", "出典", "text", t("", ""), required=False),
    _col("source_url", "出典URL", "url", t("出典のURL", "the source's address")),
)


def _key(header: str) -> str:
    return unicodedata.normalize("NFKC", header).strip().lower().replace(" ", "_")


@dataclass
class _Table:
    file: str
    format: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    workbook: bool = False


#: A format's rows: the header and every row after it with its row number in the file.
_Rows = tuple[list[str], list[tuple[int, list[str]]]]


def _xlsx_rows(path: Path) -> _Rows:
    from .importers.xlsx_file import load_sheet

    grid = load_sheet(path, ReadOptions()).grid
    if not grid:
        raise file_problem(path, says.STATEMENT_NO_ROWS())
    return grid[0], [(i + 1, r) for i, r in enumerate(grid) if i]


def _csv_rows(path: Path) -> _Rows:
    from .importers.delimited import read_delimited

    header, frame, _ = read_delimited(path, ReadOptions())
    names = [f"c{i}" for i in range(len(header))]
    rows = frame.select("_row", *names).iter_rows()
    return header, [(int(r[0]), [c or "" for c in r[1:]]) for r in rows]


#: Each format: its name, whether cells have workbook addresses, how its rows are read.
_FORMATS: dict[str, tuple[str, bool, Callable[[Path], _Rows]]] = {
    ".xlsx": ("xlsx", True, _xlsx_rows),
    ".xlsm": ("xlsx", True, _xlsx_rows),
    ".csv": ("csv", False, _csv_rows),
    ".txt": ("csv", False, _csv_rows),
}


def _read(path: Path) -> _Table:
    """The file's header and its non-blank rows, whichever format it is in."""
    found = _FORMATS.get(path.suffix.lower())
    if found is None:
        raise file_problem(path, says.STATEMENT_NOT_TABLE(suffix=path.suffix))
    name, workbook, rows_of = found
    header, rows = rows_of(path)
    kept = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    return _Table(path.name, name, header, kept, workbook=workbook)


@dataclass
class _Checked:
    file: str
    format: str
    values: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _check(
    path: Path,
    columns: tuple[FileColumn, ...],
    kpi_ok: Callable[[str], Message | None],
    today: dt.date,
    key: tuple[str, str],
) -> _Checked:
    """Every row checked, and no two rows with the same ``key`` columns."""
    table = _read(path)
    positions = _positions(table, columns)
    problems: list[Problem] = []
    if not table.rows:
        raise file_problem(path, says.STATEMENT_NO_ROWS(), row=1)
    checked = _Checked(table.file, table.format)
    for row, cells in table.rows:
        values: dict[str, str] = {}
        for column in columns:
            at = positions.get(column.name)
            value = cells[at].strip() if at is not None and at < len(cells) else ""
            message = _cell_problem(column, value, kpi_ok, today)
            if message is not None:
                cell = (
                    f"{get_column_letter(at + 1)}{row}" if table.workbook and at is not None else ""
                )
                problems.append(Problem(message, table.file, row, column.name, value, cell))
            values[column.name] = value
        checked.values.append((row, values))
    problems.extend(_duplicates(checked, key))
    if problems:
        raise DataFileError(problems)
    return checked


def _positions(table: _Table, columns: tuple[FileColumn, ...]) -> dict[str, int]:
    """Where each column is, or every problem with the header."""
    by_key = {_key(a): c for c in columns for a in (c.name, *c.aliases)}
    names = ", ".join(c.name for c in columns)
    problems: list[Problem] = []
    positions: dict[str, int] = {}
    for i, heading in enumerate(table.header):
        if not heading.strip():
            continue
        column = by_key.get(_key(heading))
        if column is None:
            problems.append(
                says.STATEMENT_UNKNOWN_COLUMN.at(
                    table.file, 1, heading, field=heading, columns=names
                )
            )
        else:
            positions[column.name] = i
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(
                says.STATEMENT_MISSING_COLUMN.at(table.file, 1, field=column.heading, columns=names)
            )
    if problems:
        raise DataFileError(problems)
    return positions


def _cell_problem(
    column: FileColumn, value: str, kpi_ok: Callable[[str], Message | None], today: dt.date
) -> Message | None:
    heading = column.heading
    if not value:
        return (
            says.STATEMENT_EMPTY_CELL(field=heading, what=column.what) if column.required else None
        )
    if len(value) > MAX_TEXT:
        return says.STATEMENT_TOO_LONG(field=heading, length=len(value), limit=MAX_TEXT)
    if column.kind == "kpi":
        return kpi_ok(value)
    if column.kind == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return says.STATEMENT_NOT_DATE(field=heading)
        if day > today:
            return says.STATEMENT_FUTURE_DATE(
                field=heading, date=day.isoformat(), today=today.isoformat()
            )
    if column.kind == "status" and status_word(value) is None:
        allowed = ", ".join(f"{k}（{v.ja}）" for k, v in STATUSES.items())
        return says.STATEMENT_UNKNOWN_STATUS(word=value, allowed=allowed)
    if column.kind == "url" and not value.lower().startswith(("https://", "http://")):
        return says.STATEMENT_NOT_URL(field=heading)
    return None


def status_word(value: str) -> str | None:
    """The status word ``value`` names (its code or its Japanese or English label)."""
    key = _key(value)
    for code, label in STATUSES.items():
        if key in (code, _key(label.ja), _key(label.en)):
            return code
    return None


def _duplicates(checked: _Checked, key: tuple[str, str]) -> list[Problem]:
    seen: dict[tuple[str, str], int] = {}
    problems = []
    for row, values in checked.values:
        k = (values[key[0]], values[key[1]] if key[1] else "")
        if k in seen:
            message = (
                says.STATEMENT_TWICE(kpi=k[0], date=k[1], first=seen[k])
                if key[1]
                else says.STATEMENT_COMPLETION_TWICE(kpi=k[0], first=seen[k])
            )
            problems.append(message.at(checked.file, row, "kpi", k[0]))
        else:
            seen[k] = row
    return problems


def read_statement_file(
    path: Path, kpi_ids: Collection[str], today: dt.date
) -> tuple[str, list[Statement]]:
    """The file's format and its statements, or :class:`DataFileError` with every problem."""
    known = set(kpi_ids)

    def kpi_ok(value: str) -> Message | None:
        return None if value in known else says.STATEMENT_UNKNOWN_KPI(kpi=value)

    checked = _check(path, STATEMENT_COLUMNS, kpi_ok, today, ("kpi", "review_date"))
    return checked.format, [
        Statement(
            kpi_id=v["kpi"],
            review_date=dt.date.fromisoformat(v["review_date"]),
            text_ja=v["text_ja"],
            text_en=v["text_en"],
            author_role=v["author_role"],
            author_role_en=v["author_role_en"],
            written_on=dt.date.fromisoformat(v["written_on"]),
            status=status_word(v["status"]) if v["status"] else None,
        )
        for _, v in checked.values
    ]


def read_completion_file(
    path: Path, kpi_ids: Collection[str], milestone_ids: Collection[str], today: dt.date
) -> tuple[str, list[Completion]]:
    """The file's format and its milestone completions, or every problem."""
    known, milestones = set(kpi_ids), set(milestone_ids)

    def kpi_ok(value: str) -> Message | None:
        if value not in known:
            return says.STATEMENT_UNKNOWN_KPI(kpi=value)
        return None if value in milestones else says.STATEMENT_NOT_MILESTONE(kpi=value)

    checked = _check(path, COMPLETION_COLUMNS, kpi_ok, today, ("kpi", ""))
    return checked.format, [
        Completion(
            kpi_id=v["kpi"],
            completed_on=dt.date.fromisoformat(v["completed_on"]),
            decision_ja=v["decision_ja"],
            decision_en=v["decision_en"],
            source_title=v["source_title"],
            source_url=v["source_url"],
        )
        for _, v in checked.values
    ]
