"""Checks of a measure that reach outside it: ministry codes, KPI links, milestone dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..ministries import UnknownMinistryError, ministries
from ..periods import PeriodError, parse_period
from .structure import Measure
from .yamlfile import PathKey

Finding = tuple[PathKey, str, str]


def check_measure(measure: Measure, kpi_ids: set[str], sources: set[str]) -> Iterator[Finding]:
    """Each problem as (path inside the measure, message, hint)."""
    codes = ministries()
    for index, entry in enumerate(measure.ministries):
        try:
            codes.get(entry.code)
        except UnknownMinistryError as exc:
            yield ("ministries", index, "code"), exc.message("en"), "see `ipkpi ministries`"
    leads = [i for i, m in enumerate(measure.ministries) if m.role == "lead"]
    for index in leads[1:]:
        yield (
            ("ministries", index, "role"),
            f"measure {measure.id!r} has more than one lead ministry",
            "keep one 'role: lead'; the others are 'role: co'",
        )
    twice = [c for c, n in Counter(m.code for m in measure.ministries).items() if n > 1]
    for code in twice:
        index = [m.code for m in measure.ministries].index(code)
        yield ("ministries", index), f"ministry {code} listed twice", "list each ministry once"
    for index, link in enumerate(measure.kpis):
        if link.kpi not in kpi_ids:
            yield (
                ("kpis", index, "kpi"),
                f"link to an unknown KPI {link.kpi!r}",
                "use the id of a KPI defined in a part or section file",
            )
    seen: set[str] = set()
    for index, milestone in enumerate(measure.milestones):
        if milestone.id in seen:
            yield ("milestones", index, "id"), f"milestone id {milestone.id!r} twice", "rename one"
        seen.add(milestone.id)
        try:
            parse_period(milestone.due)
        except PeriodError as exc:
            yield ("milestones", index, "due"), str(exc), "write a period: 2025-06, 2026, FY2026"
        if milestone.source is not None and milestone.source not in sources:
            yield (
                ("milestones", index, "source"),
                f"unknown source {milestone.source!r}",
                "add it to sources.yaml or fix the id",
            )
