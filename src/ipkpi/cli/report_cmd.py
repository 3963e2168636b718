"""``ipkpi report``: the annual follow-up report as PDF, HTML or Markdown.

Thin: load the plan and the store, build the follow-up at the date asked for, hand it to
:mod:`ipkpi.report`, write the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.console import Console

from ..cycle import CycleRecords
from ..files import write_bytes, write_text
from ..report import FORMATS, render_html, render_markdown, render_pdf, report_data
from ..report.deck import render_pptx
from ..report.tables_xlsx import render_tables_xlsx
from ..store import Store
from ..store.store import utc_naive
from ..text import parse_lang, t
from .help_format import Command, option
from .options import (
    AS_OF_OPTION,
    DB_OPTION,
    LANG_OPTION,
    PLAN_OPTION,
    format_option,
    open_followup,
)


@click.command(
    "report",
    cls=Command,
    help_ja="""フォローアップ報告書とそのスライド・表を書き出します。報告書は PDF、HTML または
    Markdown、スライドは PPTX、表は XLSX で書き出します。

    施策の実施状況は、報告書の基準日までに公開された点検サイクルのものです。""",
)
@PLAN_OPTION
@DB_OPTION
@format_option(FORMATS)
@LANG_OPTION
@AS_OF_OPTION
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t(
        "書き出すファイル（既定：follow-up-report.LANG.FORMAT）。",
        "File to write (default: follow-up-report.LANG.FORMAT).",
    ),
)
def report(
    plan_dir: Path | None,
    db: str | None,
    fmt: str,
    lang: str,
    as_of: dt.date | dt.datetime | None,
    output: Path | None,
) -> None:
    """Write the follow-up report (PDF, HTML, Markdown), its deck (PPTX) or its tables (XLSX).

    The measures' status is the review cycle published by the report's date.
    """
    when = as_of
    language = parse_lang(lang)
    console = Console(stderr=True)
    provider = open_followup(plan_dir, db, console)
    if when is None:
        moment = None
    elif isinstance(when, dt.datetime):
        moment = utc_naive(when)
    else:
        moment = dt.datetime.combine(when, dt.time.max)
    with Store.open(db) as store:
        published = CycleRecords(store.engine).published(moment)
    followup = provider.get(when)
    data = report_data(followup, provider.changes(when), language, published)
    target = output or Path(f"follow-up-report.{language}.{fmt}")
    if fmt == "pdf":
        write_bytes(target, render_pdf(data))
    elif fmt == "pptx":
        write_bytes(target, render_pptx(data, followup))
    elif fmt == "xlsx":
        write_bytes(target, render_tables_xlsx(data))
    elif fmt == "html":
        write_text(target, render_html(data), encoding="utf-8")
    else:
        write_text(target, render_markdown(data), encoding="utf-8")
    click.echo(f"Wrote {target} ({len(data['pages'])} sections)")
