"""Indicator tables in, verdict tables out: the ``assess-table`` formats.

Observations: columns ``series, year, value`` (one row per series and year; a blank value is
a missing observation and is skipped, as Open SDG does). Targets: columns ``series,
direction, target, target_year, base_year, limit`` (and optionally ``unit``; ``%`` or
``percent`` there marks percentages for UNSD's 1-point rule). ``direction`` is ``increase`` or
``decrease``; blank means the method's default — Open SDG's lower-is-better (§4), while the
other methods give ``not_available`` (``no_direction``). The other cells may be blank. Every
problem in both tables is collected and reported at once (:class:`AssessmentInputError`),
each with its row and column.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..problems import Problem
from ..problems import inputs as says
from ..text import Text
from .batch import SeriesBatch, direction_code
from .errors import AssessmentInputError
from .points import PeriodError, table_year
from .table import TABLE_COLUMNS

OBSERVATION_COLUMNS = ("series", "year", "value")
TARGET_COLUMNS = ("series", "direction", "target", "target_year", "base_year", "limit")
#: ``assess-table``'s columns: the verdict table's, then the sentence.
OUTPUT_COLUMNS = (*TABLE_COLUMNS, "explanation")
PERCENT_UNITS = ("%", "％", "percent", "pct")

Place = tuple[str, int]
"""A table and a row in it: ``("obs.csv", 3)`` (the line), ``("targets", 2)`` (a frame's row)."""
Row = tuple[Place, Mapping[str, object]]
"""Where a row is and its cells by column name."""


_TABLES = {
    "observations": Text(ja="観測値", en="observations"),
    "targets": Text(ja="目標", en="targets"),
}


@dataclass
class _Target:
    where: Place
    direction: int
    target: float
    target_year: float
    base_year: float
    limit: float
    percent: int


def read_csv(path: Path, label: str) -> tuple[list[str], list[Row]]:
    """A CSV file's header (lower-cased, trimmed) and rows, each with its line number."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        unreadable = says.TABLE_UNREADABLE.at(str(path), table=_table(label), detail=str(exc))
        raise AssessmentInputError([unreadable], title=f"unreadable {label}") from None
    reader = csv.reader(text.splitlines())
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        empty = says.TABLE_EMPTY.at(str(path), table=_table(label))
        raise AssessmentInputError([empty], title=f"empty {label}") from None
    rows: list[Row] = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        padded = [*cells, *[""] * (len(header) - len(cells))]
        rows.append(((path.name, reader.line_num), dict(zip(header, padded, strict=False))))
    return header, rows


def build_batch(
    obs_columns: Sequence[str],
    observations: Iterable[Row],
    target_columns: Sequence[str],
    targets: Iterable[Row],
    *,
    obs_source: str = "observations",
    targets_source: str = "targets",
) -> SeriesBatch:
    """Validate both tables and build the batch, or raise with every problem found."""
    problems: list[Problem] = []
    for needed, have, source in (
        (OBSERVATION_COLUMNS, obs_columns, obs_source),
        (TARGET_COLUMNS, target_columns, targets_source),
    ):
        for column in needed:
            if column not in have:
                missing = says.TABLE_MISSING_COLUMN(column=column, needed=", ".join(needed))
                problems.append(missing.at(source, column=column))
    if any(c not in obs_columns for c in ("series", "year")) or "series" not in target_columns:
        raise AssessmentInputError(problems, title="missing columns")
    series, first = _observations(observations, problems)
    goals = _targets(targets, problems)
    for sid, goal in goals.items():
        if sid not in series:
            lonely = says.TABLE_TARGET_WITHOUT_OBSERVATIONS(series=sid)
            problems.append(lonely.at(*goal.where, column="series"))
    for sid in series:
        if sid not in goals:
            problems.append(says.TABLE_NO_TARGET_ROW.at(*first[sid], column="series", series=sid))
    if problems:
        raise AssessmentInputError(problems)
    ids = list(goals)
    years: list[float] = []
    values: list[float] = []
    periods: list[str] = []
    offsets = [0]
    for sid in ids:
        for year, value, period in sorted(series[sid]):
            years.append(year)
            values.append(value)
            periods.append(period)
        offsets.append(len(years))
    g = [goals[s] for s in ids]
    return SeriesBatch.build(
        np.asarray(years, dtype=np.float64),
        np.asarray(values, dtype=np.float64),
        offsets,
        direction=np.asarray([x.direction for x in g], dtype=np.int8),
        target=[x.target for x in g],
        target_year=[x.target_year for x in g],
        base_year=[x.base_year for x in g],
        limit=[x.limit for x in g],
        percent=[x.percent for x in g],
        ids=ids,
        periods=periods,
    )


def _observations(
    rows: Iterable[Row], problems: list[Problem]
) -> tuple[dict[str, list[tuple[float, float, str]]], dict[str, Place]]:
    """Observations per series (year, value, year as written), and where each series starts."""
    series: dict[str, list[tuple[float, float, str]]] = {}
    first: dict[str, Place] = {}
    seen: dict[tuple[str, float], Place] = {}
    for where, cells in rows:
        sid = _text(cells.get("series"))
        if not sid:
            problems.append(says.TABLE_BLANK_SERIES.at(*where, column="series"))
        year = _year(cells.get("year"), where, "year", problems, required=True)
        value = _number(cells.get("value", ""), where, "value", problems)
        if not sid or year is None:
            continue
        if (sid, year) in seen:
            again = says.TABLE_DUPLICATE_YEAR(
                series=sid, year=_text(cells.get("year")), first=_shown(seen[sid, year])
            )
            problems.append(again.at(*where, column="year"))
            continue
        seen[sid, year] = where
        first.setdefault(sid, where)
        rows_of = series.setdefault(sid, [])
        if value is not None:
            rows_of.append((year, value, _text(cells.get("year"))))
    return series, first


def _targets(rows: Iterable[Row], problems: list[Problem]) -> dict[str, _Target]:
    goals: dict[str, _Target] = {}
    for where, cells in rows:
        sid = _text(cells.get("series"))
        if not sid:
            problems.append(says.TABLE_BLANK_SERIES.at(*where, column="series"))
        elif sid in goals:
            twice = says.TABLE_SERIES_TWICE(series=sid, first=_shown(goals[sid].where))
            problems.append(twice.at(*where, column="series"))
        raw = _text(cells.get("direction"))
        direction = 0
        if "direction" not in cells:
            pass
        elif not raw:
            pass  # the method's default: Open SDG's lower-is-better; elsewhere not available
        else:
            try:
                direction = direction_code(raw)
            except ValueError:
                direction = 0
            if direction == 0 or raw.lower() not in ("increase", "decrease"):
                unknown = says.TABLE_UNKNOWN_DIRECTION(direction=raw)
                problems.append(unknown.at(*where, column="direction"))
        target = _number(cells.get("target"), where, "target", problems)
        limit = _number(cells.get("limit"), where, "limit", problems)
        target_year = _year(cells.get("target_year"), where, "target_year", problems)
        base_year = _year(cells.get("base_year"), where, "base_year", problems)
        if target_year is not None and base_year is not None and target_year <= base_year:
            problems.append(says.TABLE_TARGET_BEFORE_BASE.at(*where, column="target_year"))
        unit = _text(cells.get("unit")).lower()
        percent = -1 if not unit else int(unit in PERCENT_UNITS)
        if sid and sid not in goals:
            goals[sid] = _Target(
                where,
                direction,
                _nan(target),
                _nan(target_year),
                _nan(base_year),
                _nan(limit),
                percent,
            )
    return goals


def _text(cell: object) -> str:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if type(cell).__name__ in ("NAType", "NaTType"):  # pandas' missing markers
        return ""
    return str(cell).strip()


def _nan(x: float | None) -> float:
    return math.nan if x is None else x


def _number(cell: object, where: Place, column: str, problems: list[Problem]) -> float | None:
    """A finite number, None for a blank cell; anything else is a problem."""
    text = _text(cell)
    if not text:
        return None
    try:
        value = float(text) if isinstance(cell, str) else float(cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        problems.append(says.TABLE_NOT_A_NUMBER.at(*where, column=column, text=text))
        return None
    if not math.isfinite(value):
        problems.append(says.TABLE_NOT_FINITE.at(*where, column=column, text=text))
        return None
    return value


def _year(
    cell: object, where: Place, column: str, problems: list[Problem], *, required: bool = False
) -> float | None:
    text = _text(cell)
    if not text:
        if required:
            problems.append(says.TABLE_BLANK_YEAR.at(*where, column=column))
        return None
    try:
        return table_year(text[:-2] if text.endswith(".0") else text)
    except PeriodError as exc:
        problems.append(says.TABLE_BAD_YEAR.at(*where, column=column, detail=exc.message))
        return None


def _table(label: str) -> Text:
    return _TABLES.get(label, Text(ja=label, en=label))


def _shown(place: Place) -> str:
    return f"{place[0]}:{place[1]}"
