"""Change from baseline: move by +N against a baseline by a year (日本ファン +10pt by 2033)."""

from __future__ import annotations

from ...plan.kpi import ChangeFromBaseline, kpi_direction
from ...text import Lang
from ...wording import Wording, by_deadline
from ..kind import Kind, KindInput
from ..kpi_inputs import change_in_unit, in_unit, with_baseline
from ..kpi_run import add_note, not_available, run
from ..verdict import KpiAssessment
from ._rules import main_series, no_series


def goal(kpi: ChangeFromBaseline, lang: Lang, wording: Wording | None) -> str:
    change = Wording.of(kpi.unit, [kpi.change]).quantity(kpi.change, lang, sign=True)
    return by_deadline(change, kpi.deadline, lang)


def target(kpi: ChangeFromBaseline, unit_code: str) -> float | None:
    """The plan's baseline plus the change (the data's baseline value may differ)."""
    if kpi.baseline is None:
        return None
    base = in_unit(kpi.baseline.value, kpi.baseline.unit, unit_code)
    change = change_in_unit(kpi.change, kpi.unit, unit_code)
    return None if base is None or change is None else base + change


def assess(kpi: ChangeFromBaseline, inputs: KindInput) -> KpiAssessment:
    method = inputs.method
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, method)
    own = inputs.own(series)
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
    goal_value = base_value + change
    head = run(
        kpi.id,
        method,
        own,
        series,
        direction=direction,
        target=goal_value,
        target_year=kpi.deadline,
        base_year=base_year,
    )
    if noted:
        head = add_note(head, "plan_baseline_used")
    fc = None
    if inputs.forecast:
        fc = run(
            kpi.id,
            "forecast",
            own,
            series,
            direction=direction,
            target=goal_value,
            target_year=kpi.deadline,
            model="linear",
        )
    return KpiAssessment(kpi.id, kpi.kind, head, fc)


KINDS = (Kind("change_from_baseline", ChangeFromBaseline, goal, target, assess),)
