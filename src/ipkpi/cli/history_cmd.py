"""``ipkpi data history ID``: every value a series has had, or those of every series of a KPI.

Thin: the store gives each series' revisions; this module words them in the reader's language
(flags by their labels, withdrawn values struck through) and prints one table per series.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from ..followup.flags import flag_labels
from ..spreadsheet import safe_dict
from ..text import Lang, parse_lang
from .suggest import did_you_mean

if TYPE_CHECKING:
    from ..plan import Plan
    from ..store import Revision, Store

HEADERS = {
    "series": ("系列", "Series"),
    "period": ("期間", "Period"),
    "value": ("値", "Value"),
    "flags": ("注記", "Flags"),
    "recorded": ("記録日時（UTC）", "Recorded (UTC)"),
    "file": ("ファイル", "File"),
    "source": ("出典／取り下げの理由", "Source / why withdrawn"),
}
WITHDRAWN = ("取り下げ", "withdrawn")


def _word(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "ja" else pair[1]


def series_of(plan: Plan, item: str) -> list[str]:
    """The series ``item`` names: itself, or every series of the KPI with that id."""
    kpi = plan.kpi(item)
    if kpi is not None:
        return [s.id for s in kpi.series]
    return [item]


def revision_row(series_id: str, revision: Revision, lang: Lang) -> dict[str, Any]:
    o, v = revision.observation, revision.vintage
    return {
        "series": series_id,
        "period": o.period,
        "value": o.value,
        "withdrawn": o.withdrawn,
        "flags": flag_labels(list(o.flags), lang),
        "recorded": v.recorded_at.strftime("%Y-%m-%d %H:%M:%S"),
        "file": v.file_name,
        "source": (o.note or "") if o.withdrawn else (o.source_title or ""),
    }


def history_rows(store: Store, plan: Plan, item: str, lang: Lang) -> list[dict[str, Any]]:
    """Every revision of every series ``item`` names; ClickException if there are none."""
    rows = [
        revision_row(series_id, revision, lang)
        for series_id in series_of(plan, item)
        for revision in store.history(series_id)
    ]
    if rows:
        return rows
    known = [k.id for k in plan.kpis()] + [s.id for _k, s in plan.all_series()]
    hint = did_you_mean(item, known, lang)
    if lang == "ja":
        what = "KPI" if plan.kpi(item) is not None else "系列"
        raise click.ClickException(f"{what}「{item}」の観測値はストアにありません。{hint.strip()}")
    raise click.ClickException(f"no observations of {item!r} in the store.{hint}")


def print_history(plan: Plan, rows: list[dict[str, Any]], item: str, lang: Lang) -> None:
    labels = {s.id: s.label.get(lang) for _kpi, s in plan.all_series()}
    console = Console()
    kpi = plan.kpi(item)
    if kpi is not None:
        console.print(f"[bold]{kpi.title.get(lang)}[/] ({kpi.id})")
    for series_id in dict.fromkeys(r["series"] for r in rows):
        mine = [r for r in rows if r["series"] == series_id]
        count = f"{len(mine)}件" if lang == "ja" else f"{len(mine)} values"
        title = f"{labels.get(series_id, series_id)} ({series_id}): {count}"
        table = Table(title=title, title_justify="left")
        for key in ("period", "value", "flags", "recorded", "file", "source"):
            table.add_column(
                _word(HEADERS[key], lang),
                justify="right" if key == "value" else "left",
                overflow="fold",
            )
        for row in mine:
            value = f"{row['value']:,.10g}"
            if row["withdrawn"]:
                value = f"[strike]{value}[/] {_word(WITHDRAWN, lang)}"
            table.add_row(row["period"], value, "; ".join(row["flags"]), row["recorded"],
                          row["file"], row["source"])  # fmt: skip
        console.print(table)


def write_history(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_dict({**r, "flags": ";".join(r["flags"])}) for r in rows)
    return out.getvalue()


def show_history(store: Store, plan: Plan, item: str, lang: str, fmt: str) -> None:
    language = parse_lang(lang)
    rows = history_rows(store, plan, item, language)
    if fmt == "table":
        print_history(plan, rows, item, language)
    else:
        click.echo(write_history(rows, fmt), nl=fmt == "json")
