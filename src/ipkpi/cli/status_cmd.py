"""``ipkpi status``: every KPI of the plan with its latest value, goal, verdict and pace.

Thin: the follow-up builds the verdicts; this module picks the columns and formats them as a
table, JSON or CSV. Numbers are worded by the same helpers as the dashboard.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text as RichText

from ..assessment import HEADLINE_METHODS
from ..assessment.verdict import Verdict
from ..files import atomic_open, write_text
from ..followup import FollowUp, KpiStatus
from ..followup.agreement import agreement_of
from ..followup.describe import goal_text
from ..followup.evidence import computed_headline
from ..followup.evidence_text import evidence_words
from ..followup.headline import basis_text
from ..followup.judgement import short_line, statement_line
from ..followup.pace import Pace, pace_of
from ..plan import KIND_LABELS
from ..spreadsheet import safe_dict
from ..text import Lang, parse_lang, t
from .choice import Choice
from .help_format import Command, option
from .options import AS_OF_OPTION, DB_OPTION, LANG_OPTION, PLAN_OPTION, format_option, open_followup

_BARS = "▁▂▃▄▅▆▇█"
METHODS = (*HEADLINE_METHODS, "forecast")
COLUMNS = (
    "part",
    "kpi",
    "title",
    "kind",
    "latest_period",
    "latest_value",
    "unit",
    "goal",
    "method",
    "method_label",
    "status",
    "status_label",
    "reason",
    "score",
    "pace_needed",
    "pace_achieved",
    "pace_since",
    "pace_kind",
    "explanation",
    "statement_status",
    "statement_text",
)


#: Below this width the table becomes one block per KPI: nothing is cut, ids stay whole.
WIDE = 120


def sparkline(values: list[float], width: int = 12, *, upside_down: bool = False) -> str:
    """The last ``width`` values as block characters (lowest ▁, highest █).

    ``upside_down`` for ranks: the 1st place is the top, so a better (smaller) rank is a
    taller bar, as on the dashboard's reversed rank axis.
    """
    shown = values[-width:]
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    if high == low:
        return _BARS[3] * len(shown)
    scale = (len(_BARS) - 1) / (high - low)
    heights = [round((v - low) * scale) for v in shown]
    if upside_down:
        heights = [len(_BARS) - 1 - h for h in heights]
    return "".join(_BARS[h] for h in heights)


def chosen_verdict(status: KpiStatus, method: str | None) -> Verdict:
    """The verdict by ``method`` by its own rules, else "not used for this KPI"; the headline
    verdict without ``method``. Never another method's verdict under ``method``'s name."""
    if method is None:
        return status.headline
    found = status.by_method(method)
    if found is not None:
        return found
    return Verdict(status.kpi.id, method, "not_available", reason="method_not_used")


def status_row(status: KpiStatus, method: str | None, lang: Lang) -> dict[str, Any]:
    verdict = chosen_verdict(status, method)
    latest = status.main.latest if status.main else None
    unit_code = status.main.series.unit if status.main else ""
    pace = pace_of(status, method if method is not None and verdict.method == method else None)
    return {
        "part": status.part.id,
        "kpi": status.kpi.id,
        "title": status.kpi.title.get(lang),
        "kind": status.kind,
        "latest_period": latest.period if latest else None,
        "latest_value": latest.value if latest else None,
        "unit": unit_code,
        "latest_text": status.wording.quantity(latest.value, lang) if latest else "—",
        "goal": goal_text(status.kpi, lang, status.wording),
        "method": verdict.method,
        "method_label": verdict.method_label.get(lang),
        "status": verdict.status,
        "status_label": verdict.status_label.get(lang),
        "reason": verdict.reason_text.get(lang) if verdict.reason else "",
        "score": verdict.score,
        "pace_needed": pace.needed if pace else None,
        "pace_achieved": pace.achieved if pace else None,
        "pace_since": pace.since if pace else None,
        "pace_kind": pace.kind if pace else None,
        "pace_text": _pace_text(pace, lang),
        "explanation": verdict.explain(status.wording).get(lang),
        **_headline_fields(status, verdict, lang),
        "history": [o.value for o in status.main.observations] if status.main else [],
        "rank": status.kind == "rank",
        **statement_fields(status, lang),
    }


_NOT_IN_JSON = ("pace_text", "rank", "latest_text", "statement_short")


def statement_fields(status: KpiStatus, lang: Lang) -> dict[str, Any]:
    """The secretariat's statement beside the computed verdict (never in its place)."""
    s = status.statement
    word = s.status_label(lang) if s else ""
    return {
        "statement": None
        if s is None
        else {
            "review_date": s.review_date.isoformat(),
            "status": s.status,
            "status_label": word or None,
            "text_ja": s.text_ja,
            "text_en": s.text_en,
            "author_role": s.role(lang),
            "written_on": s.written_on.isoformat(),
        },
        "statement_status": s.status if s else None,
        "statement_text": statement_line(status, lang),
        "statement_short": short_line(status, lang),
    }


