"""Checks of a measure that reach outside it: ministry codes, KPI links, milestone dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..ministries import UnknownMinistryError, ministries
from ..periods import PeriodError, parse_period
from ..problems import Message
from ..problems import inputs as says
from ..text import Text
from .structure import Measure
from .yamlfile import PathKey

Finding = tuple[PathKey, Message]


def check_measure(measure: Measure, kpi_ids: set[str], sources: set[str]) -> Iterator[Finding]:
    """Each problem as (path inside the measure, message)."""
    codes = ministries()
    for index, entry in enumerate(measure.ministries):
        try:
            codes.get(entry.code)
        except UnknownMinistryError as exc:
            detail = Text(ja=exc.message("ja"), en=exc.message("en"))
            yield ("ministries", index, "code"), says.PLAN_UNKNOWN_MINISTRY(detail=detail)
    leads = [i for i, m in enumerate(measure.ministries) if m.role == "lead"]
    for index in leads[1:]:
        yield ("ministries", index, "role"), says.PLAN_TWO_LEADS(measure=measure.id)
    twice = [c for c, n in Counter(m.code for m in measure.ministries).items() if n > 1]
    for code in twice:
        index = [m.code for m in measure.ministries].index(code)
        yield ("ministries", index), says.PLAN_MINISTRY_TWICE(code=code)
    for index, link in enumerate(measure.kpis):
        if link.kpi not in kpi_ids:
            yield ("kpis", index, "kpi"), says.PLAN_LINK_UNKNOWN_KPI(kpi=link.kpi)
    seen: set[str] = set()
    for index, milestone in enumerate(measure.milestones):
        if milestone.id in seen:
            yield ("milestones", index, "id"), says.PLAN_MILESTONE_TWICE(id=milestone.id)
        seen.add(milestone.id)
        try:
            parse_period(milestone.due)
        except PeriodError as exc:
            yield ("milestones", index, "due"), says.PLAN_MILESTONE_DUE(detail=exc.message)
        if milestone.source is not None and milestone.source not in sources:
            yield ("milestones", index, "source"), says.PLAN_UNKNOWN_SOURCE(source=milestone.source)
