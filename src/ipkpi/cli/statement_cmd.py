"""``ipkpi statement …`` and ``ipkpi milestone …``: the secretariat's judgement and milestone
completions, imported from a file (all rows or none) and listed as known at a date.

Thin: reading and checking are :mod:`ipkpi.store.statement_file`, recording
:mod:`ipkpi.store.statement_import`; docs/statements.md describes the files.
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

from ..plan import Milestone, Plan
from ..store import DataFileError, Store
from ..store.statement_import import ImportKind, StatementImport, record
from ..text import Lang, t
from .help_format import Group, option
from .options import AS_OF_OPTION, DB_OPTION, LANG_OPTION, PLAN_OPTION, format_option, open_plan

_WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "refused": "{file}: {n} problem(s); nothing was imported:",
        "nothing": "{file}: nothing was imported",
        "again": "{file}: already imported (same content, recorded {when} UTC); nothing added",
        "done": "{file}: recorded {rows} row(s): {new} new, {revised} revising an earlier one",
        "none": "no statements recorded",
    },
    "ja": {
        "refused": "{file}: {n} 件の問題があります。何も取り込んでいません:",
        "nothing": "{file}: 何も取り込んでいません",
        "again": "{file}: 取込済みです（同じ内容、{when} UTC 記録）。追加はありません",
        "done": "{file}: {rows} 行を記録しました（新規 {new}、改訂 {revised}）",
        "none": "記録された事務局評価はありません",
    },
}


def _import(file: Path, plan: Plan, db: str | None, lang: Lang, kind: ImportKind) -> None:
    from ..store.statement_file import read_completion_file, read_statement_file

    words = _WORDS[lang]
    kpi_ids = [k.id for _, _, k in plan.iter_kpis()]
    today = dt.datetime.now(dt.UTC).date()
    try:
        if kind == "statements":
            fmt, rows = read_statement_file(file, kpi_ids, today)
            recorded = _record(db, file, kind, fmt, rows)
        else:
            milestones = [k.id for _, _, k in plan.iter_kpis() if isinstance(k, Milestone)]
            fmt, done = read_completion_file(file, kpi_ids, milestones, today)
            recorded = _record(db, file, kind, fmt, done)
    except DataFileError as exc:
        click.echo(words["refused"].format(file=file.name, n=exc.total), err=True)
        for problem in exc.problems:
            click.echo(f"  {problem.text(lang)}  [{problem.code}]", err=True)
        raise click.ClickException(words["nothing"].format(file=file.name)) from None
    if recorded.outcome == "already_imported":
        when = f"{recorded.recorded_at:%Y-%m-%d %H:%M}" if recorded.recorded_at else "?"
        click.echo(words["again"].format(file=file.name, when=when), err=True)
    else:
        click.echo(
            words["done"].format(
                file=file.name, rows=recorded.rows, new=recorded.new, revised=recorded.revised
            ),
            err=True,
        )


def _record(db: str | None, file: Path, kind: ImportKind, fmt: str, rows: Any) -> StatementImport:
    with Store.open(db) as store:
        return record(store, file, kind, fmt, rows)


_FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))


@click.group(cls=Group, help_ja="事務局評価（KPI・点検日ごとの評価文）：取込み、一覧。")
def statement() -> None:
    """The secretariat's written judgement per KPI and review date: import, list."""


@statement.command(
    "import",
    help_ja="事務局評価を記録します。FILE（CSV または XLSX：kpi、review_date、status、"
    "text_ja、text_en、author_role、author_role_en、written_on）を記録します。不備のある行が一つでもあれば、何も記録しません。",
)
@_FILE
@PLAN_OPTION
@DB_OPTION
@LANG_OPTION
def statement_import(file: Path, plan_dir: Path | None, db: str | None, lang: Lang) -> None:
    """Record FILE (CSV or XLSX: kpi, review_date, status, text_ja, text_en, author_role,
    author_role_en, written_on), or nothing if any row is bad."""
    _import(file, open_plan(plan_dir), db, lang, "statements")