def _headline_fields(status: KpiStatus, verdict: Verdict, lang: Lang) -> dict[str, Any]:
    """What the headline rests on: its base and why, its evidence, the method's own reading."""
    computed = computed_headline(status.verdicts) if verdict is status.headline else verdict
    evidence = status.evidence if verdict is status.headline else None
    agreement = agreement_of(status) if verdict is status.headline else None
    words = evidence_words(status, lang) if verdict is status.headline else None
    return {
        "agreement": agreement.summary(lang) if agreement else "",
        "agreement_differs": agreement.differs if agreement else False,
        "agreement_why": agreement.why(lang) if agreement else "",
        "basis": status.basis.source if verdict is status.headline else None,
        "basis_text": basis_text(status.basis, status.wording, lang)
        if verdict is status.headline
        else "",
        "computed_method": computed.method,
        "computed_method_label": computed.method_label.get(lang),
        "computed_status": computed.status,
        "computed_status_label": computed.status_label.get(lang),
        "evidence_count": evidence.count if evidence else None,
        "evidence_needed": evidence.minimum.count if evidence else None,
        "evidence_sufficient": evidence.sufficient if evidence else None,
        "evidence_text": words.line if words else "",
        "evidence_still_needed": words.needed if words else "",
    }


def _pace_text(pace: Pace | None, lang: Lang) -> str:
    if pace is None:
        return ""
    since = f"（{pace.since}以降）" if lang == "ja" and pace.since else ""
    if lang == "ja":
        return f"必要 {pace.needed_text(lang)}、実績 {pace.achieved_text(lang)}{since}"
    since = f" since {pace.since}" if pace.since else ""
    return f"needs {pace.needed_text(lang)}; achieved {pace.achieved_text(lang)}{since}"


def rows_for(followup: FollowUp, method: str | None, lang: Lang) -> list[dict[str, Any]]:
    """One row per KPI; with ``method``, that method's verdicts (worked out for every KPI)."""
    followup.assess_all()  # every KPI by every method (kpi() below), one batch per method
    return [status_row(followup.kpi(s.kpi.id) or s, method, lang) for s in followup.kpis()]


_HEADERS = {
    "kpi": ("KPI", "KPI"),
    "latest": ("最新値", "Latest"),
    "goal": ("目標", "Goal"),
    "verdict": ("評価", "Verdict"),
    "pace": ("ペース", "Pace"),
    "history": ("推移", "History"),
    "statement": ("事務局評価", "Secretariat"),
}


#: Lines of a KPI's block that are not table columns.
_LINES = {"methods": ("手法間", "Methods")}


def _header(key: str, lang: Lang) -> str:
    return {**_HEADERS, **_LINES}[key][0 if lang == "ja" else 1]


def _latest(row: dict[str, Any], lang: Lang) -> str:
    if row["latest_value"] is None:
        return "—"
    return f"{row['latest_text']} ({row['latest_period']})"


def _why(row: dict[str, Any], lang: Lang = "ja") -> str:
    """What the verdict rests on: the reason there is none, else the method's name (and, when
    the evidence rule held the verdict back, what the method alone would have said)."""
    evidence = row.get("evidence_text") or ""
    if row["method"] == "evidence":
        colon = "：" if lang == "ja" else ": "
        said = f"{row['computed_method_label']}{colon}{row['computed_status_label']}"
        if lang == "ja":
            return f"{evidence}。単独では {said}"
        return f"{evidence}. Alone, {said}"
    why = str(row["reason"] or row["method_label"])
    return f"{why}\n{evidence}" if evidence else why


def _title(followup: FollowUp, lang: Lang) -> str:
    name = followup.plan.title.get(lang)
    if followup.vintage is None:  # before the first vintage, or an empty store
        first = followup.all_vintages[0].id.replace("T", " ") if followup.all_vintages else ""
        if lang == "ja":
            said = f"（最初のデータ版は {first}）" if first else ""
            return f"{name} — この時点ではまだデータがありません{said}"
        said = f" (the first vintage is {first})" if first else ""
        return f"{name} — no data yet at this date{said}"
    vintage = followup.vintage.id.replace("T", " ")
    return f"{name} — data as of {vintage}" if lang == "en" else f"{name} — {vintage}時点のデータ"


