"""Direction only: increase or decrease, no number (AI分野の研究費の増加)."""

from __future__ import annotations

from ...plan.kpi import DirectionOnly
from ...text import Lang
from ...wording import Wording
from ..kind import Kind, KindInput, no_target
from ..kpi_run import run
from ..verdict import KpiAssessment
from ._goals import WORDS
from ._rules import main_series, no_series


def goal(kpi: DirectionOnly, lang: Lang, wording: Wording | None) -> str:
    return WORDS[kpi.direction].get(lang)


def assess(kpi: DirectionOnly, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    own = inputs.own(series)
    head = run(kpi.id, inputs.method, own, series, direction=kpi.direction)
    fc = run(kpi.id, "forecast", own, series, direction=kpi.direction) if inputs.forecast else None
    return KpiAssessment(kpi.id, kpi.kind, head, fc)


KINDS = (Kind("direction", DirectionOnly, goal, no_target, assess),)
