"""The one definition of "a KPI has data", used by the summary, the pages and the report.

A KPI has data when one of its own series (role ``kpi``) holds at least one observation, or,
for a milestone, when its status is recorded: in the plan (done or not done) or as data (a
completion recorded in the store; its id is then among the ids "with data"). Values of peers,
components or context series alone do not count: they say nothing of how the KPI itself
stands. The CLI summary counts from the store's series, the dashboard and the report from the
follow-up's; both call :func:`kpi_has_data`, so the three always agree.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from .kpi import KpiBase, Milestone


def kpi_has_data(kpi: KpiBase, series_with_data: Container[str]) -> bool:
    """Whether ``kpi`` has data, given the ids of the series that hold an observation (and of
    the milestones whose completion is recorded in the store)."""
    if isinstance(kpi, Milestone):
        return kpi.status != "unknown" or kpi.id in series_with_data
    return any(s.id in series_with_data for s in kpi.series_by_role("kpi"))


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a set of KPIs have data."""

    kpis: int
    with_data: int

    @property
    def without_data(self) -> int:
        return self.kpis - self.with_data


def coverage(kpis: Iterable[KpiBase], series_with_data: Container[str]) -> Coverage:
    listed = list(kpis)
    return Coverage(len(listed), sum(1 for k in listed if kpi_has_data(k, series_with_data)))
