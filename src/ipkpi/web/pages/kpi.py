"""The KPI page: chart, data table, verdicts with their numbers, sources, components, events.

The data table is the chart's text alternative and holds the rows of the CSV and Excel
downloads: :func:`data_table` is the one place its rows are made. The page reads each value in
its series' scale; the downloads keep the stored value and unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import TypedDict

from ...assessment.kpi_inputs import in_unit
from ...charts import chart_events, kpi_chart, to_png, to_svg
from ...followup import FollowUp, KpiStatus, Observation
from ...followup.describe import deadline_of, goal_text
from ...followup.due import Awaited, publisher_name, release_name, wait_lines, when_text
from ...plan import (
    KIND_LABELS,
    ROLE_LABELS,
    LevelByDeadline,
    Milestone,
    Pending,
    RelativeToPeers,
    Source,
)
from ...text import Lang, t, written_in
from ..downloads import table_csv, table_xlsx
from ..headline import HeadlineWhy, headline_why
from ..models import closed
from ..present import (
    FigureData,
    LocalText,
    SourceRef,
    figure,
    figure_text,
    flag_labels,
    source_ref,
    tx,
    unit_symbol,
)
from ..statements import CompletionData, StatementData, completion_data, statement_data
from ..ui_strings import UI
from ..verdicts import PaceData, VerdictData, pace_data, verdict_data
from .common import KpiRow, PageMeta, kpi_row, meta
from .outline import SectionRef
from .spec import Download, NotFoundError, Page, PageRequest, Param, not_found

TABLE_COLUMNS = (
    "series",
    "role",
    "period",
    "value",
    "unit",
    "flags",
    "source",
    "source_url",
    "vintage",
    "note",
)


@closed
class Column(TypedDict):
    key: str
    label: str


@closed
class TableRow(TypedDict):
    """One observation as the data table, the CSV and the Excel file show it."""

    series_id: str
    series: str
    role: str
    period: str
    value: float
    value_text: str
    """The value with all its digits, in the scale the page reads the series in."""
    unit: str
    """The unit the value is stored in (the downloads' column, which the importer reads)."""
    unit_text: str
    """The unit ``value_text`` reads in: the series' scale on the page (億アクセス/月)."""
    flags: str
    source: str
    source_url: str
    vintage: str
    note: str
    unit_code: str
    flag_ids: list[str]
    note_ja: str
    note_en: str


@closed
class DataTable(TypedDict):
    columns: list[Column]
    rows: list[TableRow]


@closed
class Fact(TypedDict):
    label: str
    value: str


@closed
class KpiDetail(KpiRow):
    wording: str
    facts: list[Fact]
    notes: list[str]
    context: list[FigureData]


@closed
class SeriesInfo(TypedDict):
    id: str
    label: str
    role: str
    unit: str
    country: str
    definition: str
    observations: int


@closed
class ComponentRow(TypedDict):
    series_id: str
    label: str
    group: str
    current: str
    current_period: str
    previous: str
    previous_period: str
    change_pct: float
    definition_changed: bool


@closed
class ComponentTotal(TypedDict):
    current: str
    previous: str
    change_pct: float


@closed
class ComponentHeadingsData(TypedDict):
    """The table's own column headings, when the plan records them."""

    current: str
    change: str
    previous: str


@closed
class Components(TypedDict):
    rows: list[ComponentRow]
    total: ComponentTotal | None
    headings: ComponentHeadingsData | None


@closed
class EventData(TypedDict):
    number: int
    date: str
    label: str
    series: str
    source: str


@closed
class ReleaseLine(TypedDict):
    """A release the KPI's own data come from, and when its next figures are expected."""

    text: str
    detail: str
    #: ``overdue``, ``due``, ``upcoming`` or ``unknown`` (:data:`ipkpi.followup.due.STATE_LABELS`);
    #: read at a date before the first vintage, ``before_first_vintage``: today's calendar
    #: (its months and states) is not that date's, so no month is given either.
    state: str
    publisher: str
    release_url: str
    expected_month: str | None


@closed
class DataWait(TypedDict):
    """Whether the KPI awaits data (no current data), and from whom: 「データ待ち：…」."""

    waiting: bool
    lines: list[ReleaseLine]


@closed
class KpiPage(PageMeta):
    """A KPI: its wording and facts, verdicts with their numbers, data table, chart, sources.

    ``chart`` is a Vega-Lite specification (https://vega.github.io/schema/vega-lite/v5.json).
    """

    kpi: KpiDetail
    section: SectionRef | None
    headline: VerdictData
    #: The secretariat's own judgement, beside the headline (never replacing it).
    statement: StatementData
    completion: CompletionData | None
    why: HeadlineWhy
    """What the headline is judged from, its evidence, what it awaits, the methods' agreement."""
    verdicts: list[VerdictData]
    pace: PaceData | None
    series: list[SeriesInfo]
    table: DataTable
    components: Components | None
    events: list[EventData]
    sources: list[SourceRef]
    chart: dict[str, Any] | None
    data_wait: DataWait


def data_table(status: KpiStatus, lang: Lang) -> DataTable:
    """Every observation of every series of the KPI, one row each, in the page's language.

    The page reads each value in its series' scale (``value_text`` and ``unit_text``: the
    piracy series in 億アクセス/月 everywhere on its page); the downloads keep the stored value
    and unit (``value``, ``unit``) so that a corrected file comes back unchanged.
    """
    columns: list[Column] = [{"key": key, "label": UI[key].get(lang)} for key in TABLE_COLUMNS]
    rows: list[TableRow] = []
    for data in status.series:
        label = tx(data.series.label, lang)
        wording = status.wording_of(data)
        role = ROLE_LABELS[data.series.role].get(lang)
        for obs in data.observations:
            rows.append(
                {
                    "series_id": data.series.id,
                    "series": label,
                    "role": role,
                    "period": obs.period,
                    "value": obs.value,
                    "value_text": wording.exact(_in(obs, wording.unit), lang),
                    "unit": unit_symbol(obs.unit or data.series.unit, lang),
                    "unit_text": wording.heading(lang),
                    "flags": "; ".join(flag_labels(obs.flags, lang)),
                    "source": in_its_language(obs.source_title, lang),
                    "source_url": obs.source_url,
                    "vintage": obs.vintage,
                    "note": in_its_language(obs.note_in(lang), lang),
                    "unit_code": obs.unit or data.series.unit,
                    "flag_ids": list(obs.flags),
                    "note_ja": obs.note,
                    "note_en": obs.note_en,
                }
            )
    return {"columns": columns, "rows": rows}


def in_its_language(text: str, lang: Lang) -> str:
    """A text the data give in one language only (a source's title, a note), marked with its
    language when it is not the page's (so it is read, and tested, as Japanese or Korean); the
    style sheet says "(in Japanese)" after it, as the report does (:func:`.text.marked_title`)."""
    found = written_in(text)
    if found is not None and found != lang:
        return LocalText(text, found)
    return text


def _in(obs: Observation, unit_code: str) -> float | None:
    return in_unit(obs.value, obs.unit or unit_code, unit_code)


def _facts(status: KpiStatus, lang: Lang, sources: dict[str, Source]) -> list[Fact]:
    kpi = status.kpi
    facts: list[Fact] = [
        {"label": UI["kind"].get(lang), "value": KIND_LABELS[status.kind].get(lang)},
        {"label": UI["target"].get(lang), "value": goal_text(kpi, lang, status.wording)},
    ]
    deadline = deadline_of(kpi)
    if deadline is not None or hasattr(kpi, "deadline"):
        text = str(deadline) if deadline is not None else UI["no_deadline"].get(lang)
        facts.append({"label": UI["deadline"].get(lang), "value": text})
    if isinstance(kpi, RelativeToPeers) and kpi.interpretation is not None:
        label = tx(kpi.interpretation.label, lang)
        facts.append({"label": UI["interpretation"].get(lang), "value": label or ""})
    if isinstance(kpi, Pending):
        facts.append({"label": UI["pending_until"].get(lang), "value": tx(kpi.pending_until, lang)})
    if isinstance(kpi, Milestone):
        status_text = UI[f"milestone_{kpi.status}"].get(lang)
        if kpi.done_on:
            status_text += f"（{kpi.done_on}）" if lang == "ja" else f" ({kpi.done_on})"
        facts.append({"label": UI["milestone_status"].get(lang), "value": status_text})
    if kpi.baseline is not None:
        base = figure(kpi.baseline, lang, sources, status.wording)
        period = f" ({base['period']})" if base["period"] else ""
        facts.append({"label": UI["baseline"].get(lang), "value": base["text"] + period})
    return facts


def _components(status: KpiStatus, lang: Lang) -> Components | None:
    kpi = status.kpi
    if not isinstance(kpi, LevelByDeadline) or not kpi.components:
        return None
    w = status.wording
    rows: list[ComponentRow] = [
        {
            "series_id": c.series,
            "label": tx(c.label, lang),
            "group": tx(c.group, lang),
            "current": figure_text(c.current, lang, w),
            "current_period": c.current.period or "",
            "previous": figure_text(c.previous, lang, w),
            "previous_period": c.previous.period or "",
            "change_pct": c.change_pct,
            "definition_changed": c.definition_changed,
        }
        for c in kpi.components
    ]
    total = kpi.published_total
    heads = kpi.component_headings
    return {
        "rows": rows,
        "headings": None
        if heads is None
        else {
            "current": tx(heads.current, lang),
            "change": tx(heads.change, lang),
            "previous": tx(heads.previous, lang),
        },
        "total": None
        if total is None
        else {
            "current": figure_text(total.current, lang, w),
            "previous": figure_text(total.previous, lang, w),
            "change_pct": total.change_pct,
        },
    }


def kpi_page(followup: FollowUp, status: KpiStatus, lang: Lang) -> KpiPage:
    kpi = status.kpi
    sources = followup.plan.source_by_id()
    used = {kpi.source, *(f.source for f in kpi.context)}
    if kpi.baseline is not None:
        used.add(kpi.baseline.source)
    events: list[EventData] = [
        {
            "number": e["number"],
            "date": e["item"].date,
            "label": tx(e["item"].label, lang),
            "series": tx(e["series"].series.label, lang),
            "source": tx(sources[e["item"].source].title, lang)
            if e["item"].source in sources
            else e["item"].source,
        }
        for e in chart_events(status, lang)
    ]
    used.update(e.source for s in status.series for e in s.series.events)
    return KpiPage(
        **meta(followup, "kpi", {"kpi_id": kpi.id}, lang, tx(kpi.title, lang)),
        kpi={
            **kpi_row(status, lang),
            "wording": tx(kpi.wording, lang),
            "facts": _facts(status, lang, sources),
            "notes": [tx(n, lang) for n in kpi.notes],
            "context": [figure(f, lang, sources, status.wording) for f in kpi.context],
        },
        section={"id": status.section.id, "title": tx(status.section.title, lang)}
        if status.section
        else None,
        headline=verdict_data(status.headline, status, lang),
        statement=statement_data(status, lang),
        completion=completion_data(status, lang),
        why=headline_why(followup, status, lang),
        verdicts=[verdict_data(v, status, lang) for v in status.verdicts],
        pace=pace_data(status, lang),
        series=[
            {
                "id": s.series.id,
                "label": tx(s.series.label, lang),
                "role": s.series.role,
                "unit": s.series.unit,
                "country": s.series.country or "",
                "definition": tx(s.series.definition, lang),
                "observations": len(s.observations),
            }
            for s in status.series
        ],
        table=data_table(status, lang),
        components=_components(status, lang),
        events=events,
        sources=[source_ref(sources[i], lang) for i in sorted(used) if i in sources],
        chart=kpi_chart(status, lang),
        data_wait=data_wait(followup, status, lang),
    )


def data_wait(followup: FollowUp, status: KpiStatus, lang: Lang) -> DataWait:
    """「データ待ち：公表元「公表物」（次回公表予定 …）」 when the KPI has no current data;
    else the next release of its own data (:func:`ipkpi.followup.due.wait_lines`)."""
    waiting, found = wait_lines(followup, status, lang)
    lines = [_release_line(w, text, followup.before_first, lang) for w, text in found]
    return {"waiting": waiting, "lines": lines}


BEFORE_FIRST = "before_first_vintage"


def _release_line(w: Awaited | None, text: str, before_first: bool, lang: Lang) -> ReleaseLine:
    """One release as the JSON gives it. Before the first vintage the line names the release
    but neither its expected month nor its state: both are read from today's calendar, and
    the page's words (:func:`ipkpi.followup.due.wait_lines`) do not tell them either."""
    if w is None:
        return {
            "text": text,
            "detail": "",
            "state": BEFORE_FIRST if before_first else "unknown",
            "publisher": "",
            "release_url": "",
            "expected_month": None,
        }
    name = release_name(w, lang)
    return {
        "text": text,
        "detail": name if before_first else f"{name} {when_text(w, lang)}",
        "state": BEFORE_FIRST if before_first else w.state,
        "publisher": publisher_name(w.publisher, lang),
        "release_url": w.release.url or "",
        "expected_month": None if before_first or w.month is None else str(w.month),
    }


def _build(request: PageRequest) -> KpiPage:
    status = request.followup.kpi(request.params["kpi_id"])
    if status is None:
        raise not_found("KPI", "KPI", request.params["kpi_id"])
    return kpi_page(request.followup, status, request.lang)


def _csv(page: Mapping[str, Any], lang: Lang, _data: FollowUp) -> bytes:
    return table_csv(page, lang)


def _xlsx(page: Mapping[str, Any], lang: Lang, _data: FollowUp) -> bytes:
    return table_xlsx(page, lang)


def _svg(page: Mapping[str, Any], lang: Lang, _data: FollowUp) -> bytes:
    if not page["chart"]:
        raise NotFoundError(t("このKPIにはグラフがありません", "this KPI has no chart"))
    return to_svg(page["chart"]).encode()


def _png(page: Mapping[str, Any], lang: Lang, _data: FollowUp) -> bytes:
    if not page["chart"]:
        raise NotFoundError(t("このKPIにはグラフがありません", "this KPI has no chart"))
    return to_png(page["chart"])


PAGE = Page(
    name="kpi",
    path="kpi/{kpi_id}",
    template="kpi.html",
    model=KpiPage,
    build=_build,
    summary="A KPI: data table, chart spec, verdicts by method with their numbers",
    params=(Param("kpi_id", "The KPI's id, e.g. ipx.gii_rank"),),
    downloads={
        "csv": Download("text/csv; charset=utf-8", "The KPI's data table as CSV", _csv),
        "xlsx": Download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "The KPI's data table as Excel",
            _xlsx,
        ),
        "svg": Download("image/svg+xml", "The KPI's chart as SVG", _svg, attachment=False),
        "png": Download("image/png", "The KPI's chart as PNG", _png, attachment=False),
    },
    instances=lambda plan: [{"kpi_id": kpi.id} for _part, _section, kpi in plan.iter_kpis()],
)
