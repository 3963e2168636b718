"""The paths a chart draws beside the data: the one needed to reach the target, the projected one.

Both come from verdict numbers, so the chart shows what the verdict computed: the required
path runs from the latest value at the pace needed that every view prints (the verdict
:func:`.pace.pace_verdict` picks; compound growth for a growth rate, a straight line for
points, places or units a year), reaching the target at the target year; the projected
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
from .pace import pace_verdict

_STEPS = 12


def _ok(*values: float | None) -> bool:
    return all(v is not None and v == v for v in values)


def required_path(verdicts: Sequence[Verdict], unit_code: str) -> tuple[PathPoint, ...]:
    """The path needed from the latest value to the target, at the one pace the views print.

    The verdict is the one :func:`.pace.pace_verdict` picks for the printed pace (so the path
    drawn and the "pace needed from the latest value" are one value), and the path runs at its
    ``pace_needed`` in its kind: compound growth for a growth rate, a straight line for
    points, places or units a year. A verdict judged as a ratio (to the peers) is in another
    unit and gives no path on the KPI's axis.
    """
    v = pace_verdict(verdicts, unit_code)
    if v is None or v.peer_gaps:
        return ()
    if not _ok(v.current_year, v.current_value, v.target_year, v.pace_needed):
        return ()
    assert v.current_year is not None and v.current_value is not None
    assert v.target_year is not None and v.pace_needed is not None
    if v.target_year <= v.current_year:
        return ()
    pace = pace_of_verdict(v)
    return _at_pace(
        v.current_year, v.current_value, v.target_year, v.pace_needed, pace.kind == "growth"
    )


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


def _at_pace(y0: float, v0: float, y1: float, pace: float, compound: bool) -> tuple[PathPoint, ...]:
    if compound:
        if v0 <= 0 or pace <= -1:
            return ()
        return tuple(
            PathPoint(y, v0 * (1 + pace) ** (y - y0))
            for y in (y0 + (y1 - y0) * i / _STEPS for i in range(_STEPS + 1))
        )
    return (PathPoint(y0, v0), PathPoint(y1, v0 + pace * (y1 - y0)))
