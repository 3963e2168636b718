"""The home page: the plan at a glance, verdict counts, and what changed since last time."""

from __future__ import annotations

from typing_extensions import TypedDict

from ...assessment import status_label
from ...followup import Changes, FollowUp, KpiStatus
from ...plan import KIND_LABELS, Pillar
from ...text import Lang
from ..models import closed
from ..present import number, quantity, tx
from ..ui_strings import UI
from .common import KpiRow, PageMeta, ToneCounts, kpi_row, meta, tone_counts
from .spec import Page, PageRequest

MAX_CHANGES = 50


@closed
class PillarData(TypedDict):
    number: int
    label: str
    title: str
    text: list[str]


@closed
class Totals(TypedDict):
    kpis: int
    with_data: int
    tones: ToneCounts


@closed
class PartCounts(TypedDict):
    id: str
    number: int
    title: str
    tones: ToneCounts
    kpis: list[KpiRow]
    """The part's KPIs (the home page's tiles)."""


@closed
class KindCounts(TypedDict):
    kind: str
    label: str
    tones: ToneCounts


@closed
class Change(TypedDict):
    kind: str
    kind_label: str
    kpi_id: str
    kpi_title: str
    series_id: str
    series: str
    period: str
    old: str
    new: str


@closed
class ChangeList(TypedDict):
    previous: str | None
    current: str | None
    count: int
    shown: int
    items: list[Change]


@closed
class HomePage(PageMeta):
    """The plan at a glance."""

    subtitle: str
    publisher: str
    vision: str
    pillars_heading: str
    pillars: list[PillarData]
    headline_kpis: list[KpiRow]
    totals: Totals
    by_part: list[PartCounts]
    by_kind: list[KindCounts]
    changes: ChangeList


def pillars(items: list[Pillar], lang: Lang) -> list[PillarData]:
    return [
        {
            "number": p.number,
            "label": tx(p.label, lang),
            "title": tx(p.title, lang),
            "text": [tx(x, lang) for x in p.text],
        }
        for p in items
    ]


def home_page(followup: FollowUp, changes: Changes, lang: Lang) -> HomePage:
    plan = followup.plan
    statuses = followup.kpis()
    ipx = plan.parts[0] if plan.parts else None
    return HomePage(
        **meta(followup, "home", {}, lang, tx(plan.title, lang)),
        subtitle=tx(plan.subtitle, lang),
        publisher=tx(plan.publisher, lang),
        vision=tx(plan.vision, lang),
        pillars_heading=tx(ipx.pillars_heading, lang) if ipx else "",
        pillars=pillars(ipx.pillars if ipx else [], lang),
        headline_kpis=[kpi_row(s, lang) for s in followup.headline_kpis()],
        totals={
            "kpis": len(statuses),
            "with_data": followup.coverage().with_data,
            "tones": tone_counts(statuses),
        },
        by_part=[
            {
                "id": part.id,
                "number": part.number,
                "title": tx(part.title, lang),
                "tones": tone_counts([s for s in statuses if s.part.id == part.id]),
                "kpis": [kpi_row(s, lang) for s in statuses if s.part.id == part.id],
            }
            for part in plan.parts
        ],
        by_kind=[
            {
                "kind": kind,
                "label": label.get(lang),
                "tones": tone_counts([s for s in statuses if s.kind == kind]),
            }
            for kind, label in KIND_LABELS.items()
            if any(s.kind == kind for s in statuses)
        ],
        changes=_changes(followup, changes, lang),
    )


def _build(request: PageRequest) -> HomePage:
    return home_page(request.followup, request.provider.changes(request.as_of), request.lang)


PAGE = Page(
    name="home",
    path="",
    template="home.html",
    model=HomePage,
    build=_build,
    summary="The plan at a glance: headline KPIs, verdict counts, what changed",
    nav=0,
)


def _shown(value: float | str | None, unit_code: str, status: KpiStatus | None, lang: Lang) -> str:
    """A changed value, in the scale its KPI's page uses when it is in the KPI's unit."""
    if value is None or isinstance(value, str):
        return value or "—"
    if status is not None and status.wording.unit == unit_code:
        return status.wording.quantity(value, lang)
    return quantity(value, unit_code, lang) if unit_code else number(value)


def _status_label(method: str, status: str, lang: Lang) -> str:
    try:
        return status_label(method, status).get(lang)
    except (KeyError, ValueError):  # a status or method of an older version
        return status


def _series_label(status: KpiStatus | None, series_id: str, lang: Lang) -> str:
    if status is None or not series_id:
        return ""
    found = next((s.series for s in status.series if s.series.id == series_id), None)
    return tx(found.label, lang) if found else series_id


def _changes(followup: FollowUp, changes: Changes, lang: Lang) -> ChangeList:
    rows: list[Change] = []
    for change in changes.items[:MAX_CHANGES]:
        status = followup.kpi(change.kpi_id)
        label = UI[f"change_{change.kind}"].get(lang)
        if change.kind == "verdict":
            old, new = str(change.old or ""), str(change.new or "")
            if status is not None:
                method = status.headline.method
                old, new = _status_label(method, old, lang), _status_label(method, new, lang)
        else:
            old = _shown(change.old, change.unit, status, lang)
            new = _shown(change.new, change.unit, status, lang)
        rows.append(
            {
                "kind": change.kind,
                "kind_label": label,
                "kpi_id": change.kpi_id,
                "kpi_title": tx(status.kpi.title, lang) if status else change.kpi_id,
                "series_id": change.series_id,
                "series": _series_label(status, change.series_id, lang),
                "period": change.period,
                "old": old,
                "new": new,
            }
        )
    return {
        "previous": changes.previous.id if changes.previous else None,
        "current": changes.current.id if changes.current else None,
        "count": len(changes.items),
        "shown": len(rows),
        "items": rows,
    }
