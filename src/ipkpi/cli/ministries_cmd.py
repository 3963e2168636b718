"""``ipkpi ministries``: the 府省庁 code list, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys

import click
from rich.console import Console
from rich.table import Table

from ..ministries import KIND_LABELS, ministries
from ..spreadsheet import safe_dict
from ..text import parse_lang, t
from .help_format import Command
from .options import LANG_OPTION, format_option

COLUMNS = ["code", "name_ja", "name_en", "short_ja", "short_en", "kind", "parent", "url"]


@click.command(
    name="ministries",
    cls=Command,
    help_ja="府省庁コード一覧：施策や所属に指定できる全コード（建制順）。",
)
@LANG_OPTION
@format_option(
    ["table", "csv", "json"],
    help=t(
        "人が読むには table、他のシステムには csv または json。",
        "table for people; csv or json for other systems.",
    ),
)
def ministries_command(lang: str, fmt: str) -> None:
    """The 府省庁 code list: every code a measure or a membership may name, in 建制順."""
    language = parse_lang(lang)
    rows = [
        {
            "code": m.code,
            "name_ja": m.name.ja,
            "name_en": m.name.en,
            "short_ja": m.short.ja if m.short else "",
            "short_en": m.short.en if m.short else "",
            "kind": m.kind,
            "parent": m.parent or "",
            "url": m.url,
        }
        for m in ministries()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(safe_dict(row) for row in rows)
        return
    en = language == "en"
    table = Table(
        "code",
        "name" if en else "名称",
        "kind" if en else "種別",
        "belongs to" if en else "所属",
        title="府省庁コード表 / Ministry codes",
    )
    for m in ministries():
        parent = ministries().get(m.parent).label(language) if m.parent else ""
        table.add_row(m.code, m.label(language), KIND_LABELS[m.kind].get(language), parent)
    Console(width=max(Console().width, 120)).print(table)
