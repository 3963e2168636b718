"""The annual follow-up report's content: one entry per section, built from the follow-up.

Every number is worded by :mod:`ipkpi.wording` and every verdict explained by the
assessment's own sentence, so the report says what the dashboard says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..charts import chart_events
from ..followup import TONES, Changes, FollowUp, KpiStatus, judgement
from ..followup.agreement import agreement_of
from ..followup.awaited import awaited_text
from ..followup.describe import goal_text
from ..followup.due import wait_lines
from ..followup.evidence_text import evidence_words
from ..followup.explain import explanation
from ..followup.flags import flag_labels
from ..followup.headline import basis_text
from ..followup.pace import pace_of
from ..followup.tone import TONE_LABELS
from ..plan import KIND_LABELS, Part, Section
from ..text import Lang, Text, t
from ..wording import Wording, quantity
from .followup_pages import Published, annex, cycle_line, ministry_index, section_extras

WORDS: dict[str, Text] = {
    "report": t("フォローアップ報告", "Follow-up report"),
    "as_of": t("データ時点", "Data as of"),
    "previous": t("前回のデータ", "Previous data"),
    "none": t("なし", "none"),
    "before_first": t(
        "なし（この時点ではまだデータがありません。最初のデータ版は {first}）",
        "none (no data yet at this date; the first vintage is {first})",
    ),
    "kpis": t("KPI", "KPIs"),
    "latest": t("最新値", "Latest value"),
    "goal": t("目標", "Target"),
    "verdict": t("評価", "Verdict"),
    "pace": t("必要な年率と実績", "Pace needed and achieved"),
    "needed": t("必要", "needed"),
    "achieved": t("実績", "achieved"),
    "changes": t("前回からの変化", "Changes since the previous review"),
    "no_changes": t("変化なし", "No change"),
    "new": t("新しい観測値", "New observation"),
    "revised": t("改訂", "Revised"),
    "removed": t("削除", "Removed"),
    "verdict_changed": t("評価の変化", "Verdict changed"),
    "no_data": t("観測値なし", "no observations"),
    "situation": t("現状と課題", "Situation and issues"),
    "generated": t("作成日", "Generated on"),
    "kind": t("種類", "Kind"),
    "method": t("評価手法", "Method"),
    "summary": t("評価の概要", "Verdicts at a glance"),
    "part_kpis": t("部全体のKPI", "KPIs of the part"),
    "part_overview": t("部の概要", "The part in brief"),
    "what": t(
        "知的財産推進計画の各施策の実施状況と、KPIの現状・評価をまとめたフォローアップです。"
        "数値・評価はデータから自動で作成し、施策の取組状況は各府省の報告をそのまま掲載しています。",
        "The follow-up of the Intellectual Property Strategic Program: how each measure is being "
        "carried out, and where each KPI stands. Figures and verdicts are generated from the data; "
        "the progress of measures is each ministry's own report, as submitted.",
    ),
    "toc": t("目次", "Contents"),
    "kpi_table": t("KPIの進捗", "KPI progress"),
    "measures": t("施策の実施状況", "Implementation of the measures"),
    "no_kpi": t("この節にはKPIが設定されていません。", "The plan sets no KPI for this section."),
    "source": judgement.SOURCE,
    "ministry_index": t("府省別索引", "Index by ministry"),
    "index_note": t(
        "各府省が担当する施策の番号（*は計画本文からの推定）。",
        "The numbers of the measures each ministry answers for (* inferred from the plan text).",
    ),
    "annex": t("付録：評価手法と注記", "Annex: methods and flags"),
    "methods": t(
        "見出しの評価に使った手法（KPI数）", "Methods behind the headline verdicts (KPIs)"
    ),
    "methods_note": t(
        "手法ごとの判定とその計算過程は、ダッシュボードの各KPIのページに示しています。",
        "The dashboard's page of each KPI shows every method's verdict and how it was computed.",
    ),
    "flags": t("観測値の注記", "Flags on values"),
    "flag_code": t("データファイルでの表記", "In the data files"),
    "flag_meaning": t("意味", "Meaning"),
    "edition": t("（第{n}版）", " (version {n})"),
    "rollup": t("集計方針", "Roll-up policy"),
    "not_reported": t("未報告", "Not reported"),
    "measures_status": t("施策の実施状況", "Measures"),
    "plans": t("今後の予定（方向性）", "Planned measures"),
    "no_measures": t("この節に施策はありません。", "No measure in this section."),
    "no_part_measures": t(
        "部全体の施策はありません（施策は各節にあります）。",
        "No measure for the part as a whole (the measures are in its sections).",
    ),
    "period": t("期間", "Period"),
    "completion": judgement.COMPLETION,
    "kpis_with_data": t("データのあるKPI", "KPIs with data"),
    "before": t("前回", "Before"),
    "after": t("今回", "Now"),
}


def kpi_entry(status: KpiStatus, lang: Lang, followup: FollowUp | None = None) -> dict[str, Any]:
    main = status.main
    latest = main.latest if main else None
    wording = status.wording
    entry: dict[str, Any] = {
        "id": status.kpi.id,
        "title": status.kpi.title.get(lang),
        "wording": status.kpi.wording.get(lang),
        "kind": KIND_LABELS[status.kind].get(lang),
        "goal": goal_text(status.kpi, lang, wording),
        "latest": wording.quantity(latest.value, lang) if latest else "—",
        "latest_period": latest.period if latest else "",
        "flags": flag_labels(latest.flags, lang) if latest else [],
        "status_label": status.headline.status_label.get(lang),
        "method_label": status.headline.method_label.get(lang),
        "tone": status.tone,
        "explanation": explanation(status.headline, wording).get(lang),
        "pace": None,
        "has_data": status.has_data,
        "data_wait": [],
        "statement": statement_entry(status, lang),
        # Numbered as on the chart, so the PDF's dotted lines can be read.
        "events": [
            {"number": e["number"], "when": e["when"], "event": e["event"]}
            for e in chart_events(status, lang)
        ],
    }
    words = evidence_words(status, lang)
    entry.update(
        evidence=words.line if words else "", basis="", awaited="", agreement="", differs_text=""
    )
    if followup is not None:
        waiting, lines = wait_lines(followup, status, lang)
        entry["data_wait"] = [text for _, text in lines] if waiting else []
        full = status if status.complete else followup.kpi(status.kpi.id) or status
        agreement = agreement_of(full)
        entry.update(
            basis=basis_text(full.basis, wording, lang),
            awaited=awaited_text(followup, full, lang),
            agreement=agreement.summary(lang) if agreement else "",
            differs_text=agreement.why(lang) if agreement else "",
        )
        # It names the same releases (kpi_waits): one box, not two; before the first vintage
        # it names none, and the wait line says there are no data yet at that date.
        if entry["awaited"] and not followup.before_first:
            entry["data_wait"] = []
    pace = pace_of(status)
    if pace is not None:
        entry["pace"] = {
            "needed": pace.needed_text(lang),
            "achieved": pace.achieved_text(lang),
            "since": pace.since_text(lang),
        }
    return entry


def statement_entry(status: KpiStatus, lang: Lang) -> dict[str, Any]:
    """The secretariat's statement as the report and the deck print it, beside the verdict."""
    s = status.statement
    return {
        "label": judgement.LABEL.get(lang),
        "written": s is not None,
        "missing": judgement.MISSING.get(lang),
        "word": s.status_label(lang) if s else "",
        "text": s.text(lang) if s else "",
        "byline": judgement.byline(s, lang) if s else "",
        "short": judgement.short_line(status, lang),
        "completion": judgement.completion_line(status.completion, lang)
        if status.completion
        else "",
    }


