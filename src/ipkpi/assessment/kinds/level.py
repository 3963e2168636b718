"""Level, no deadline: a value to approach, with no year (AI利活用率 概ね100%)."""

from __future__ import annotations

from ...plan.kpi import Level
from ...text import Lang
from ...wording import Wording
from ..kind import Kind, KindInput
from ..kpi_inputs import in_unit
from ..verdict import KpiAssessment
from ._goals import target_text
from ._rules import main_series, no_series, unit_mismatch, with_target


def goal(kpi: Level, lang: Lang, wording: Wording | None) -> str:
    return target_text(kpi.target, lang, wording)


def target(kpi: Level, unit_code: str) -> float | None:
    return in_unit(kpi.target.value, kpi.target.unit, unit_code)


def assess(kpi: Level, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    value = target(kpi, series.unit)
    if value is None:
        return unit_mismatch(kpi, inputs.method)
    return with_target(kpi, inputs, series, inputs.own(series), value, None)


KINDS = (Kind("level", Level, goal, target, assess),)
