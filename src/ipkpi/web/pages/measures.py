"""Measure and ministry pages, and the measures' index with the cycle's counts by Check class.

A measure's page: its text, ministries (named or inferred, with the reason), milestones, the
KPIs it serves with their verdicts, and the history of its published updates. A ministry's
page: its measures with their latest published status, the KPIs they serve, and what it
still owes the open cycle. The data are the published cycles at the page's date: an update
is public once its cycle is published, and not before.
"""

from __future__ import annotations

import datetime as dt

from typing_extensions import TypedDict

from ...cycle import CycleRecords, MeasureUpdate, ReviewCycle, vocabulary
from ...cycle.rollup import EXCLUDED_LABELS, POLICY, counts_by_class, rollup
from ...cycle.tables import NOT_REPORTED, measure_numbers
from ...ministries import ministries
from ...plan import Plan
from ...plan.measure import HORIZON_LABELS, MILESTONE_KINDS, UNASSIGNED, ministry_label
from ...text import Lang
from ..models import closed
from ..present import tx
from .common import KpiRow, PageMeta, kpi_row, meta
from .spec import Page, PageRequest, Param, not_found


@closed
class MinistryEntry(TypedDict):
    code: str
    name: str
    role: str
    inferred: bool
    reason: str


@closed
class MilestoneData(TypedDict):
    id: str
    kind: str
    text: str
    due: str


@closed
class UpdateData(TypedDict):
    cycle: str
    ministry: str
    status: str
    check: str
    suggested: str
    suggested_reason: str
    override_reason: str
    act: str
    delay: str
    evidence: list[str]


@closed
class MeasurePage(PageMeta):
    """One measure: text, ministries, milestones, linked KPIs, published updates."""

    measure_id: str
    number: str
    text: str
    part_id: str
    section_id: str
    section_title: str
    ministries: list[MinistryEntry]
    unassigned: bool
    horizon: str
    milestones: list[MilestoneData]
    kpis: list[KpiRow]
    updates: list[UpdateData]
    published: str


@closed
class MeasureRow(TypedDict):
    id: str
    number: str
    text: str
    role: str
    status: str
    check: str


@closed
class OwedRow(TypedDict):
    id: str
    number: str
    text: str


@closed
class MinistryPage(PageMeta):
    """One ministry: its measures, the KPIs they serve, what it owes the open cycle."""

    code: str
    name: str
    parent: str
    measures: list[MeasureRow]
    kpis: list[KpiRow]
    owed_cycle: str
    owed: list[OwedRow]


@closed
class ClassCount(TypedDict):
    code: str
    label: str
    current: int
    previous: int | None


@closed
class MeasuresPage(PageMeta):
    """Every measure by section, and the counts by Check class against the previous cycle."""

    cycle: str
    previous_cycle: str
    counts: list[ClassCount]
    rollup: str
    policy: str
    measures: list[MeasureRow]
    ministries: list[dict[str, str]]


def _records(request: PageRequest) -> CycleRecords | None:
    store = getattr(request.provider.source, "store", None)
    return CycleRecords(store.engine) if store is not None else None


