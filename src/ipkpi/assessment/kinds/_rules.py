"""The rules several kinds share: a target value with or without a deadline, a trend.

Levels, ranks and counts are judged against a target in the series' unit; which method
applies and how the plan's baseline enters are written once here (docs/assessment.md,
"Verdicts per KPI kind").
"""

from __future__ import annotations

from dataclasses import replace

from ...plan.kpi import KpiBase, kpi_direction
from ...plan.series import Series
from ..kind import KindInput
from ..kpi_inputs import is_percent, with_baseline
from ..kpi_run import add_note, not_available, run
from ..method import Method
from ..points import Point
from ..verdict import KpiAssessment, Verdict

_ACHIEVED = {"opensdg": ("target_achieved", 5.0), "unsd": ("target_achieved", 3.0)}


def main_series(kpi: KpiBase) -> Series | None:
    return kpi.main_series() or (kpi.series[0] if kpi.series else None)


def no_series(kpi: KpiBase, method: str) -> KpiAssessment:
    return KpiAssessment(
        kpi.id, str(getattr(kpi, "kind", "")), not_available(kpi.id, method, "no_series")
    )


def unit_mismatch(kpi: KpiBase, method: str) -> KpiAssessment:
    kind = str(getattr(kpi, "kind", ""))
    return KpiAssessment(kpi.id, kind, not_available(kpi.id, method, "unit_mismatch"))


def method_of(name: str) -> Method:
    from ..registry import method_of as found  # the registry imports this module

    return found(name)


def with_target(
    kpi: KpiBase,
    inputs: KindInput,
    series: Series,
    own: list[Point],
    target: float,
    deadline: int | None,
    *,
    linear: bool = False,
    limit: float | None = None,
) -> KpiAssessment:
    """A target value, with or without a deadline; the plan's baseline as the base."""
    method = inputs.method
    own, base_year, noted = with_baseline(own, kpi.baseline, series.unit)
    direction = kpi_direction(kpi)
    if deadline is None:
        base = base_year if inputs.from_baseline else None
        head = undated(kpi.id, method, own, series, direction, target, base)
    else:
        # Ranks and counts have no compound growth: a growth-rate method gives way to the
        # linear gap rule; a method that works in changes (DNS) is applied as it is.
        rule = "linear" if linear and method_of(method).rate_kind == "growth" else method
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
    if noted and head.base_year == base_year:
        head = add_note(head, "plan_baseline_used")
    fc = None
    if inputs.forecast:
        fc = run(
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
    return KpiAssessment(kpi.id, str(getattr(kpi, "kind", "")), head, fc)


def undated(
    subject: str,
    method: str,
    own: list[Point],
    series: Series,
    direction: str | None,
    target: float,
    base_year: float | None = None,
) -> Verdict:
    """A level to approach with no year: a natural limit for Open SDG, a level to hold for DNS.

    ``base_year``: the plan's baseline (the headline rule); None, the method's own rule.
    """
    if method_of(method).rate_kind == "change":  # a level to hold every year (DNS)
        return run(
            subject, method, own, series, direction=direction, target=target, base_year=base_year
        )
    limit = target if method == "opensdg" else None
    verdict = replace(
        run(subject, method, own, series, direction=direction, limit=limit, base_year=base_year),
        target=target,
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
