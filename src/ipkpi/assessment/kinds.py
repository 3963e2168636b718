"""A verdict for every KPI kind of the plan, from the KPI and its observations.

``assess_kpi(kpi, points)`` takes a plan KPI and, per series id, its observations (the caller
has already chosen the vintage) and returns a :class:`KpiAssessment`: a headline verdict by the
chosen method, fitted to the kind, and — for kinds with a target or a trend — a forecast.
Which rule each kind gets, and why, is in docs/assessment.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..plan.kpi import (
    ChangeFromBaseline,
    CountToReach,
    DirectionOnly,
    KpiBase,
    Level,
    LevelByDeadline,
    Milestone,
    Monitor,
    Pending,
    Rank,
    RelativeToPeers,
    kpi_direction,
)
from ..plan.series import Series
from ..text import Text
from .components import contributions
from .kpi_inputs import (
    change_in_unit,
    in_unit,
    is_percent,
    published_points,
    with_baseline,
)
from .kpi_run import add_note, not_available, run
from .milestone import milestone_verdict
from .peers import assess_relative
from .points import Point
from .verdict import KpiAssessment, Verdict

HEADLINE_METHODS = ("opensdg", "eurostat", "unsd", "dns")
Observations = Mapping[str, Sequence[Point]]
__all__ = ["HEADLINE_METHODS", "KpiAssessment", "Observations", "assess_kpi"]
_ACHIEVED = {"opensdg": ("target_achieved", 5.0), "unsd": ("target_achieved", 3.0)}


def assess_kpi(
    kpi: KpiBase,
    points: Observations,
    *,
    method: str = "opensdg",
    today: dt.date | None = None,
    forecast: bool = True,
) -> KpiAssessment:
    """The verdicts of ``kpi`` from ``points`` (series id → observations).

    ``forecast=False`` skips the trend forecast (the same for every method), for callers that
    already have it from another method's call.
    """
    if method not in HEADLINE_METHODS:
        raise ValueError(f"unknown headline method {method!r}: use {', '.join(HEADLINE_METHODS)}")
    kind = getattr(kpi, "kind", type(kpi).__name__)
    if isinstance(kpi, Pending):
        detail = Text(
            ja=f"設定の条件：{kpi.pending_until.ja}", en=f"Waiting for: {kpi.pending_until.en}."
        )
        return KpiAssessment(kpi.id, kind, Verdict(kpi.id, "pending", "pending", detail=detail))
    if isinstance(kpi, Milestone):
        return KpiAssessment(kpi.id, kind, milestone_verdict(kpi, today or dt.date.today()))
    series = kpi.main_series() or (kpi.series[0] if kpi.series else None)
    if series is None:
        return KpiAssessment(
            kpi.id,
            kind,
            not_available(kpi.id, "trend" if isinstance(kpi, Monitor) else method, "no_series"),
        )
    own = list(points.get(series.id, ()))
    if isinstance(kpi, Monitor):
        return KpiAssessment(kpi.id, kind, run(kpi.id, "trend", own, series, direction=None))
    if isinstance(kpi, RelativeToPeers):
        return assess_relative(kpi, points, series, own, method)
    direction = kpi_direction(kpi)
    if isinstance(kpi, DirectionOnly):
        head = run(kpi.id, method, own, series, direction=direction)
        fc = run(kpi.id, "forecast", own, series, direction=direction) if forecast else None
        return KpiAssessment(kpi.id, kind, head, fc)
    if isinstance(kpi, ChangeFromBaseline):
        return _change(kpi, series, own, method, forecast)
    if isinstance(kpi, LevelByDeadline | Rank | Level | CountToReach):
        return _with_target(kpi, series, own, method, forecast)
    raise TypeError(f"no assessment rule for KPI kind {kind!r}")


def _with_target(
    kpi: LevelByDeadline | Rank | Level | CountToReach,
    series: Series,
    own: list[Point],
    method: str,
    forecast: bool = True,
) -> KpiAssessment:
    """Levels, ranks and counts: a target value, with or without a deadline."""
    if isinstance(kpi, Rank):
        target = float(kpi.target_rank)
    else:
        converted = in_unit(kpi.target.value, kpi.target.unit, series.unit)
        if converted is None:
            return KpiAssessment(kpi.id, kpi.kind, not_available(kpi.id, method, "unit_mismatch"))
        target = converted
    if not own and isinstance(kpi, LevelByDeadline):
        own = published_points(kpi, series.unit)
    own, base_year, noted = with_baseline(own, kpi.baseline, series.unit)
    direction = kpi_direction(kpi)
    deadline = None if isinstance(kpi, Level) else kpi.deadline
    linear = isinstance(kpi, Rank | CountToReach)
    limit = float(kpi.best_possible) if isinstance(kpi, Rank) else None
    if deadline is None:
        head = _undated(kpi.id, method, own, series, direction, target)
    else:
        rule = "dns" if method == "dns" else ("linear" if linear else method)
        head = run(
            kpi.id,
            rule,
            own,
            series,
            direction=direction,
            target=target,
            target_year=deadline,
            base_year=base_year,
            limit=limit,
        )
    if noted:
        head = add_note(head, "plan_baseline_used")
    if isinstance(kpi, LevelByDeadline) and kpi.components:
        head = replace(head, components=contributions(kpi, kpi.target.unit))
    fc = (
        None
        if not forecast
        else run(
            kpi.id,
            "forecast",
            own,
            series,
            direction=direction,
            target=target,
            target_year=deadline,
            limit=limit,
            model="linear" if linear else "auto",
        )
    )
    return KpiAssessment(kpi.id, kpi.kind, head, fc)


def _change(
    kpi: ChangeFromBaseline, series: Series, own: list[Point], method: str, forecast: bool = True
) -> KpiAssessment:
    period = kpi.baseline_period or (kpi.baseline.period if kpi.baseline else None)
    base_point = next((p for p in own if period is not None and p.period == period), None)
    base_value = base_point.value if base_point is not None else None
    if base_value is None and kpi.baseline is not None:
        base_value = in_unit(kpi.baseline.value, kpi.baseline.unit, series.unit)
    change = change_in_unit(kpi.change, kpi.unit, series.unit)
    if base_value is None or change is None:
        reason = "no_baseline" if base_value is None else "unit_mismatch"
        return KpiAssessment(kpi.id, kpi.kind, not_available(kpi.id, method, reason))
    own, base_year, noted = with_baseline(own, kpi.baseline, series.unit, period)
    direction = kpi_direction(kpi)
    target = base_value + change
    head = run(
        kpi.id,
        method,
        own,
        series,
        direction=direction,
        target=target,
        target_year=kpi.deadline,
        base_year=base_year,
    )
    if noted:
        head = add_note(head, "plan_baseline_used")
    fc = (
        None
        if not forecast
        else run(
            kpi.id,
            "forecast",
            own,
            series,
            direction=direction,
            target=target,
            target_year=kpi.deadline,
            model="linear",
        )
    )
    return KpiAssessment(kpi.id, kpi.kind, head, fc)


def _undated(
    subject: str,
    method: str,
    own: list[Point],
    series: Series,
    direction: str | None,
    target: float,
) -> Verdict:
    """A level to approach with no year: a natural limit for Open SDG, a level to hold for DNS."""
    if method == "dns":
        return run(subject, "dns", own, series, direction=direction, target=target)
    limit = target if method == "opensdg" else None
    verdict = replace(
        run(subject, method, own, series, direction=direction, limit=limit), target=target
    )
    cv = verdict.current_value
    if cv is None or direction is None:
        return verdict
    meets = cv >= target if direction == "increase" else cv <= target
    if method == "unsd" and not meets and target in (0.0, 100.0) and is_percent(series.unit):
        meets = abs(cv - target) <= 1.0
    if not meets:
        return verdict
    if method in _ACHIEVED:
        status, score = _ACHIEVED[method]
        return replace(verdict, status=status, score=score, reason="")
    return add_note(verdict, "target_met_no_category")
