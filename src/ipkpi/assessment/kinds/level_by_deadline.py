"""Level by deadline: reach at least (or at most) a value by a year (海外市場規模 20兆円 by 2033).

A total the plan publishes with its components (the Cool Japan table) also lists each
component's part in the total's change and level.
"""

from __future__ import annotations

from dataclasses import replace

from ...plan.kpi import LevelByDeadline
from ...text import Lang
from ...wording import Wording, by_deadline
from ..components import contributions
from ..kind import Kind, KindInput
from ..kpi_inputs import in_unit, published_points
from ..verdict import KpiAssessment
from ._goals import target_text
from ._rules import main_series, no_series, unit_mismatch, with_target


def goal(kpi: LevelByDeadline, lang: Lang, wording: Wording | None) -> str:
    return by_deadline(target_text(kpi.target, lang, wording), kpi.deadline, lang)


def target(kpi: LevelByDeadline, unit_code: str) -> float | None:
    return in_unit(kpi.target.value, kpi.target.unit, unit_code)


def assess(kpi: LevelByDeadline, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    value = target(kpi, series.unit)
    if value is None:
        return unit_mismatch(kpi, inputs.method)
    own = inputs.own(series) or published_points(kpi, series.unit)
    found = with_target(kpi, inputs, series, own, value, kpi.deadline)
    if kpi.components:
        head = replace(found.verdict, components=contributions(kpi, kpi.target.unit))
        found = replace(found, verdict=head)
    return found


KINDS = (Kind("level_by_deadline", LevelByDeadline, goal, target, assess),)