def _change_rows(followup: FollowUp, changes: Changes, kpi_ids: set[str], lang: Lang) -> list[Any]:
    rows = []
    for change in changes.items:
        if change.kpi_id not in kpi_ids:
            continue
        status = followup.kpi(change.kpi_id)
        title = status.kpi.title.get(lang) if status else change.kpi_id

        wording = status.wording if status is not None else None

        def shown(
            value: float | str | None,
            unit_code: str = change.unit,
            wording: Wording | None = wording,
        ) -> str:
            if value is None or isinstance(value, str):
                return value or "—"
            if wording is not None and wording.unit == unit_code:
                return wording.quantity(value, lang)
            return quantity(value, unit_code, lang)

        kind = "verdict_changed" if change.kind == "verdict" else change.kind
        rows.append(
            {
                "kpi": title,
                "kind": WORDS[kind].get(lang),
                "series": change.series_id,
                "period": change.period,
                "old": shown(change.old),
                "new": shown(change.new),
            }
        )
    return rows


def part_overview(part: Part, lang: Lang) -> list[str]:
    """What the plan says of the part itself: its summary, then each pillar's title."""
    colon = "：" if lang == "ja" else ": "
    pillars = [
        f"{p.label.get(lang)}{colon}{p.title.get(lang)}" if p.label else p.title.get(lang)
        for p in part.pillars
    ]
    return [x.get(lang) for x in part.summary] + pillars