def _moment(as_of: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(as_of, dt.time.max) if as_of else None


def _published_cycles(request: PageRequest) -> list[tuple[ReviewCycle, list[MeasureUpdate]]]:
    records = _records(request)
    if records is None:
        return []
    moment = _moment(request.as_of) or dt.datetime.max
    done = [c for c in records.cycles() if c.published_at and c.published_at <= moment]
    return [(c, records.updates(c.code, c.locked_at)) for c in done]


def _label(cycle: ReviewCycle, kind: str, code: str, lang: Lang) -> str:
    return vocabulary(cycle.vocabularies[kind]).label(code, lang) if code else ""


def _update(cycle: ReviewCycle, u: MeasureUpdate, lang: Lang) -> UpdateData:
    return {
        "cycle": tx(cycle.name, lang),
        "ministry": ministries().get(u.ministry).label(lang),
        "status": tx(u.status, lang),
        "check": _label(cycle, "check", u.check, lang),
        "suggested": _label(cycle, "check", u.suggested, lang),
        "suggested_reason": tx(u.suggested_reason, lang),
        "override_reason": tx(u.override_reason, lang) if u.overridden else "",
        "act": _label(cycle, "act", u.act, lang),
        "delay": _label(cycle, "delay", u.delay, lang),
        "evidence": [" ".join(x for x in (e.title, e.url, e.date) if x) for e in u.evidence],
    }


def _measure(request: PageRequest) -> MeasurePage:
    plan, lang = request.followup.plan, request.lang
    measure_id = request.params["measure_id"]
    found = next(((p, s, m) for p, s, m in plan.iter_measures() if m.id == measure_id), None)
    if found is None:
        raise not_found("施策", "measure", measure_id)
    part, section, measure = found
    history = _published_cycles(request)
    updates = [_update(c, u, lang) for c, us in history for u in us if u.measure_id == measure_id]
    statuses = [s for link in measure.kpis if (s := request.followup.kpi(link.kpi))]
    return MeasurePage(
        **meta(
            request.followup,
            "measure",
            {"measure_id": measure_id},
            lang,
            measure_numbers(plan)[measure_id] + " " + tx(section.title, lang),
        ),
        measure_id=measure_id,
        number=measure_numbers(plan)[measure_id],
        text=tx(measure.text, lang),
        part_id=part.id,
        section_id=section.id,
        section_title=tx(section.title, lang),
        ministries=[
            {
                "code": e.code,
                "name": ministries().get(e.code).label(lang),
                "role": e.role,
                "inferred": e.basis == "inferred",
                "reason": tx(e.reason, lang) if e.reason else "",
            }
            for e in measure.ministries
        ],
        unassigned=not measure.ministries,
        horizon=tx(HORIZON_LABELS[measure.horizon], lang) if measure.horizon else "",
        milestones=[
            {
                "id": ms.id,
                "kind": tx(MILESTONE_KINDS[ms.kind], lang),
                "text": tx(ms.text, lang),
                "due": ms.due,
            }
            for ms in measure.milestones
        ],
        kpis=[kpi_row(s, lang) for s in statuses],
        updates=updates,
        published=tx(history[-1][0].name, lang) if history else "",
    )


def _rows(
    plan: Plan,
    latest: tuple[ReviewCycle, list[MeasureUpdate]] | None,
    lang: Lang,
    code: str | None = None,
) -> list[MeasureRow]:
    numbers = measure_numbers(plan)
    found = {(u.measure_id, u.ministry): u for u in latest[1]} if latest else {}
    rows: list[MeasureRow] = []
    for measure in plan.measures():
        if code is not None and not measure.serves(code):
            continue
        entry = next((e for e in measure.ministries if e.code == code), None)
        if code is None:
            role = ", ".join(ministry_label(e, lang, short=True) for e in measure.ministries)
        else:
            role = (
                ("主担当" if lang == "ja" else "lead")
                if entry and entry.role == "lead"
                else ("関係" if lang == "ja" else "co")
            )
        update = found.get((measure.id, code)) if code else None
        if code is None and latest and measure.lead:
            update = found.get((measure.id, measure.lead.code))
        status = (
            tx(update.status, lang)
            if update
            else (NOT_REPORTED.get(lang) if measure.ministries else UNASSIGNED.get(lang))
        )
        check = _label(latest[0], "check", update.check, lang) if update and latest else "—"
        rows.append(
            {
                "id": measure.id,
                "number": numbers[measure.id],
                "text": tx(measure.text, lang),
                "role": role or UNASSIGNED.get(lang),
                "status": status,
                "check": check,
            }
        )
    return rows


def _ministry(request: PageRequest) -> MinistryPage:
    plan, lang, code = request.followup.plan, request.lang, request.params["code"]
    if code not in ministries() or not any(m.serves(code) for m in plan.measures()):
        raise not_found("府省庁", "ministry", code)
    body = ministries().get(code)
    history = _published_cycles(request)
    mine = [m for m in plan.measures() if m.serves(code)]
    kpi_ids = list(dict.fromkeys(link.kpi for m in mine for link in m.kpis))
    owed_cycle, owed = "", list[OwedRow]()
    numbers = measure_numbers(plan)
    records = _records(request)
    if records is not None and request.as_of is None:
        open_ = [c for c in records.cycles() if c.state == "open"]
        if open_:
            done = {u.measure_id for u in records.updates(open_[-1].code) if u.ministry == code}
            owed_cycle = tx(open_[-1].name, lang)
            owed = [
                {"id": m.id, "number": numbers[m.id], "text": tx(m.text, lang)}
                for m in mine
                if m.id not in done
            ]
    parent = ministries().parent(code)
    return MinistryPage(
        **meta(request.followup, "ministry", {"code": code}, lang, body.label(lang)),
        code=code,
        name=body.label(lang),
        parent=parent.label(lang) if parent else "",
        measures=_rows(plan, history[-1] if history else None, lang, code),
        kpis=[kpi_row(s, lang) for k in kpi_ids if (s := request.followup.kpi(k))],
        owed_cycle=owed_cycle,
        owed=owed,
    )


def _index(request: PageRequest) -> MeasuresPage:
    plan, lang = request.followup.plan, request.lang
    history = _published_cycles(request)
    latest = history[-1] if history else None
    before = history[-2] if len(history) > 1 else None
    counts: list[ClassCount] = []
    if latest is not None:
        vocab = vocabulary(latest[0].vocabularies["check"])
        now = counts_by_class(plan.measures(), latest[1], vocab.codes())
        then = counts_by_class(plan.measures(), before[1], vocab.codes()) if before else None
        labels = {t.code: tx(t.label, lang) for t in vocab.terms}
        labels |= {k: tx(v, lang) for k, v in EXCLUDED_LABELS.items()}
        counts = [
            {
                "code": k,
                "label": labels[k],
                "current": n,
                "previous": then.get(k, 0) if then is not None else None,
            }
            for k, n in now.items()
        ]
    codes = ministries().sorted({e.code for m in plan.measures() for e in m.ministries})
    return MeasuresPage(
        **meta(
            request.followup,
            "implementation",
            {},
            lang,
            "施策の実施状況" if lang == "ja" else "Measures",
        ),
        cycle=tx(latest[0].name, lang) if latest else "",
        previous_cycle=tx(before[0].name, lang) if before else "",
        counts=counts,
        rollup=rollup(plan.measures(), latest[1]).text(lang) if latest else "",
        policy=tx(POLICY, lang),
        measures=_rows(plan, latest, lang),
        ministries=[{"code": c, "name": ministries().get(c).label(lang)} for c in codes],
    )


MEASURE = Page(
    name="measure",
    path="measure/{measure_id}",
    template="measure.html",
    model=MeasurePage,
    build=_measure,
    summary="A measure: text, ministries, milestones, linked KPIs, published updates",
    params=(Param("measure_id", "The measure's id, e.g. protection.piracy.m3"),),
    instances=lambda plan: [{"measure_id": m.id} for m in plan.measures()],
)
MINISTRY = Page(
    name="ministry",
    path="ministry/{code}",
    template="ministry.html",
    model=MinistryPage,
    build=_ministry,
    summary="A ministry: its measures and their status, its KPIs, what it owes this cycle",
    params=(Param("code", "The ministry's code (ipkpi ministries), e.g. JPO"),),
    instances=lambda plan: [
        {"code": c}
        for c in ministries().sorted({e.code for m in plan.measures() for e in m.ministries})
    ],
)
MEASURES = Page(
    name="implementation",
    path="measures",
    template="measures.html",
    model=MeasuresPage,
    build=_index,
    summary="Every measure with its status; counts by Check class against the previous cycle",
    nav=3,
)