def render_table(console: Console, followup: FollowUp, rows: list[dict[str, Any]],
                 lang: Lang) -> None:  # fmt: skip
    """A table on a wide terminal; one block per KPI on a narrow one (``COLUMNS=80``)."""
    if console.width < WIDE:
        console.print(_cards(followup, rows, lang))
        return
    table = Table(title=_title(followup, lang), show_lines=False)
    for key in _HEADERS:
        table.add_column(_header(key, lang), overflow="fold")
    by_part = {p.id: p for p in followup.plan.parts}
    current = ""
    for row in rows:
        if row["part"] != current:
            current = row["part"]
            part = by_part[current]
            table.add_row(f"[bold]{part.number}. {part.title.get(lang)}[/]", "", "", "", "", "")
        kind = KIND_LABELS[row["kind"]].get(lang)
        table.add_row(
            f"{row['title']}\n[dim]{row['kpi']} · {kind}[/]",
            _latest(row, lang),
            row["goal"],
            f"{row['status_label']}\n[dim]{_why(row, lang)}[/]\n{row['statement_short']}",
            row["pace_text"],
            sparkline(row["history"], upside_down=row["rank"]),
        )
    console.print(table)


def _cards(followup: FollowUp, rows: list[dict[str, Any]], lang: Lang) -> RenderableType:
    by_part = {p.id: p for p in followup.plan.parts}
    blocks: list[RenderableType] = [RichText(_title(followup, lang), style="bold")]
    current = ""
    for row in rows:
        if row["part"] != current:
            current = row["part"]
            part = by_part[current]
            blocks.append(Rule(f"{part.number}. {part.title.get(lang)}", align="left"))
        kind = KIND_LABELS[row["kind"]].get(lang)
        facts = Table.grid(padding=(0, 1))
        facts.add_column(style="dim", no_wrap=True)
        facts.add_column(overflow="fold")
        facts.add_row(_header("latest", lang), _latest(row, lang))
        facts.add_row(_header("goal", lang), row["goal"])
        verdict = RichText(row["status_label"], style="bold")
        verdict.append(f" — {_why(row, lang)}", style="dim")
        facts.add_row(_header("verdict", lang), verdict)
        facts.add_row(_header("statement", lang), row["statement_text"])
        if row["pace_text"]:
            facts.add_row(_header("pace", lang), row["pace_text"])
        if row["agreement"]:
            methods = row["agreement"] + (
                f" {row['agreement_why']}" if row["agreement_why"] else ""
            )
            facts.add_row(_header("methods", lang), methods)
        history = sparkline(row["history"], upside_down=row["rank"])
        if history:
            facts.add_row(_header("history", lang), history)
        blocks.append(
            Group(
                RichText(row["title"], style="bold"),
                RichText(f"{row['kpi']} · {kind}", style="dim", overflow="fold"),
                facts,
                RichText(""),
            )
        )
    return Group(*blocks)


@click.command(
    "status",
    cls=Command,
    help_ja="""部ごとの全KPI：最新値、目標、判定、必要ペースと実績、推移。

    表は端末の幅（COLUMNS）に合わせて表示します。120桁未満では、KPIごとに複数行のまとまりで
    表示します。""",
)
@PLAN_OPTION
@DB_OPTION
@option("--method", type=Choice(METHODS), default=None,
        help=t("この評価方法による判定を表示します（既定：主たる判定）。",
               "Show this method's verdict (default: the headline verdict)."))  # fmt: skip
@LANG_OPTION
@format_option(["table", "json", "csv"])
@AS_OF_OPTION
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=t("標準出力の代わりに、このファイルに書き出します。",
               "Write to this file instead of standard output."))  # fmt: skip
def status(plan_dir: Path | None, db: str | None, method: str | None, lang: str, fmt: str,
           as_of: dt.date | dt.datetime | None, output: Path | None) -> None:  # fmt: skip
    """Every KPI by part: latest value, goal, verdict, pace needed vs achieved, history.

    The table fits the terminal (COLUMNS): below 120 columns each KPI is a block of lines.
    """
    language = parse_lang(lang)
    provider = open_followup(plan_dir, db, Console(stderr=True))
    followup = provider.get(as_of)
    rows = rows_for(followup, method, language)
    if fmt == "table":
        if output is not None:
            with atomic_open(output) as handle:
                render_table(Console(file=handle, width=160), followup, rows, language)
            return
        render_table(Console(), followup, rows, language)
        return
    if fmt == "json":
        text = json.dumps(
            {
                "plan": followup.plan.id,
                "as_of": as_of.isoformat() if as_of else None,
                "vintage": followup.vintage.id if followup.vintage else None,
                "kpis": [{k: v for k, v in r.items() if k not in _NOT_IN_JSON} for r in rows],
            },
            ensure_ascii=False,
            indent=2,
        )
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(safe_dict(row) for row in rows)
        text = buffer.getvalue()
    if output:
        write_text(output, text, encoding="utf-8")
    else:
        click.echo(text, nl=fmt == "json")