def vintage_line(followup: FollowUp, words: dict[str, str]) -> str:
    """The data's vintage; before the first one, that there are no data yet and when they start."""
    if followup.vintage is not None:
        return followup.vintage.id
    if followup.all_vintages:
        first = followup.all_vintages[0].id.replace("T", " ")
        return words["before_first"].format(first=first)
    return words["none"]


def report_data(
    followup: FollowUp, changes: Changes, lang: Lang, published: Published = (None, [])
) -> dict[str, Any]:
    """Everything the report prints, in ``lang``: a page per section (and per part's own KPIs).

    ``published`` is the review cycle published at the report's date and its updates.
    """
    plan = followup.plan
    followup.assess_all()  # every KPI by every method, one batch per method
    words = {key: text.get(lang) for key, text in WORDS.items()}
    pages = []
    for part in plan.parts:
        groups: list[tuple[Section | None, str, list[str], list[str]]] = []
        if part.kpis:
            overview = part_overview(part, lang)
            groups.append((None, words["part_kpis"], overview, [k.id for k in part.kpis]))
        for section in part.sections:
            situation = [x.get(lang) for x in section.situation]
            groups.append(
                (section, section.title.get(lang), situation, [k.id for k in section.kpis])
            )
        for where, title, situation, kpi_ids in groups:
            section_id = where.id if where is not None else None
            statuses = [s for k in kpi_ids if (s := followup.kpi(k)) is not None]
            pages.append(
                {
                    "id": f"{part.id}.{section_id}" if section_id else part.id,
                    "part": part.title.get(lang),
                    "title": title,
                    "situation": situation,
                    # A part has no 現状と課題 of its own: its page shows the part's summary.
                    "situation_heading": words["situation" if where else "part_overview"],
                    "kpis": [kpi_entry(s, lang, followup) for s in statuses],
                    "statuses": statuses,
                    "changes": _change_rows(followup, changes, set(kpi_ids), lang),
                    **section_extras(followup, part, where, kpi_ids, published, lang),
                }
            )
    covered = followup.coverage()
    counts = {tone: 0 for tone in TONES}
    for status in followup.kpis():
        counts[status.tone] += 1
    return {
        "lang": lang,
        "title": f"{plan.title.get(lang)} {words['report']}",
        "plan": plan.title.get(lang),
        "words": words,
        "as_of": followup.as_of.isoformat() if followup.as_of else None,
        "vintage": vintage_line(followup, words),
        "previous": changes.previous.id if changes.previous else words["none"],
        "generated": dt.date.today().isoformat(),
        "tones": [
            {"tone": tone, "label": TONE_LABELS[tone].get(lang), "count": n}
            for tone, n in counts.items()
        ],
        "coverage": {"kpis": covered.kpis, "with_data": covered.with_data},
        "pages": pages,
        "ministries": ministry_index(followup, lang),
        "annex": annex(followup, published, lang),
        "cycle_line": cycle_line(published, lang),
    }
