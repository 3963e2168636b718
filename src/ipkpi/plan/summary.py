"""A plan's summary: KPIs by part and by kind, and how many have data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field

from .coverage import coverage
from .structure import Plan


@dataclass(frozen=True)
class PartSummary:
    part_id: str
    sections: int
    measures: int
    kpis: int
    kpis_with_data: int
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanSummary:
    parts: list[PartSummary]
    by_kind: dict[str, int]
    kpis: int
    kpis_with_data: int
    series: int
    series_with_data: int


def summarize(plan: Plan, series_with_data: Set[str]) -> PlanSummary:
    """Counts over the plan; a KPI has data as :func:`.coverage.kpi_has_data` says."""
    parts = []
    total_kinds: Counter[str] = Counter()
    for part in plan.parts:
        kpis = list(part.kpis) + [k for s in part.sections for k in s.kpis]
        kinds = Counter(getattr(k, "kind", "?") for k in kpis)
        total_kinds.update(kinds)
        parts.append(
            PartSummary(
                part_id=part.id,
                sections=len(part.sections),
                measures=sum(len(s.measures) for s in part.sections),
                kpis=len(kpis),
                kpis_with_data=coverage(kpis, series_with_data).with_data,
                by_kind=dict(kinds),
            )
        )
    all_series = [s.id for _, s in plan.all_series()]
    return PlanSummary(
        parts=parts,
        by_kind=dict(total_kinds),
        kpis=sum(p.kpis for p in parts),
        kpis_with_data=sum(p.kpis_with_data for p in parts),
        series=len(all_series),
        series_with_data=sum(1 for s in all_series if s in series_with_data),
    )
