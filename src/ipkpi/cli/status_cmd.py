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
from rich.console import Console
from rich.table import Table

from ..assessment import HEADLINE_METHODS
from ..assessment.verdict import Verdict
from ..followup import FollowUp, KpiStatus
from ..followup.describe import goal_text
from ..followup.numbers import quantity
from ..followup.pace import Pace, pace_of
from ..plan import KIND_LABELS
from ..text import Lang, parse_lang
from .web_cmd import _DB, _PLAN, _load

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
    "status",
    "status_label",
    "reason",
    "score",
    "pace_needed",
    "pace_recent",
    "pace_kind",
    "explanation",
)


def sparkline(values: list[float], width: int = 12) -> str:
    """The last ``width`` values as block characters (lowest ▁, highest █)."""
    shown = values[-width:]
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    if high == low:
        return _BARS[3] * len(shown)
    scale = (len(_BARS) - 1) / (high - low)
    return "".join(_BARS[round((v - low) * scale)] for v in shown)


def chosen_verdict(status: KpiStatus, method: str | None) -> Verdict:
    """The verdict by ``method`` when the KPI has one, else its headline verdict."""
    if method is not None:
        for verdict in status.verdicts:
            if verdict.method == method:
                return verdict
    return status.headline


def status_row(status: KpiStatus, method: str | None, lang: Lang) -> dict[str, Any]:
    verdict = chosen_verdict(status, method)
    latest = status.main.latest if status.main else None
    unit_code = status.main.series.unit if status.main else ""
    pace = pace_of(status)
    return {
        "part": status.part.id,
        "kpi": status.kpi.id,
        "title": status.kpi.title.get(lang),
        "kind": status.kind,
        "latest_period": latest.period if latest else None,
        "latest_value": latest.value if latest else None,
        "unit": unit_code,
        "goal": goal_text(status.kpi, lang),
        "method": verdict.method,
        "status": verdict.status,
        "status_label": verdict.status_label.get(lang),
        "reason": verdict.reason_text.get(lang) if verdict.reason else "",
        "score": verdict.score,
        "pace_needed": pace.needed if pace else None,
        "pace_recent": pace.achieved if pace else None,
        "pace_kind": pace.kind if pace else None,
        "pace_text": _pace_text(pace, lang),
        "explanation": verdict.explain().get(lang),
        "history": [o.value for o in status.main.observations] if status.main else [],
    }


def _pace_text(pace: Pace | None, lang: Lang) -> str:
    if pace is None:
        return ""
    if lang == "ja":
        return f"必要 {pace.needed_text(lang)}、実績 {pace.achieved_text(lang)}"
    return f"needs {pace.needed_text(lang)}; recent {pace.achieved_text(lang)}"


def rows_for(followup: FollowUp, method: str | None, lang: Lang) -> list[dict[str, Any]]:
    return [status_row(s, method, lang) for s in followup.kpis()]


def render_table(console: Console, followup: FollowUp, rows: list[dict[str, Any]],
                 lang: Lang) -> None:  # fmt: skip
    plan = followup.plan
    en = lang == "en"
    vintage = followup.vintage.date.isoformat() if followup.vintage else "—"
    title = f"{plan.title.get(lang)} — " + (f"data as of {vintage}" if en else f"{vintage}時点")
    table = Table(title=title, show_lines=False)
    for name in ("KPI", "Latest" if en else "最新値", "Goal" if en else "目標",
                 "Verdict" if en else "評価", "Pace" if en else "ペース",
                 "History" if en else "推移"):  # fmt: skip
        table.add_column(name, overflow="fold")
    by_part = {p.id: p for p in plan.parts}
    current = ""
    for row in rows:
        if row["part"] != current:
            current = row["part"]
            part = by_part[current]
            table.add_row(f"[bold]{part.number}. {part.title.get(lang)}[/]", "", "", "", "", "")
        latest = (
            f"{quantity(row['latest_value'], row['unit'], lang)} ({row['latest_period']})"
            if row["latest_value"] is not None
            else "—"
        )
        kind = KIND_LABELS[row["kind"]].get(lang)
        table.add_row(
            f"{row['title']}\n[dim]{row['kpi']} · {kind}[/]",
            latest,
            row["goal"],
            f"{row['status_label']}\n[dim]{row['reason'] or row['method']}[/]",
            row["pace_text"],
            sparkline(row["history"]),
        )
    console.print(table)


@click.command("status")
@_PLAN
@_DB
@click.option("--method", type=click.Choice(METHODS), default=None,
              help="Show this method's verdict (default: the headline verdict).")  # fmt: skip
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)  # fmt: skip
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="What was known on this date (YYYY-MM-DD): the store's vintages.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def status(plan_dir: Path | None, db: str | None, method: str | None, lang: str, fmt: str,
           as_of: dt.datetime | None, output: Path | None) -> None:  # fmt: skip
    """Every KPI by part: latest value, goal, verdict, pace needed vs achieved, history."""
    language = parse_lang(lang)
    provider = _load(plan_dir, db, Console(stderr=True))
    followup = provider.get(as_of.date() if as_of else None)
    rows = rows_for(followup, method, language)
    if fmt == "table":
        if output is not None:
            with output.open("w", encoding="utf-8") as handle:
                render_table(Console(file=handle, width=160), followup, rows, language)
            return
        console = Console()
        if console.width < 140:  # a narrow terminal or a pipe: keep the columns readable
            console = Console(width=140)
        render_table(console, followup, rows, language)
        return
    if fmt == "json":
        text = json.dumps(
            {
                "plan": followup.plan.id,
                "as_of": as_of.date().isoformat() if as_of else None,
                "vintage": followup.vintage.date.isoformat() if followup.vintage else None,
                "kpis": [{k: v for k, v in r.items() if k != "pace_text"} for r in rows],
            },
            ensure_ascii=False,
            indent=2,
        )
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=fmt == "json")
