"""``ipkpi data``: import, export and inspect the observation store.

Thin: parse the options, call :mod:`ipkpi.store`, print. A data file with problems prints
every problem (file, row, cell or column, value, what to do) and exits with status 1, having
written nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from rich.console import Console

from ..store import (
    DataFileError,
    ImportLimits,
    import_file,
)
from ..store.exporters import EXPORTERS, FOLDER_FORMATS, export_observations
from ..store.limits import MB
from ..store.shipped import ensure_shipped
from ..store.withdrawal import WithdrawalError, withdraw
from ..text import parse_lang, t
from .choice import Choice
from .data_report import nothing_imported, print_problems, print_report, progress, say
from .data_settings import DataSettings, store_options
from .help_format import Group, line_lang, option
from .options import AS_OF_OPTION, FORMAT_WORDS, LANG_OPTION, format_option


@click.group("data", cls=Group, help_ja="観測値：ファイルの取込み・書出し、系列の改定履歴。")
@option(
    "--db",
    default=None,
    metavar="URL|PATH",
    help=t(
        "データベース：SQLite のファイルまたはデータベースの URL（既定：$IPKPI_DATABASE_URL、"
        "未設定なら ~/.local/share/ipkpi/ipkpi.db）。",
        "The store: a SQLite file or a database URL (default: $IPKPI_DATABASE_URL, "
        "else ~/.local/share/ipkpi/ipkpi.db).",
    ),
)
@option(
    "--plan",
    "plan_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=t(
        "系列の ID、単位、表示名を定める計画のフォルダ（既定：$IPKPI_PLAN_DIR、未設定なら "
        "plans/ip2025）。",
        "Plan folder, for series ids, units and labels "
        "(default: $IPKPI_PLAN_DIR, else plans/ip2025).",
    ),
)
@click.pass_context
def data(ctx: click.Context, db: str | None, plan_dir: Path | None) -> None:
    """Observations: import files, export them, see a series' revisions."""
    ctx.obj = DataSettings(db, plan_dir)


@data.command(
    "import",
    help_ja="観測値のファイルを一つのデータ版として取り込みます。FILE は CSV、XLSX または "
    "SDMX-CSV です。不備のある行が一つでもあれば、何も取り込みません。",
)
@store_options
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option(
    "--dry-run",
    is_flag=True,
    help=t(
        "変更内容を表示するだけで、何も書き込みません。", "Show what would change; write nothing."
    ),
)
@option(
    "--sheet",
    default=None,
    help=t(
        "XLSX：読み込むシート（既定：最初のシート）。",
        "XLSX: the sheet to read (default: the first).",
    ),
)
@option(
    "--encoding",
    default=None,
    help=t(
        "CSV：文字コードを指定します（既定：UTF-8 または CP932 を自動判定）。",
        "CSV: force an encoding (default: UTF-8 or CP932, detected).",
    ),
)
@option(
    "--source-title",
    default=None,
    help=t("出典の記載がない行の出典。", "Source of rows that name none."),
)
@option("--source-url", default=None, help=t("その出典の URL。", "Address of that source."))
@option(
    "--sdmx-map",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="MAP.csv",
    help=t(
        "他の構造の SDMX-CSV（UNSD、OECD など）を取り込むための対応表：どの系列キーがどの ipkpi "
        "の系列かを示す CSV（key,series[,unit]）。それ以外のキーの行は読み飛ばします。",
        "SDMX-CSV of another structure (UNSD, OECD, …): a CSV key,series[,unit] saying "
        "which series keys are which ipkpi series; rows of other keys are skipped.",
    ),
)
@option(
    "--recorded-at",
    default=None,
    metavar="DATE",
    help=t(
        "データ版の記録日時を、現在ではなくこの UTC の日付・時刻とします（過去の公表分を順に"
        "取り込む場合）。",
        "Record the vintage at this UTC date/time instead of now (loading archived "
        "releases in order).",
    ),
)
@option(
    "--max-file-size",
    type=click.IntRange(min=1),
    default=None,
    metavar="MB",
    help=t(
        "これより大きいファイルは受け付けません（既定：CSV は 200 MB、XLSX は 50 MB）。",
        "Refuse larger files (default: 200 MB for CSV, 50 MB for XLSX).",
    ),
)
@option(
    "--show",
    type=click.IntRange(min=0),
    metavar="N",
    default=20,
    show_default=True,
    help=t(
        "一覧に示す行数（確認のみの実行では変更点、失敗時には問題点）。",
        "Rows to list (changes in a dry run, problems on failure).",
    ),
)
@click.pass_obj
def import_(
    settings: DataSettings,
    file: Path,
    dry_run: bool,
    sheet: str | None,
    encoding: str | None,
    source_title: str | None,
    source_url: str | None,
    sdmx_map: Path | None,
    recorded_at: str | None,
    max_file_size: int | None,
    show: int,
) -> None:
    """Import FILE (CSV, XLSX or SDMX-CSV) as one vintage, or nothing if any row is bad."""
    console = Console(stderr=True)
    limits = ImportLimits()
    if max_file_size is not None:
        limits = limits.with_max_file_bytes(max_file_size * MB)
    catalog = settings.catalog()
    with settings.store() as store, progress(console) as report_progress:
        try:
            report = import_file(
                store,
                file,
                catalog,
                dry_run=dry_run,
                sheet=sheet,
                encoding=encoding,
                source_title=source_title,
                source_url=source_url,
                recorded_at=_start_of(_moment(recorded_at)),
                limits=limits,
                progress=report_progress,
                sdmx_map=sdmx_map,
            )
        except DataFileError as exc:
            print_problems(exc, show)
            raise nothing_imported(file.name) from None
    print_report(console, report, show)


