"""The KPI page: chart, data table, verdicts with their numbers, sources, components, events.

The data table is the chart's text alternative and exactly what the CSV and Excel downloads
hold: :func:`data_table` is the one place its rows are made.
"""

from __future__ import annotations

from typing import Any

from ...charts import kpi_chart
from ...followup import FollowUp, KpiStatus
from ...followup.describe import deadline_of, goal_text
from ...plan import KIND_LABELS, LevelByDeadline, Milestone, Pending, RelativeToPeers, Source
from ...text import Lang
from ..present import figure, flag_labels, number, quantity, source_ref, tx, unit_symbol
from ..ui_strings import UI
from ..verdicts import pace_data, verdict_data
from .common import kpi_row, meta

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
ROLE_LABELS = {
    "kpi": ("KPI", "KPI"),
    "peer": ("比較対象", "Peer"),
    "component": ("構成要素", "Component"),
    "context": ("参考", "Context"),
}


def data_table(status: KpiStatus, lang: Lang) -> dict[str, Any]:
    """Every observation of every series of the KPI, one row each, in the page's language."""
    columns = [{"key": key, "label": UI[key].get(lang)} for key in TABLE_COLUMNS]
    rows = []
    for data in status.series:
        label = tx(data.series.label, lang)
        role = ROLE_LABELS[data.series.role][0 if lang == "ja" else 1]
        for obs in data.observations:
            rows.append(
                {
                    "series_id": data.series.id,
                    "series": label,
                    "role": role,
                    "period": obs.period,
                    "value": obs.value,
                    "value_text": number(obs.value, 6),
                    "unit": unit_symbol(obs.unit or data.series.unit, lang),
                    "flags": "; ".join(flag_labels(obs.flags, lang)),
                    "source": obs.source_title,
                    "source_url": obs.source_url,
                    "vintage": obs.vintage,
                    "note": obs.note,
                }
            )
    return {"columns": columns, "rows": rows}


def _facts(status: KpiStatus, lang: Lang, sources: dict[str, Source]) -> list[dict[str, str]]:
    kpi = status.kpi
    facts = [
        {"label": UI["kind"].get(lang), "value": KIND_LABELS[status.kind].get(lang)},
        {"label": UI["target"].get(lang), "value": goal_text(kpi, lang)},
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
        facts.append({"label": UI["milestone_status"].get(lang), "value": kpi.status})
    if kpi.baseline is not None:
        base = figure(kpi.baseline, lang, sources)
        period = f" ({base['period']})" if base["period"] else ""
        facts.append({"label": UI["baseline"].get(lang), "value": base["text"] + period})
    return facts


def _components(status: KpiStatus, lang: Lang) -> dict[str, Any] | None:
    kpi = status.kpi
    if not isinstance(kpi, LevelByDeadline) or not kpi.components:
        return None
    rows = [
        {
            "series_id": c.series,
            "label": tx(c.label, lang),
            "current": quantity(c.current.value, c.current.unit, lang),
            "current_period": c.current.period or "",
            "previous": quantity(c.previous.value, c.previous.unit, lang),
            "previous_period": c.previous.period or "",
            "change_pct": c.change_pct,
            "definition_changed": c.definition_changed,
        }
        for c in kpi.components
    ]
    total = kpi.published_total
    return {
        "rows": rows,
        "total": None
        if total is None
        else {
            "current": quantity(total.current.value, total.current.unit, lang),
            "previous": quantity(total.previous.value, total.previous.unit, lang),
            "change_pct": total.change_pct,
        },
    }


def kpi_page(followup: FollowUp, status: KpiStatus, lang: Lang) -> dict[str, Any]:
    kpi = status.kpi
    sources = followup.plan.source_by_id()
    page = meta(followup, "kpi", {"kpi_id": kpi.id}, lang, tx(kpi.title, lang))
    used = {kpi.source, *(f.source for f in kpi.context)}
    if kpi.baseline is not None:
        used.add(kpi.baseline.source)
    events = [
        {
            "date": e.date,
            "label": tx(e.label, lang),
            "series": tx(s.series.label, lang),
            "source": tx(sources[e.source].title, lang) if e.source in sources else e.source,
        }
        for s in status.series
        for e in s.series.events
    ]
    used.update(e.source for s in status.series for e in s.series.events)
    page.update(
        {
            "kpi": {
                **kpi_row(status, lang),
                "wording": tx(kpi.wording, lang),
                "facts": _facts(status, lang, sources),
                "notes": [tx(n, lang) for n in kpi.notes],
                "context": [figure(f, lang, sources) for f in kpi.context],
            },
            "section": {"id": status.section.id, "title": tx(status.section.title, lang)}
            if status.section
            else None,
            "headline": verdict_data(status.headline, status, lang),
            "verdicts": [verdict_data(v, status, lang) for v in status.verdicts],
            "pace": pace_data(status, lang),
            "series": [
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
            "table": data_table(status, lang),
            "components": _components(status, lang),
            "events": events,
            "sources": [source_ref(sources[i], lang) for i in sorted(used) if i in sources],
            "chart": kpi_chart(status, lang),
        }
    )
    return page
