"""The parts of the report a director signs besides the KPI pages: tables, measures, annexes.

Built from the follow-up and the published review cycle: the per-section KPI table, the
section's 実施状況 rows with the roll-up beside them, the sources of every value shown, the
ministry index and the methods and flags annex. A report without a published cycle says so
and shows every measure as not yet reported; nothing is filled in.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..assessment.registry import method_of
from ..cycle.model import MeasureUpdate, ReviewCycle
from ..cycle.rollup import POLICY, rollup
from ..cycle.tables import KPI_COLUMNS, STATUS_COLUMNS, kpi_row, measure_cells, status_rows
from ..cycle.vocabulary import DEFAULT_PINS, vocabulary
from ..followup import FollowUp
from ..followup.flags import FLAG_LABELS
from ..ministries import ministries
from ..plan import Part, Section
from ..text import Lang, Text, marked_title

Published = tuple[ReviewCycle | None, list[MeasureUpdate]]


def _pins(cycle: ReviewCycle | None) -> dict[str, str]:
    return cycle.vocabularies if cycle is not None else DEFAULT_PINS


def section_extras(
    followup: FollowUp,
    part: Part,
    section: Section | None,
    kpi_ids: list[str],
    published: Published,
    lang: Lang,
) -> dict[str, Any]:
    cycle, updates = published
    rows = [kpi_row(s, lang, followup.plan) for k in kpi_ids if (s := followup.kpi(k)) is not None]
    sources = {k: _sources(followup, k, lang) for k in kpi_ids}
    measures: list[dict[str, str]] = []
    rolled = ""
    if section is not None:
        chosen = [r for r in status_rows(followup.plan, updates) if r.section is section]
        measures = measure_cells(chosen, lang, _pins(cycle))
        rolled = rollup(section.measures, updates).text(lang) if section.measures else ""
    return {"kpi_table": rows, "measures": measures, "rollup": rolled, "sources": sources}


def _sources(followup: FollowUp, kpi_id: str, lang: Lang) -> list[str]:
    """Where the KPI is stated and where its latest value comes from."""
    status = followup.kpi(kpi_id)
    if status is None:
        return []
    out = []
    stated = followup.plan.source_by_id().get(status.kpi.source)
    if stated is not None:
        out.append(marked_title(stated.title.get(lang), lang))
    main = status.main
    latest = main.latest if main else None
    if latest is not None and (latest.source_title or latest.source_url):
        # The data give a title in the language it was published in: an English report says
        # 「…」 (in Japanese) rather than translate it (a translation would pass for the title).
        title = marked_title(latest.source_title, lang) if latest.source_title else ""
        out.append(" ".join(x for x in (title, latest.source_url) if x))
    return out


def ministry_index(followup: FollowUp, lang: Lang) -> list[dict[str, Any]]:
    """Each ministry (建制順) with the numbers of the measures it answers for."""
    from ..cycle.tables import measure_numbers

    numbers = measure_numbers(followup.plan)
    by_code: dict[str, list[str]] = {}
    for measure in followup.plan.measures():
        for entry in measure.ministries:
            mark = "" if entry.basis == "named" else "*"
            by_code.setdefault(entry.code, []).append(numbers[measure.id] + mark)
    unassigned = [numbers[m.id] for m in followup.plan.measures() if not m.ministries]
    rows = [
        {"name": ministries().get(c).label(lang), "measures": ", ".join(by_code[c])}
        for c in ministries().sorted(by_code)
    ]
    label = "担当府省未割当" if lang == "ja" else "No ministry assigned"
    rows.append({"name": label, "measures": ", ".join(unassigned)})
    return rows


def annex(followup: FollowUp, published: Published, lang: Lang) -> dict[str, Any]:
    cycle, _updates = published
    pins = _pins(cycle)
    methods = Counter(s.headline.method for s in followup.kpis())
    check = vocabulary(pins["check"])
    act = vocabulary(pins["act"])
    return {
        "methods": [
            {"label": method_of(m).label.get(lang), "count": n} for m, n in methods.most_common()
        ],
        "flags": [{"code": code, "label": label.get(lang)} for code, label in FLAG_LABELS.items()],
        "check": {
            "title": check.title.get(lang),
            "version": check.version,
            "terms": [
                {"label": t.label.get(lang), "definition": t.definition.get(lang)}
                for t in check.terms
            ],
        },
        "act": {
            "title": act.title.get(lang),
            "version": act.version,
            "terms": [
                {"label": t.label.get(lang), "definition": t.definition.get(lang)}
                for t in act.terms
            ],
        },
        "policy": POLICY.get(lang),
        "kpi_columns": {k: v.get(lang) for k, v in KPI_COLUMNS.items()},
        "status_columns": {k: v.get(lang) for k, v in STATUS_COLUMNS.items()},
    }


def cycle_line(published: Published, lang: Lang) -> str:
    cycle, updates = published
    if cycle is None:
        return Text(
            ja="公表済みの施策フォローアップはまだありません（全施策が未報告として表示されます）",
            en="No measure follow-up has been published yet (every measure shows as not reported)",
        ).get(lang)
    when = cycle.published_at.date().isoformat() if cycle.published_at else ""
    if lang == "ja":
        return f"施策の実施状況: {cycle.name.ja}（{when}公表、報告 {len(updates)} 件）"
    return f"Measures: {cycle.name.en} (published {when}, {len(updates)} reports)"
