"""The follow-up's two tables, built from the data: the per-section KPI table and 実施状況一覧.

- KPI table: KPI | 基準値 | 現状値（時点）| 目標（期限）| 進捗 | 担当府省 | コメント, a row per
  KPI of a section. 担当府省 are the lead ministries of the measures that serve the KPI; コメント is
  the secretariat's written judgement, 未記入 (shown as missing) until one is recorded;
- 実施状況一覧: No. / 施策 / 担当府省 / 取組状況 / 進捗区分 / 今後の方向, one row per measure and
  responsible ministry. A ministry that has not reported shows 未報告; a measure without a
  ministry shows 担当府省未割当. Nothing is filled in for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..followup import FollowUp, KpiStatus, judgement
from ..followup.describe import figure_text, goal_text
from ..plan import Measure, Part, Plan, Section
from ..plan.measure import ministry_label
from ..text import Lang, Text
from .model import MeasureUpdate
from .vocabulary import vocabulary

NOT_REPORTED = Text(ja="未報告", en="Not reported")
UNASSIGNED_ROW = Text(ja="担当府省未割当", en="No ministry assigned")

KPI_COLUMNS: dict[str, Text] = {
    "kpi": Text(ja="KPI", en="KPI"),
    "baseline": Text(ja="基準値", en="Baseline"),
    "current": Text(ja="現状値（時点）", en="Latest value (period)"),
    "goal": Text(ja="目標（期限）", en="Target (deadline)"),
    "progress": Text(ja="進捗", en="Progress"),
    "ministry": Text(ja="担当府省", en="Ministry"),
    "comment": Text(ja="コメント", en="Comment"),
}
#: The KPI table's columns in order (the report's HTML, Markdown, XLSX and the cycle's workbook).
KPI_KEYS = tuple(KPI_COLUMNS)
NO_COMMENT = Text(ja="未記入", en="Not written")
NO_MINISTRY = Text(ja="担当府省未割当", en="No ministry assigned")

STATUS_COLUMNS: dict[str, Text] = {
    "number": Text(ja="No.", en="No."),
    "measure": Text(ja="施策", en="Measure"),
    "ministry": Text(ja="担当府省", en="Ministry"),
    "status": Text(ja="取組状況", en="Progress report"),
    "check": Text(ja="進捗区分", en="Check class"),
    "act": Text(ja="今後の方向", en="Direction"),
}


def measure_numbers(plan: Plan) -> dict[str, str]:
    """No. of each measure: part number, section number within it, bullet number (2-3-1)."""
    out: dict[str, str] = {}
    for part in plan.parts:
        for s_index, section in enumerate(part.sections, start=1):
            for m_index, measure in enumerate(section.measures, start=1):
                out[measure.id] = f"{part.number}-{s_index}-{m_index}"
    return out


def kpi_ministries(plan: Plan | None, kpi_id: str, lang: Lang) -> str:
    """The lead ministries of the measures serving ``kpi_id`` ("" when none is named)."""
    if plan is None:
        return ""
    seen: dict[str, str] = {}
    for measure in plan.measures():
        if any(link.kpi == kpi_id for link in measure.kpis) and measure.lead is not None:
            seen.setdefault(measure.lead.code, ministry_label(measure.lead, lang, short=True))
    return ("、" if lang == "ja" else ", ").join(seen.values())


def kpi_row(status: KpiStatus, lang: Lang, plan: Plan | None = None) -> dict[str, str]:
    """One KPI's row; its コメント is the secretariat's statement when one is recorded."""
    kpi = status.kpi
    statement = status.statement
    comment = ""
    if statement is not None:
        comment = f"{statement.text(lang)}（{judgement.byline(statement, lang)}）"
        if lang == "en":
            comment = f"{statement.text(lang)} ({judgement.byline(statement, lang)})"
    wording = status.wording
    baseline = "—"
    if kpi.baseline is not None:
        baseline = figure_text(kpi.baseline, lang, wording)
        if kpi.baseline.period:
            baseline += (
                f"（{kpi.baseline.period}）" if lang == "ja" else f" ({kpi.baseline.period})"
            )
    main = status.main
    latest = main.latest if main else None
    current = "—"
    if latest is not None and main is not None:
        current = wording.quantity(latest.value, lang)
        current += f"（{latest.period}）" if lang == "ja" else f" ({latest.period})"
    ministry = kpi_ministries(plan, kpi.id, lang)
    return {
        "kpi": kpi.title.get(lang),
        "baseline": baseline,
        "current": current,
        "goal": goal_text(kpi, lang, wording),
        "progress": status.headline.status_label.get(lang),
        "ministry": ministry or NO_MINISTRY.get(lang),
        "ministry_missing": "" if ministry else "missing",
        "comment": comment or NO_COMMENT.get(lang),
        "comment_missing": "" if comment else "missing",
        "tone": status.tone,
        "id": kpi.id,
    }


def section_kpi_rows(followup: FollowUp, section: Section, lang: Lang) -> list[dict[str, str]]:
    return [
        kpi_row(s, lang, followup.plan)
        for k in section.kpis
        if (s := followup.kpi(k.id)) is not None
    ]


@dataclass(frozen=True, slots=True)
class StatusRow:
    number: str
    part: Part
    section: Section
    measure: Measure
    ministry: str
    """A ministry code, or "" for a measure without a ministry."""
    update: MeasureUpdate | None

    def cells(self, lang: Lang, pins: dict[str, str]) -> dict[str, str]:
        entry = next((m for m in self.measure.ministries if m.code == self.ministry), None)
        who = ministry_label(entry, lang) if entry else UNASSIGNED_ROW.get(lang)
        update = self.update
        if update is None:
            missing = NOT_REPORTED.get(lang) if entry else "—"
            status, check, act = missing, "—", "—"
        else:
            status = update.status.get(lang) or NOT_REPORTED.get(lang)
            check = vocabulary(pins["check"]).label(update.check, lang) if update.check else "—"
            act = vocabulary(pins["act"]).label(update.act, lang) if update.act else "—"
        return {
            "number": self.number,
            "measure": self.measure.text.get(lang),
            "ministry": who,
            "status": status,
            "check": check,
            "act": act,
        }


def status_rows(plan: Plan, updates: list[MeasureUpdate]) -> list[StatusRow]:
    """One row per measure and ministry (one row for a measure without a ministry)."""
    numbers = measure_numbers(plan)
    found = {(u.measure_id, u.ministry): u for u in updates}
    rows = []
    for part, section, measure in plan.iter_measures():
        codes = [m.code for m in sorted(measure.ministries, key=lambda m: m.role != "lead")]
        for code in codes or [""]:
            rows.append(
                StatusRow(
                    numbers[measure.id], part, section, measure, code, found.get((measure.id, code))
                )
            )
    return rows


def measure_cells(rows: list[StatusRow], lang: Lang, pins: dict[str, str]) -> list[dict[str, str]]:
    """The 実施状況一覧 with one row per measure: its ministries in one cell, each ministry's
    report after its name when there are several, and who has not reported."""
    from ..plan.measure import ministries_text

    out: list[dict[str, str]] = []
    by_measure: dict[str, list[StatusRow]] = {}
    for row in rows:
        by_measure.setdefault(row.measure.id, []).append(row)
    sep = "：" if lang == "ja" else ": "
    for group in by_measure.values():
        first = group[0]
        cells = [r.cells(lang, pins) for r in group]
        reported = [(r, c) for r, c in zip(group, cells, strict=True) if r.update is not None]
        missing = [c["ministry"] for r, c in zip(group, cells, strict=True) if r.update is None]
        if len(group) == 1:
            status = cells[0]["status"]
        else:
            lines = [f"{c['ministry']}{sep}{c['status']}" for _, c in reported]
            if missing and first.ministry:
                lines.append(f"{NOT_REPORTED.get(lang)}{sep}" + ("、" if lang == "ja" else ", ")
                             .join(missing))  # fmt: skip
            status = "\n".join(lines)
        checks = list(dict.fromkeys(c["check"] for _, c in reported)) or ["—"]
        acts = list(dict.fromkeys(c["act"] for _, c in reported)) or ["—"]
        out.append({
            "number": first.number,
            "measure": first.measure.text.get(lang),
            "ministry": ministries_text(first.measure.ministries, lang, short=True),
            "status": status,
            "check": "・".join(checks),
            "act": "・".join(acts),
            "missing": "yes" if not reported and first.ministry else "",
        })  # fmt: skip
    return out
