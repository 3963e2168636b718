"""What a KPI's verdict is computed from: values in the series' unit, the plan's baseline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..plan.kpi import LevelByDeadline
from ..units import UnitError, convert, unit
from .points import PeriodError, Point, period_year


def in_unit(value: float, source: str, target: str) -> float | None:
    try:
        return convert(value, source, target)
    except UnitError:
        return None


def change_in_unit(change: float, source: str, target: str) -> float | None:
    """A change in percentage points adds to a level in percent."""
    try:
        if unit(source).dimension == "share_change" and unit(target).dimension == "share":
            return change * unit(source).factor / unit(target).factor
    except UnitError:
        return None
    return in_unit(change, source, target)


def is_percent(code: str) -> bool:
    try:
        return unit(code).dimension == "share"
    except UnitError:
        return False


def with_baseline(
    own: list[Point], baseline: Any, unit_code: str, period: str | None = None
) -> tuple[list[Point], float | None, bool]:
    """The plan's stated baseline as an observation when the data lack it, and its year."""
    period = period or (baseline.period if baseline is not None else None)
    if period is None:
        return own, None, False
    try:
        year = period_year(period)
    except PeriodError:
        return own, None, False
    if baseline is None or any(p.year == year for p in own):
        return own, year, False
    value = in_unit(baseline.value, baseline.unit, unit_code)
    if value is None:
        return own, year, False
    return [*own, Point(period, year, value, ["plan_baseline"])], year, True


def published_points(kpi: LevelByDeadline, unit_code: str) -> list[Point]:
    """The published total's two surveys as observations, when both are dated."""
    total = kpi.published_total
    if total is None:
        return []
    out = []
    for figure in (total.previous, total.current):
        value = in_unit(figure.value, figure.unit, unit_code)
        if figure.period is None or value is None:
            return []
        try:
            out.append(Point(figure.period, period_year(figure.period), value, ["published_total"]))
        except PeriodError:
            return []
    return out


def break_between(pts: Sequence[Point], start: float | None, end: float | None) -> bool:
    if start is None or end is None:
        return False
    return any("break_in_series" in p.flags and start < p.year <= end for p in pts)