@statement.command(
    "list",
    help_ja="--as-of の時点で有効な事務局評価（または全改訂）を一覧表示します。",
)
@PLAN_OPTION
@DB_OPTION
@LANG_OPTION
@AS_OF_OPTION
@format_option(["table", "json", "csv"])
@option(
    "--kpi",
    "kpi_ids",
    multiple=True,
    help=t("この KPI だけ（繰り返し指定できます）。", "Only this KPI (repeatable)."),
)
@option(
    "--history",
    is_flag=True,
    help=t(
        "有効なものだけでなく、全改訂を表示します。", "Every revision, not only the one in force."
    ),
)
def statement_list(
    plan_dir: Path | None,
    db: str | None,
    lang: Lang,
    as_of: dt.date | dt.datetime | None,
    fmt: str,
    kpi_ids: tuple[str, ...],
    history: bool,
) -> None:
    """The statements in force (or every revision), as known at --as-of."""
    plan = open_plan(plan_dir)
    titles = {k.id: k.title.get(lang) for _, _, k in plan.iter_kpis()}
    with Store.open(db) as store:
        found = store.statements(kpi_ids or None, as_of, history=history)
    rows = [
        {
            "kpi": s.kpi_id,
            "title": titles.get(s.kpi_id, ""),
            "review_date": s.review_date.isoformat(),
            "status": s.status,
            "status_label": s.status_label(lang) or None,
            "text": s.text(lang),
            "text_ja": s.text_ja,
            "text_en": s.text_en,
            "author_role": s.role(lang),
            "written_on": s.written_on.isoformat(),
            "recorded_at": s.recorded_at.isoformat() if s.recorded_at else None,
            "file": s.file_name,
        }
        for s in found
    ]
    _print(rows, fmt, lang, ["kpi", "review_date", "status_label", "author_role", "text"])


@click.group(cls=Group, help_ja="工程の完了（日付、決定、出典）の記録：取込み、一覧。")
def milestone() -> None:
    """Milestone completions (date, decision, source) recorded as data: import, list."""


@milestone.command(
    "import",
    help_ja="工程の完了を記録します。FILE（CSV または XLSX：kpi、completed_on、decision_ja、"
    "decision_en、source_title、source_url）を記録します。不備のある行が一つでもあれば、何も記録しません。",
)
@_FILE
@PLAN_OPTION
@DB_OPTION
@LANG_OPTION
def milestone_import(file: Path, plan_dir: Path | None, db: str | None, lang: Lang) -> None:
    """Record FILE (CSV or XLSX: kpi, completed_on, decision_ja, decision_en, source_title,
    source_url), or nothing if any row is bad."""
    _import(file, open_plan(plan_dir), db, lang, "milestones")


@milestone.command("list", help_ja="--as-of の時点で記録されている工程の完了を一覧表示します。")
@DB_OPTION
@LANG_OPTION
@AS_OF_OPTION
@format_option(["table", "json", "csv"])
def milestone_list(
    db: str | None, lang: Lang, as_of: dt.date | dt.datetime | None, fmt: str
) -> None:
    """The recorded milestone completions, as known at --as-of."""
    with Store.open(db) as store:
        found = store.completions(as_of)
    rows = [
        {
            "kpi": c.kpi_id,
            "completed_on": c.completed_on.isoformat(),
            "decision": c.decision(lang),
            "source_title": c.source_title or None,
            "source_url": c.source_url,
            "recorded_at": c.recorded_at.isoformat() if c.recorded_at else None,
        }
        for c in found
    ]
    _print(rows, fmt, lang, ["kpi", "completed_on", "decision", "source_url"])


def _print(rows: list[dict[str, Any]], fmt: str, lang: Lang, shown: list[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else shown)
        writer.writeheader()
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)
        return
    if not rows:
        click.echo(_WORDS[lang]["none"], err=True)
        return
    table = Table()
    for name in shown:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(str(row[name] or "") for name in shown))
    Console().print(table)
