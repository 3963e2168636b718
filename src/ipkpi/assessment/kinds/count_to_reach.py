"""Count to reach: a cumulative count, by a year or not (コンテンツ地方創生拠点 約200カ所)."""

from __future__ import annotations

from ...plan.kpi import CountToReach
from ...text import Lang
from ...wording import Wording, by_deadline
from ..kind import Kind, KindInput
from ..kpi_inputs import in_unit
from ..verdict import KpiAssessment
from ._goals import target_text
from ._rules import main_series, no_series, unit_mismatch, with_target


def goal(kpi: CountToReach, lang: Lang, wording: Wording | None) -> str:
    return by_deadline(target_text(kpi.target, lang, wording), kpi.deadline, lang)


def target(kpi: CountToReach, unit_code: str) -> float | None:
    return in_unit(kpi.target.value, kpi.target.unit, unit_code)


def assess(kpi: CountToReach, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    value = target(kpi, series.unit)
    if value is None:
        return unit_mismatch(kpi, inputs.method)
    own = inputs.own(series)
    return with_target(kpi, inputs, series, own, value, kpi.deadline, linear=True)


KINDS = (Kind("count_to_reach", CountToReach, goal, target, assess),)