@data.command(
    "export",
    help_ja="観測値を書き出します。既定では最新の観測値を、--as-of を指定すればその時点で"
    "分かっていた観測値を書き出します。",
)
@store_options
@option(
    "--format",
    "format_",
    type=Choice(list(EXPORTERS)),
    default="csv",
    show_default=True,
    help=FORMAT_WORDS,
)
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help=t(
        "書き出すファイル（csv、xlsx、json）またはフォルダ（sdmx-csv、datapackage）。指定が"
        "なければ、csv と json は標準出力に出力します。",
        "File (csv, xlsx, json) or folder (sdmx-csv, datapackage); csv and json "
        "go to stdout without it.",
    ),
)
@AS_OF_OPTION
@option(
    "--lang",
    type=Choice(["ja", "en"]),
    default=None,
    help=t(
        "表示名の列をこの言語の1列だけにします（既定：両言語、series_label_ja と _en。"
        "IPKPI_LANG やグループの --lang では変わりません）。",
        "One label column in this language (default: both, series_label_ja/_en; "
        "IPKPI_LANG and a group's --lang do not set it).",
    ),
)
@option(
    "--series",
    "series_ids",
    multiple=True,
    help=t("この系列だけ（繰り返し指定できます）。", "Only this series (repeatable)."),
)
@click.pass_obj
def export(
    settings: DataSettings,
    format_: str,
    output: Path | None,
    as_of: dt.date | dt.datetime | None,
    lang: str | None,
    series_ids: tuple[str, ...],
) -> None:
    """Export the latest observations (or those known on a date)."""
    if output is None and (format_ == "xlsx" or format_ in FOLDER_FORMATS):
        raise click.UsageError(f"--format {format_} needs -o/--output")
    catalog = settings.catalog()
    with settings.store() as store:
        written = export_observations(
            store,
            catalog,
            format_,
            output,
            as_of=as_of,
            lang=parse_lang(lang) if lang else None,
            series=list(series_ids) or None,
        )
    for path in written:
        say(f"wrote {path}")


@data.command(
    "history",
    help_ja="系列の改定履歴を一覧表示します。系列がとってきたすべての値を、改定ごとにその"
    "データ版とともに示します。KPI の ID を指定すると、その KPI の各系列について示します。",
)
@store_options
@click.argument("item", metavar="SERIES|KPI")
@LANG_OPTION
@format_option(["table", "csv", "json"])
@click.pass_obj
def history(settings: DataSettings, item: str, lang: str, fmt: str) -> None:
    """List every value a series has had, each revision with its vintage; for a KPI id, those
    of each of its series."""
    from .history_cmd import show_history

    plan = settings.plan()
    with settings.store() as store:
        show_history(store, plan, item, lang, fmt)


