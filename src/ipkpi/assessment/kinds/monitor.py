"""Monitor (状況把握): tracked with no target; only its trend is read, never a verdict."""

from __future__ import annotations

from ...plan.kpi import Monitor
from ...text import Lang
from ...wording import Wording
from ..kind import Kind, KindInput, no_target
from ..kpi_run import not_available, run
from ..verdict import KpiAssessment
from ._goals import WORDS
from ._rules import main_series


def goal(kpi: Monitor, lang: Lang, wording: Wording | None) -> str:
    return WORDS["monitor"].get(lang)


def assess(kpi: Monitor, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return KpiAssessment(kpi.id, kpi.kind, not_available(kpi.id, "trend", "no_series"))
    return KpiAssessment(
        kpi.id, kpi.kind, run(kpi.id, "trend", inputs.own(series), series, direction=None)
    )


KINDS = (Kind("monitor", Monitor, goal, no_target, assess),)
