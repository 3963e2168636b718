"""The progress summary: every KPI by verdict, filterable by part, kind and tone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from typing_extensions import TypedDict

from ...followup import TONES, FollowUp
from ...plan import KIND_LABELS
from ...text import Lang
from ..models import closed
from ..params import parse_choice
from ..present import tx
from ..ui_strings import UI
from .common import KpiRow, PageMeta, ToneCounts, kpi_row, meta, tone_counts
from .spec import Page, PageRequest, Param


@dataclass(frozen=True)
class Filters:
    part: str = ""
    kind: str = ""
    tone: str = ""

    def as_query(self) -> dict[str, str]:
        return {
            k: v for k, v in (("part", self.part), ("kind", self.kind), ("tone", self.tone)) if v
        }

    @classmethod
    def read(cls, followup: FollowUp, query: Mapping[str, str]) -> Filters:
        """The filters of the query, each checked against the values that exist."""
        return cls(
            part=parse_choice(query, "part", [p.id for p in followup.plan.parts]),
            kind=parse_choice(query, "kind", KIND_LABELS),
            tone=parse_choice(query, "tone", TONES),
        )


@closed
class Option(TypedDict):
    value: str
    label: str


@closed
class FilterOptions(TypedDict):
    part: list[Option]
    kind: list[Option]
    tone: list[Option]


@closed
class ProgressPage(PageMeta):
    """Every KPI by verdict; ``shown`` of ``total`` pass the filters."""

    filters: dict[str, str]
    options: FilterOptions
    counts: ToneCounts
    total: int
    shown: int
    kpis: list[KpiRow]


def progress_page(followup: FollowUp, filters: Filters, lang: Lang) -> ProgressPage:
    statuses = followup.kpis()
    # every method for every KPI: the summary says how the methods agree on each
    rows = [kpi_row(followup.kpi(s.kpi.id) or s, lang) for s in statuses]
    shown = [
        r
        for r in rows
        if (not filters.part or r["part_id"] == filters.part)
        and (not filters.kind or r["kind"] == filters.kind)
        and (not filters.tone or r["tone"] == filters.tone)
    ]
    order = {tone: i for i, tone in enumerate(TONES)}
    shown.sort(key=lambda r: (order[r["tone"]], r["part_id"], r["id"]))
    return ProgressPage(
        **meta(followup, "progress", {}, lang, UI["progress"].get(lang)),
        filters=filters.as_query(),
        options={
            "part": [{"value": p.id, "label": tx(p.title, lang)} for p in followup.plan.parts],
            "kind": [
                {"value": k, "label": label.get(lang)}
                for k, label in KIND_LABELS.items()
                if any(s.kind == k for s in statuses)
            ],
            "tone": [{"value": t, "label": UI[f"tone_{t}"].get(lang)} for t in TONES],
        },
        counts=tone_counts(statuses),
        total=len(rows),
        shown=len(shown),
        kpis=shown,
    )


def _build(request: PageRequest) -> ProgressPage:
    filters = Filters.read(request.followup, request.query)
    return progress_page(request.followup, filters, request.lang)


PAGE = Page(
    name="progress",
    path="progress",
    template="progress.html",
    model=ProgressPage,
    build=_build,
    summary="Every KPI by verdict",
    query=(
        Param("part", "Only KPIs of this part id"),
        Param("kind", "Only KPIs of this kind (level_by_deadline, rank, …)"),
        Param(
            "tone",
            "Only KPIs whose verdict is good, fair, poor, bad, early or neutral",
        ),
    ),
    nav=1,
)
