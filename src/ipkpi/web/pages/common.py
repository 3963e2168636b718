"""Pieces every page's data shares: the page's identity, the vintages, a KPI as a list row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from typing_extensions import TypedDict

from ...followup import TONES, FollowUp, KpiStatus
from ...followup.describe import goal_text
from ...followup.model import AsOf, parse_as_of
from ...plan import KIND_LABELS, Rank
from ...text import Lang
from ..headline import agreement_words
from ..models import closed
from ..present import flag_labels, tx


@closed
class VintageRef(TypedDict):
    """A release of data: ``id`` is its name in links (``?as_of=``), its date, or its date and
    time when its day has several; ``recorded_at`` its moment (UTC), ``label`` its files."""

    id: str
    date: str
    recorded_at: str | None
    label: str


@closed
class PlanRef(TypedDict):
    id: str
    title: str


@closed
class PageMeta(TypedDict):
    """What every page's JSON starts with: which page, in which language, as of which data."""

    page: str
    params: dict[str, str]
    lang: Lang
    title: str
    plan: PlanRef
    as_of: str | None
    vintage: str | None
    vintages: list[VintageRef]


@closed
class KpiRow(TypedDict):
    """A KPI as one row of a list."""

    id: str
    title: str
    kind: str
    kind_label: str
    part_id: str
    part_title: str
    section_id: str | None
    section_title: str
    goal: str
    latest: str
    latest_period: str
    latest_flags: list[str]
    status: str
    status_label: str
    method: str
    method_label: str
    tone: str
    has_data: bool
    #: No data yet (the one definition): lists say 「データ待ち」 and the KPI page says whom for.
    awaiting: bool
    spark: str
    agreement: str
    """How the methods agree and, where the headline differs from most, why ("" in lists that
    have only the headline worked out)."""
    """The main series as SVG polyline points in a 0–100 × 0–24 box ("" under two values);
    better is up (a rank's axis is turned over)."""


ToneCounts = dict[str, int]


def meta(
    followup: FollowUp,
    page: str,
    params: Mapping[str, str],
    lang: Lang,
    title: str,
) -> PageMeta:
    """What the page is, in which language and as of which data."""
    vintage = followup.vintage
    return {
        "page": page,
        "params": dict(params),
        "lang": lang,
        "title": title,
        "plan": {"id": followup.plan.id, "title": tx(followup.plan.title, lang)},
        "as_of": followup.as_of.isoformat() if followup.as_of else None,
        "vintage": vintage.id if vintage else None,
        "vintages": [
            {
                "id": v.id,
                "date": v.date.isoformat(),
                "recorded_at": v.moment.isoformat(timespec="seconds") if v.moment else None,
                "label": v.label,
            }
            for v in reversed(followup.all_vintages)
        ],
    }


def as_of_date(page: Mapping[str, Any]) -> AsOf | None:
    """The page's ``as_of`` (a date or a moment), or None for the latest data."""
    value = page.get("as_of")
    return parse_as_of(value) if value else None


def latest_text(status: KpiStatus, lang: Lang) -> tuple[str, str]:
    """The main series' latest value and its period ("—" when there is none)."""
    main = status.main
    latest = main.latest if main else None
    if main is None or latest is None:
        return "—", ""
    return status.wording.quantity(latest.value, lang), latest.period


def kpi_row(status: KpiStatus, lang: Lang) -> KpiRow:
    """A KPI as one row of a list: title, kind, latest value, goal and headline verdict.

    Worked out once per status and language (a static site lists every KPI on its home,
    part, section and progress pages and in its search index); each caller gets its own copy.
    """
    return cast(
        "KpiRow", dict(status.remembered(("kpi_row", lang), lambda: _kpi_row(status, lang)))
    )


def _kpi_row(status: KpiStatus, lang: Lang) -> KpiRow:
    kind = status.kind
    value, period = latest_text(status, lang)
    latest = status.main.latest if status.main else None
    headline = status.headline
    return {
        "id": status.kpi.id,
        "title": tx(status.kpi.title, lang),
        "kind": kind,
        "kind_label": KIND_LABELS[kind].get(lang) if kind in KIND_LABELS else kind,
        "part_id": status.part.id,
        "part_title": tx(status.part.title, lang),
        "section_id": status.section.id if status.section else None,
        "section_title": tx(status.section.title, lang) if status.section else "",
        "goal": goal_text(status.kpi, lang),
        "latest": value,
        "latest_period": period,
        "latest_flags": flag_labels(latest.flags, lang) if latest else [],
        "status": headline.status,
        "status_label": headline.status_label.get(lang),
        "method": headline.method,
        "method_label": headline.method_label.get(lang),
        "tone": status.tone,
        "has_data": status.has_data,
        "awaiting": not status.has_data,
        "spark": sparkline(status),
        "agreement": _agreement(status, lang),
    }


def _agreement(status: KpiStatus, lang: Lang) -> str:
    return " ".join(x for x in agreement_words(status, lang) if x)


SPARK_WIDTH, SPARK_HEIGHT = 100.0, 24.0


def sparkline(status: KpiStatus) -> str:
    """The main series' values as polyline points, oldest left, better up."""
    main = status.main
    points = [(o.year, o.value) for o in main.observations] if main else []
    if len(points) < 2:
        return ""
    points.sort()
    x0, x1 = points[0][0], points[-1][0]
    values = [v for _, v in points]
    low, high = min(values), max(values)
    upright = isinstance(status.kpi, Rank)
    out = []
    for year, value in points:
        x = (year - x0) / ((x1 - x0) or 1) * SPARK_WIDTH
        share = 0.5 if high == low else (value - low) / (high - low)
        if upright:
            share = 1 - share
        out.append(f"{x:.1f},{(1 - share) * (SPARK_HEIGHT - 2) + 1:.1f}")
    return " ".join(out)


def tone_counts(statuses: list[KpiStatus]) -> ToneCounts:
    counts = {t: 0 for t in TONES}
    for status in statuses:
        counts[status.tone] += 1
    return counts
