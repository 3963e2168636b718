"""``ipkpi cycle …``: the yearly review cycle from the command line.

open → template (one XLSX per ministry) → import (all or nothing, every problem by cell) →
lock → publish; ``status`` says who has not reported yet. Thin: the rules are in ipkpi.cycle.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..cycle import CycleRecords, CycleStateError, Finding, operations
from ..files import write_bytes
from ..ministries import UnknownMinistryError, ministries
from ..paths import default_plan_dir
from ..plan import Plan
from ..plan.loader import load_plan
from ..plan.problems import PlanError
from ..store import Store
from ..text import Text, parse_lang, t
from .choice import Choice
from .help_format import Group, option
from .options import DB_OPTION as _DB
from .options import LANG_OPTION
from .options import PLAN_OPTION as _PLAN
from .options import open_followup as _load

_CYCLE = option(
    "--cycle",
    "code",
    default=None,
    help=t(
        "サイクルのコード（既定：受付中の最新のサイクル）。",
        "The cycle's code (default: the latest open cycle).",
    ),
)


def _records(db: str | None) -> CycleRecords:
    return CycleRecords(Store.open(db).engine)


def _code(records: CycleRecords, code: str | None) -> str:
    if code:
        return code
    open_ = [c for c in records.cycles() if c.state == "open"]
    if not open_:
        raise click.ClickException("no open cycle: open one with 'ipkpi cycle open CODE ...'")
    return open_[-1].code


def _date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date: use YYYY-MM-DD", param_hint=name
        ) from None


def _fail(exc: CycleStateError | UnknownMinistryError) -> click.ClickException:
    if isinstance(exc, CycleStateError):
        return click.ClickException(f"{exc.text.ja} / {exc.text.en}")
    return click.ClickException(f"{exc.message('ja')} / {exc.message('en')}")


@click.group(cls=Group, help_ja="点検サイクル：開始、テンプレート、取込み、締切、公開、状況。")
def cycle() -> None:
    """The review cycle: open, ministry templates, import, lock, publish, status."""


@cycle.command("open", help_ja="計画の点検サイクルを開始します。CODE はサイクルのコードです。")
@click.argument("code")
@_PLAN
@_DB
@option(
    "--name-ja",
    required=True,
    help=t(
        "日本語の名称。例：計画2025 フォローアップ（2026年）",
        "e.g. 計画2025 フォローアップ（2026年）",
    ),
)
@option(
    "--name-en",
    required=True,
    help=t(
        "英語の名称。例：'Programme 2025 follow-up (2026)'",
        "e.g. 'Programme 2025 follow-up (2026)'",
    ),
)
@option(
    "--cutoff",
    required=True,
    help=t("データの基準日（YYYY-MM-DD）。", "Cut-off date of the data (基準日), YYYY-MM-DD."),
)
@option(
    "--due",
    required=True,
    help=t(
        "府省庁の報告の提出期限（YYYY-MM-DD）。",
        "Date the ministries' updates are due, YYYY-MM-DD.",
    ),
)
@option(
    "--check",
    "check",
    default="check@1",
    show_default=True,
    help=t("固定する Check（進捗区分）の語彙の版。", "The Check vocabulary version to pin."),
)
@option(
    "--act",
    "act",
    default="act@1",
    show_default=True,
    help=t("固定する Act（対応方針）の語彙の版。", "The Act vocabulary version to pin."),
)
def open_command(
    code: str,
    plan_dir: Path | None,
    db: str | None,
    name_ja: str,
    name_en: str,
    cutoff: str,
    due: str,
    check: str,
    act: str,
) -> None:
    """Open a review cycle for the plan."""
    plan = _plan(plan_dir)
    records = _records(db)
    try:
        opened = operations.open_cycle(
            records,
            plan,
            code,
            Text(ja=name_ja, en=name_en),
            _date(cutoff, "--cutoff"),
            _date(due, "--due"),
            {"check": check, "act": act},
        )
    except (CycleStateError, KeyError) as exc:
        raise (
            _fail(exc) if isinstance(exc, CycleStateError) else click.ClickException(str(exc))
        ) from None
    click.echo(
        f"Opened {opened.code}: {opened.name.ja} ({', '.join(opened.vocabularies.values())})"
    )


@cycle.command(
    "template",
    help_ja="府省庁が記入する XLSX を書き出します。その府省庁の施策、選択肢（ドロップダウン）、"
    "関連する KPI の数値を含みます。",
)
@_CYCLE
@_PLAN
@_DB
@option(
    "--ministry",
    required=True,
    help=t(
        "府省庁のコード（ipkpi ministries で確認できます）。",
        "The ministry's code (ipkpi ministries).",
    ),
)
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t(
        "書き出すファイル（既定：CYCLE.MINISTRY.xlsx）。",
        "File to write (default: CYCLE.MINISTRY.xlsx).",
    ),
)
def template_command(
    code: str | None, plan_dir: Path | None, db: str | None, ministry: str, output: Path | None
) -> None:
    """Write the XLSX a ministry fills in: its measures, drop-downs, linked KPI figures."""
    records = _records(db)
    chosen = _code(records, code)
    provider = _load(plan_dir, db, Console(stderr=True))
    try:
        content = operations.template(records, provider.get(None), chosen, ministry)
    except (CycleStateError, UnknownMinistryError) as exc:
        raise _fail(exc) from None
    target = output or Path(f"{chosen}.{ministry}.xlsx")
    write_bytes(target, content)
    count = len([m for m in provider.plan.measures() if m.serves(ministry)])
    click.echo(f"Wrote {target} ({count} measures of {ministry})")


@cycle.command(
    "import",
    help_ja="記入済みのテンプレートを取り込みます。一つでも問題があれば何も取り込まず、"
    "すべての問題をシート・行・セルごとに示します。",
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_CYCLE
@_PLAN
@_DB
@option(
    "--dry-run",
    is_flag=True,
    help=t("確認だけを行い、何も保存しません。", "Check only; store nothing."),
)
@LANG_OPTION
def import_command(
    file: Path, code: str | None, plan_dir: Path | None, db: str | None, dry_run: bool, lang: str
) -> None:
    """Import a filled template: all or nothing; every problem by sheet, row and cell."""
    records = _records(db)
    chosen = _code(records, code)
    plan = _plan(plan_dir)
    try:
        result = operations.check_file(records, plan, chosen, file.read_bytes(), file.name)
    except CycleStateError as exc:
        raise _fail(exc) from None
    if result.batch is None:
        for problem in result.problems:
            click.echo(problem.text(parse_lang(lang)), err=True)
        raise click.ClickException(
            f"{len(result.problems)} problem(s): nothing was imported / "
            f"問題 {len(result.problems)} 件のため何も登録していません"
        )
    if dry_run:
        click.echo(f"{file.name}: no problem; {len(result.batch.updates)} update(s) (dry run)")
        return
    try:
        count = records.apply(result.batch)
    except CycleStateError as exc:
        raise _fail(exc) from None
    click.echo(f"Imported {count} update(s) of {result.batch.ministry} into {chosen}")


@cycle.command(
    "lock",
    help_ja="サイクルの受付を締め切ります（締切）。事務局は報告された内容を審査します。",
)
@_CYCLE
@_DB
def lock_command(code: str | None, db: str | None) -> None:
    """Close the cycle to imports (締切); the secretariat reviews what was reported."""
    records = _records(db)
    try:
        done = records.lock(_code(records, code))
    except CycleStateError as exc:
        raise _fail(exc) from None
    click.echo(f"Locked {done.code} at {done.locked_at:%Y-%m-%d %H:%M} UTC")


@cycle.command(
    "publish",
    help_ja="締め切ったサイクルを公開します。以後、公開画面にその報告内容が表示されます。",
)
@click.argument("code")
@_DB
def publish_command(code: str, db: str | None) -> None:
    """Publish a locked cycle: public views show its updates from now on."""
    records = _records(db)
    try:
        done = records.publish(code)
    except CycleStateError as exc:
        raise _fail(exc) from None
    click.echo(f"Published {done.code} at {done.published_at:%Y-%m-%d %H:%M} UTC")


@cycle.command(
    "status",
    help_ja="府省庁ごとの状況を表示します。報告が求められる施策、報告済みの施策、まだ報告して"
    "いない府省庁を示します。",
)
@_CYCLE
@_PLAN
@_DB
@LANG_OPTION
def status_command(code: str | None, plan_dir: Path | None, db: str | None, lang: str) -> None:
    """Per ministry: measures owed, reported, and who has not reported yet."""
    language = parse_lang(lang)
    records = _records(db)
    chosen = _code(records, code)
    cycle_ = records.get(chosen)
    rows, unassigned = operations.ministry_status(records, _plan(plan_dir), chosen)
    en = language == "en"
    table = Table(
        "code",
        "ministry" if en else "府省庁",
        "owed" if en else "担当",
        "reported" if en else "報告済",
        "missing" if en else "未報告",
        title=f"{cycle_.name.get(language)} ({cycle_.state})",
    )
    for row in rows:
        table.add_row(
            row.ministry,
            ministries().get(row.ministry).label(language),
            str(len(row.owed)),
            str(len(row.reported)),
            ", ".join(row.missing) or "—",
        )
    console = Console(width=max(Console().width, 140))
    console.print(table)
    note = (
        f"{len(unassigned)} measures have no ministry: nobody owes an update for them"
        if en
        else f"担当府省未割当の施策 {len(unassigned)} 件（報告を求める先がありません）"
    )
    console.print(note)


@cycle.command(
    "finding",
    help_ja="施策に対する指摘事項を記録します。府省庁は以後のテンプレートで回答します。",
)
@click.argument("finding_id")
@click.argument("measure_id")
@_CYCLE
@_PLAN
@_DB
@option(
    "--source",
    type=Choice(["committee", "headquarters", "experts", "secretariat"]),
    required=True,
    help=t("指摘した主体。", "Who raised it."),
)
@option("--ja", "text_ja", required=True, help=t("日本語の指摘事項。", "The finding in Japanese."))
@option("--en", "text_en", required=True, help=t("英語の指摘事項。", "The finding in English."))
def finding_command(
    finding_id: str,
    measure_id: str,
    code: str | None,
    plan_dir: Path | None,
    db: str | None,
    source: str,
    text_ja: str,
    text_en: str,
) -> None:
    """Record a finding (指摘事項) on a measure; ministries respond in later templates."""
    plan = _plan(plan_dir)
    if plan.measure(measure_id) is None:
        raise click.BadParameter(f"unknown measure {measure_id!r}", param_hint="MEASURE_ID")
    records = _records(db)
    records.add_finding(
        Finding(finding_id, _code(records, code), measure_id, source, Text(ja=text_ja, en=text_en))
    )
    click.echo(f"Recorded finding {finding_id} on {measure_id}")


def _plan(plan_dir: Path | None) -> Plan:
    folder = plan_dir or default_plan_dir()
    try:
        return load_plan(folder)
    except PlanError as exc:
        raise click.ClickException(f"the plan in {folder} has problems:\n{exc}") from None
