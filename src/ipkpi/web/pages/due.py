"""The data calendar: what data each publisher should release, due or overdue first.

The same entries as ``ipkpi data due --all`` (:func:`ipkpi.followup.due.data_due`), grouped
by publisher; KPIs that name no publisher at all are listed after, with the plan's reason.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from ...followup import FollowUp
from ...followup.due import (
    BASIS_LABELS,
    STATE_LABELS,
    STATE_SHORT,
    Awaited,
    data_due,
    publisher_name,
    reference_month,
    when_text,
)
from ...plan.calendar import STATES, Month
from ...plan.release import RHYTHM_LABELS
from ...text import Lang, t
from ..models import closed
from ..params import BadRequestError
from ..present import tx
from ..ui_strings import UI
from .common import PageMeta, meta
from .spec import Page, PageRequest, Param


@closed
class DueItem(TypedDict):
    kpi_id: str
    kpi_title: str
    release: str
    release_url: str
    rhythm: str
    release_note: str
    latest: str
    expected_period: str
    expected: str
    expected_month: str | None
    state: str
    state_label: str
    state_short: str
    basis: str


@closed
class PublisherDue(TypedDict):
    id: str
    name: str
    url: str
    items: list[DueItem]


@closed
class Unnamed(TypedDict):
    """A KPI without data whose own series names no publisher: why, in the plan's words."""

    kpi_id: str
    kpi_title: str
    reason: str


@closed
class StateCount(TypedDict):
    state: str
    label: str
    short: str
    count: int


@closed
class DataDuePage(PageMeta):
    """Each publisher's next releases for the plan's KPIs, as of ``month`` (YYYY-MM)."""

    month: str
    month_text: str
    counts: list[StateCount]
    publishers: list[PublisherDue]
    unnamed: list[Unnamed]


def _item(item: Awaited, lang: Lang) -> DueItem:
    return {
        "kpi_id": item.kpi.id,
        "kpi_title": tx(item.kpi.title, lang),
        "release": tx(item.release.title, lang),
        "release_url": item.release.url or "",
        "rhythm": RHYTHM_LABELS[item.release.rhythm].get(lang),
        "release_note": tx(item.release.note, lang),
        "latest": item.latest or UI["none_yet"].get(lang),
        "expected_period": item.expectation.period or "",
        "expected": when_text(item, lang),
        "expected_month": str(item.month) if item.month else None,
        "state": item.state,
        "state_label": STATE_LABELS[item.state].get(lang),
        "state_short": STATE_SHORT[item.state].get(lang),
        "basis": BASIS_LABELS[item.expectation.basis].get(lang),
    }


def data_due_page(followup: FollowUp, month: Month, lang: Lang) -> DataDuePage:
    found = data_due(followup, month)
    order: dict[str, int] = {state: n for n, state in enumerate(STATES)}
    groups: dict[str, PublisherDue] = {}
    for publisher in followup.plan.publishers:
        mine = [i for i in found if i.publisher.id == publisher.id]
        if not mine:
            continue
        mine.sort(key=lambda i: (order[i.state], str(i.month or "9999")))
        groups[publisher.id] = {
            "id": publisher.id,
            "name": publisher_name(publisher, lang),
            "url": publisher.url or "",
            "items": [_item(i, lang) for i in mine],
        }
    # Publishers with something overdue or due first, then by the plan's order.
    ranked = sorted(groups.values(), key=lambda g: min(order[i["state"]] for i in g["items"]))
    awaited = {i.kpi.id for i in found}
    unnamed: list[Unnamed] = []
    for status in followup.kpis():
        own = status.kpi.series_by_role("kpi")
        if status.has_data or any(s.release for s in own) or status.kpi.id in awaited:
            continue
        reason = " ".join(tx(n, lang) for n in status.kpi.notes)
        unnamed.append(
            {"kpi_id": status.kpi.id, "kpi_title": tx(status.kpi.title, lang), "reason": reason}
        )
    return DataDuePage(
        **meta(followup, "data_due", {}, lang, UI["data_due"].get(lang)),
        month=str(month),
        month_text=month.text(lang),
        counts=[
            {
                "state": state,
                "label": STATE_LABELS[state].get(lang),
                "short": STATE_SHORT[state].get(lang),
                "count": sum(1 for i in found if i.state == state),
            }
            for state in STATES
        ],
        publishers=ranked,
        unnamed=unnamed,
    )


def _month(request: PageRequest) -> Month:
    text = request.query.get("month", "")
    if not text:
        return reference_month(request.followup)
    try:
        return Month.parse(text)
    except ValueError:
        raise BadRequestError(
            t(
                f"month={text!r} は年月ではありません。"
                "YYYY-MM 形式（例: 2026-09）で指定してください。",
                f"month={text!r} is not a month: use YYYY-MM, e.g. 2026-09",
            )
        ) from None


def _build(request: PageRequest) -> DataDuePage:
    return data_due_page(request.followup, _month(request), request.lang)


PAGE = Page(
    name="data_due",
    path="data-due",
    template="data_due.html",
    model=DataDuePage,
    build=_build,
    summary="The data calendar: each publisher's next releases, overdue and due first",
    query=(Param("month", "Read the calendar in this month (YYYY-MM); default: this month"),),
    nav=4,
)