@data.command(
    "due",
    help_ja="公表予定・公表遅れのデータを公表元ごとに示します。ある月について、各 KPI の次回"
    "公表を公表元の公表予定から求め、保有するデータと照らし合わせます（不定期の公表物は公表日が"
    "分かりません）。",
)
@store_options
@option(
    "--month",
    default=None,
    metavar="YYYY-MM",
    help=t("対象の月（既定：今月）。", "The month to look at (default: this month)."),
)
@option(
    "--all",
    "every",
    is_flag=True,
    help=t(
        "今後の公表予定と、公表日が不明なものも表示します。",
        "Also list upcoming releases and unknown dates.",
    ),
)
@AS_OF_OPTION
@LANG_OPTION
@format_option(["table", "csv", "json"])
@click.pass_obj
def due(
    settings: DataSettings,
    month: str | None,
    every: bool,
    as_of: dt.date | dt.datetime | None,
    lang: str,
    fmt: str,
) -> None:
    """List the data due or overdue in a month, by publisher: each KPI's next release from its
    publisher's calendar, against the data held (an irregular publication's date is unknown)."""
    from ..followup import FollowUp
    from ..followup.due import reference_month
    from ..followup.store_source import StoreSource
    from .due_cmd import parse_month, show_due
    from .options import open_plan_and_store

    reader = parse_lang(lang)
    wanted = parse_month(month, reader)
    plan, store = open_plan_and_store(settings.plan_dir, settings.db, Console(stderr=True))
    with store:
        followup = FollowUp(plan, StoreSource(store, plan), as_of)
        show_due(followup, wanted or reference_month(followup), reader, fmt, every=every)


@data.command(
    "withdraw",
    help_ja="""誤って取り込んだ値を取り下げます。SERIES の PERIODS の現在の値を取り下げます。

    何も削除しません。取下げは一つのデータ版として記録し、それより前の時点の表示と履歴には
    元の値が残ります。""",
)
@store_options
@click.argument("series")
@click.argument("periods", nargs=-1, required=True)
@option(
    "--reason",
    required=True,
    help=t(
        "値を取り下げる理由（値とともに記録します）。",
        "Why the values are withdrawn (kept with them).",
    ),
)
@option(
    "--dry-run",
    is_flag=True,
    help=t(
        "取り下げる値を表示するだけで、何も書き込みません。",
        "Show what would be withdrawn; write nothing.",
    ),
)
@option(
    "--recorded-at",
    default=None,
    metavar="DATE",
    help=t(
        "取下げの記録日時を、現在ではなくこの UTC の日付・時刻とします。",
        "Record the withdrawal at this UTC date/time instead of now.",
    ),
)
@click.pass_obj
def withdraw_(
    settings: DataSettings,
    series: str,
    periods: tuple[str, ...],
    reason: str,
    dry_run: bool,
    recorded_at: str | None,
) -> None:
    """Withdraw the current values of SERIES for PERIODS (a value imported by mistake).

    Nothing is deleted: the withdrawal is a vintage; earlier as-of views and the history keep
    the values.
    """
    with settings.store() as store:
        try:
            report = withdraw(
                store,
                series,
                periods,
                reason,
                dry_run=dry_run,
                recorded_at=_start_of(_moment(recorded_at)),
            )
        except WithdrawalError as exc:
            lang = line_lang()
            raise click.ClickException(_NOTHING_WITHDRAWN[lang] + exc.text(lang)) from None
    verb = "would withdraw" if dry_run else "withdrew"
    listed = ", ".join(f"{w.period} ({w.value:,.10g})" for w in report.withdrawn)
    say(f"{verb} {series}: {listed}")
    if report.vintage is not None:
        say(f"vintage {report.vintage.id}, recorded {report.vintage.recorded_at:%Y-%m-%d %H:%M:%S}")


@data.command("vintages", help_ja="データベースに記録された取込み（データ版）を一覧表示します。")
@store_options
@LANG_OPTION
@click.pass_obj
def vintages(settings: DataSettings, lang: str) -> None:
    """List the imports recorded in the store."""
    from .vintages_table import vintages_table

    with settings.store() as store:
        found = store.vintages()
    Console().print(vintages_table(found, parse_lang(lang)))


@data.command(
    "load-shipped",
    help_ja="計画に同梱の観測値を取り込みます。計画の observations.csv をデータベースに取り込み"
    "ます（同じ内容は一度だけ取り込みます）。",
)
@store_options
@click.pass_obj
def load_shipped(settings: DataSettings) -> None:
    """Load the plan's shipped observations.csv into the store (once per content)."""
    console = Console(stderr=True)
    with settings.store() as store, progress(console) as report_progress:
        try:
            report = ensure_shipped(store, settings.folder, progress=report_progress)
        except DataFileError as exc:
            print_problems(exc, 20)
            raise click.ClickException("the shipped observations were not loaded") from None
    if report is None:
        say(f"no shipped observations in {settings.folder}")
        return
    print_report(console, report, 0)


_NOTHING_WITHDRAWN = {"en": "nothing was withdrawn: ", "ja": "何も取り下げていません: "}


def _moment(text: str | None) -> dt.date | dt.datetime | None:
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)"
        ) from None


def _start_of(moment: dt.date | dt.datetime | None) -> dt.datetime | None:
    """A date as its first moment (UTC); a time as given."""
    if moment is None or isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time())
