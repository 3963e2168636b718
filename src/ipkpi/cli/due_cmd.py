"""``ipkpi data due [--month YYYY-MM]``: what data is due or overdue, by publisher.

Thin: :func:`ipkpi.followup.due.data_due` works out each KPI's next release from its
publisher's calendar against the data held; this module prints it in the reader's language.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from ..followup.due import (
    BASIS_LABELS,
    STATE_LABELS,
    STATE_SHORT,
    Awaited,
    data_due,
    publisher_name,
    when_text,
)
from ..plan.calendar import STATES, Month
from ..text import Lang

if TYPE_CHECKING:
    from ..followup import FollowUp

HEADERS: dict[str, tuple[str, str]] = {
    "publisher": ("公表元", "Publisher"),
    "release": ("公表物", "Publication"),
    "kpi": ("KPI", "KPI"),
    "latest": ("収録済み", "Latest held"),
    "expected_period": ("次の期間", "Next period"),
    "expected": ("公表予定", "Expected"),
    "state": ("状況", "State"),
    "basis": ("公表予定の根拠", "Basis of the date"),
}

_NONE = {"ja": "なし", "en": "none"}


def parse_month(text: str | None, lang: Lang) -> Month | None:
    if text is None:
        return None
    try:
        return Month.parse(text)
    except ValueError:
        message = (
            f"--month {text!r} は年月ではありません。YYYY-MM の形で書いてください（例：2026-09）。"
            if lang == "ja"
            else f"--month {text!r} is not a month: write it as YYYY-MM (e.g. 2026-09)."
        )
        raise click.BadParameter(message) from None


def rows(items: list[Awaited], lang: Lang) -> list[dict[str, Any]]:
    """Each item as the reader sees it, grouped by publisher (in the plan's publisher order)."""
    out = []
    for item in items:
        out.append(
            {
                "publisher": publisher_name(item.publisher, lang),
                "publisher_id": item.publisher.id,
                "release": item.release.title.get(lang),
                "release_id": item.release.id,
                "kpi": item.kpi.title.get(lang),
                "kpi_id": item.kpi.id,
                "latest": item.latest or _NONE[lang],
                "expected_period": item.expectation.period or "",
                "expected": when_text(item, lang),
                "expected_month": str(item.month) if item.month else None,
                "state": STATE_SHORT[item.state].get(lang),
                "state_label": STATE_LABELS[item.state].get(lang),
                "state_id": item.state,
                "basis": BASIS_LABELS[item.expectation.basis].get(lang),
            }
        )
    return out


def show_due(
    followup: FollowUp, month: Month, lang: Lang, fmt: str, *, every: bool = False
) -> None:
    """Print what is overdue or due in ``month`` (with ``every``, upcoming and unknown too)."""
    order = {p.id: n for n, p in enumerate(followup.plan.publishers)}
    wanted = set(STATES) if every else {"overdue", "due"}
    items = [i for i in data_due(followup, month) if i.state in wanted]
    items.sort(key=lambda i: (order.get(i.publisher.id, len(order)), STATES.index(i.state)))
    found = rows(items, lang)
    if fmt == "json":
        click.echo(json.dumps({"month": str(month), "items": found}, ensure_ascii=False, indent=2))
        return
    columns = list(HEADERS)
    if fmt == "csv":
        columns.insert(columns.index("state") + 1, "state_label")
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["month", *columns], extrasaction="ignore")
        writer.writeheader()
        for row in found:
            writer.writerow({"month": str(month), **row})
        click.echo(buffer.getvalue(), nl=False)
        return
    if not found:
        click.echo(
            f"{month.text('ja')}時点で公表予定・公表予定を過ぎたデータはありません。"
            if lang == "ja"
            else f"No data is due or overdue in {month.text('en')}."
        )
        return
    title = (
        f"{month.text('ja')}時点で公表予定・公表予定を過ぎたデータ（{len(found)}件、公表元別）"
        if lang == "ja"
        else f"Data due or overdue in {month.text('en')} ({len(found)}, by publisher)"
    )
    if every:
        title = (
            f"{month.text('ja')}時点のデータ公表予定（{len(found)}件、公表元別）"
            if lang == "ja"
            else f"Data releases as of {month.text('en')} ({len(found)}, by publisher)"
        )
    columns.remove("basis")
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(HEADERS[column][0 if lang == "ja" else 1], overflow="fold")
    previous = None
    for row in found:
        shown = row["publisher"] if row["publisher"] != previous else ""
        previous = row["publisher"]
        table.add_row(shown, *(str(row[c]) for c in columns[1:]))
    Console().print(table)
    click.echo(
        "公表予定は公表元の過去の公表時期から（「ごろ」）。不定期の公表物は「未定」。"
        if lang == "ja"
        else "Expected months come from the publishers' past release dates ('around'); an "
        "irregular publication's is 'not known'."
    )
