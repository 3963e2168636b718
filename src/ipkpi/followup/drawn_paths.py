"""The paths a chart draws beside the data: the one needed to reach the target, the projected one.

Both come from verdict numbers, so the chart shows what the verdict computed: the required
path runs from the verdict's base value to its target at the target year (compound growth when
the method works in growth rates, a straight line when it works in changes); the projected
path is the ``forecast`` method's, from the latest value to the projected value at the target
year with its prediction interval. A projection without an interval (two observations) or from
another method's growth rate is not drawn: carrying a two-point rate over a decade draws a
line the data cannot support (the pace needed vs achieved still says it in words).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..assessment.pace import pace_of_verdict
from ..assessment.verdict import Verdict
from .model import PathPoint

_STEPS = 12


def _ok(*values: float | None) -> bool:
    return all(v is not None and v == v for v in values)


def required_path(verdicts: Sequence[Verdict]) -> tuple[PathPoint, ...]:
    """The path of the first verdict in the KPI's own unit that needs a pace from its base.

    A verdict judged as a ratio (to the peers) has no path on the KPI's axis (it would run
    along 0 on a 人/100万人 axis), nor has a verdict that could not be given.
    """
    for v in verdicts:
        if v.peer_gaps or v.status == "not_available":
            continue
        if not _ok(v.base_year, v.base_value, v.target, v.target_year):
            continue
        assert v.base_year is not None and v.base_value is not None
        assert v.target is not None and v.target_year is not None
        if v.target_year <= v.base_year:
            continue
        pace = pace_of_verdict(v)
        return _curve(
            v.base_year, v.base_value, v.target_year, v.target, compound=pace.kind == "growth"
        )
    return ()


def projected_path(verdicts: Sequence[Verdict]) -> tuple[PathPoint, ...]:
    for v in verdicts:
        if v.method != "forecast":
            continue
        if not _ok(
            v.projected_value,
            v.current_year,
            v.current_value,
            v.target_year,
            v.interval_low,
            v.interval_high,
        ):
            continue
        assert v.current_year is not None and v.current_value is not None
        assert v.projected_value is not None and v.target_year is not None
        if v.target_year <= v.current_year:
            continue
        start = PathPoint(v.current_year, v.current_value, v.current_value, v.current_value)
        end = PathPoint(v.target_year, v.projected_value, v.interval_low, v.interval_high)
        return (start, end)
    return ()


def _curve(y0: float, v0: float, y1: float, v1: float, *, compound: bool) -> tuple[PathPoint, ...]:
    if compound and v0 > 0 and v1 > 0:
        rate = (v1 / v0) ** (1 / (y1 - y0))
        return tuple(
            PathPoint(y, v0 * rate ** (y - y0))
            for y in (y0 + (y1 - y0) * i / _STEPS for i in range(_STEPS + 1))
        )
    return (PathPoint(y0, v0), PathPoint(y1, v1))
