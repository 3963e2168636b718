"""``ipkpi data``: import, export and inspect the observation store.

Thin: parse the options, call :mod:`ipkpi.store`, print. A data file with problems prints
every problem (file, row, cell or column, value, what to do) and exits with status 1, having
written nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from ..paths import default_plan_dir
from ..settings import current
from ..store import (
    DataFileError,
    ImportLimits,
    SeriesCatalog,
    Store,
    catalog_from_plan,
    import_file,
)
from ..store.exporters import EXPORTERS, FOLDER_FORMATS, export_observations
from ..store.limits import MB
from ..store.shipped import ensure_shipped
from ..store.withdrawal import WithdrawalError, withdraw
from ..text import parse_lang
from .choice import Choice
from .data_report import print_problems, print_report, progress, say
from .options import AS_OF_OPTION, LANG_OPTION, format_option

if TYPE_CHECKING:
    from ..plan import Plan


@dataclass
class _Settings:
    db: str | None
    plan_dir: Path | None

    @property
    def folder(self) -> Path:
        return self.plan_dir or default_plan_dir()

    def plan(self) -> Plan:
        from ..plan.loader import load_plan
        from ..plan.problems import PlanError

        try:
            return load_plan(self.folder)
        except PlanError as exc:
            raise click.ClickException(f"the plan in {self.folder} has problems:\n{exc}") from None

    def catalog(self) -> SeriesCatalog:
        return catalog_from_plan(self.plan())

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store.open(self.db) as store:
            yield store


def _set(field: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        settings = ctx.find_object(_Settings)
        if value is not None and settings is not None:
            setattr(settings, field, value)
        return value

    return callback


def _store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--plan`` after the subcommand too (``ipkpi data import F --db X``), as on
    every other command; they override the same options given before it."""
    command = click.option(
        "--plan", type=click.Path(file_okay=False, path_type=Path), default=None,
        expose_value=False, callback=_set("plan_dir"), help="Plan folder (as for 'data').",
    )(command)  # fmt: skip
    return click.option(
        "--db", default=None, metavar="URL|PATH", expose_value=False, callback=_set("db"),
        help="The store (as for 'data').",
    )(command)  # fmt: skip


@click.group("data")
@click.option(
    "--db",
    default=None,
    metavar="URL|PATH",
    help="The store: a SQLite file or a database URL (default: $IPKPI_DATABASE_URL, "
    "else ~/.local/share/ipkpi/ipkpi.db).",
)
@click.option(
    "--plan",
    "plan_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Plan folder, for series ids, units and labels "
    "(default: $IPKPI_PLAN_DIR, else plans/ip2025).",
)
@click.pass_context
def data(ctx: click.Context, db: str | None, plan_dir: Path | None) -> None:
    """Observations: import files, export them, see a series' revisions."""
    ctx.obj = _Settings(db, plan_dir)


@data.command("import")
@_store_options
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--sheet", default=None, help="XLSX: the sheet to read (default: the first).")
@click.option(
    "--encoding", default=None, help="CSV: force an encoding (default: UTF-8 or CP932, detected)."
)
@click.option("--source-title", default=None, help="Source of rows that name none.")
@click.option("--source-url", default=None, help="Address of that source.")
@click.option(
    "--sdmx-map",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="MAP.csv",
    help="SDMX-CSV of another structure (UNSD, OECD, …): a CSV key,series[,unit] saying "
    "which series keys are which ipkpi series; rows of other keys are skipped.",
)
@click.option(
    "--recorded-at",
    default=None,
    metavar="DATE",
    help="Record the vintage at this UTC date/time instead of now (loading archived "
    "releases in order).",
)
@click.option(
    "--max-file-size",
    type=click.IntRange(min=1),
    default=None,
    metavar="MB",
    help="Refuse larger files (default: 200 MB for CSV, 50 MB for XLSX).",
)
@click.option(
    "--show",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Rows to list (changes in a dry run, problems on failure).",
)
@click.pass_obj
def import_(
    settings: _Settings,
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
            raise click.ClickException(f"{file.name}: nothing was imported") from None
    print_report(console, report, show)


@data.command("export")
@_store_options
@click.option("--format", "format_", type=Choice(list(EXPORTERS)), default="csv", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File (csv, xlsx, json) or folder (sdmx-csv, datapackage); csv and json "
    "go to stdout without it.",
)
@AS_OF_OPTION
@click.option(
    "--lang",
    type=Choice(["ja", "en"]),
    default=None,
    help="One label column in this language (default: both, series_label_ja/_en).",
)
@click.option("--series", "series_ids", multiple=True, help="Only this series (repeatable).")
@click.pass_obj
def export(
    settings: _Settings,
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


@data.command("history")
@_store_options
@click.argument("item", metavar="SERIES|KPI")
@LANG_OPTION
@format_option(["table", "csv", "json"])
@click.pass_obj
def history(settings: _Settings, item: str, lang: str, fmt: str) -> None:
    """List every value a series has had, each revision with its vintage; for a KPI id, those
    of each of its series."""
    from .history_cmd import show_history

    plan = settings.plan()
    with settings.store() as store:
        show_history(store, plan, item, lang, fmt)


@data.command("due")
@_store_options
@click.option(
    "--month", default=None, metavar="YYYY-MM", help="The month to look at (default: this month)."
)
@click.option("--all", "every", is_flag=True, help="Also list upcoming releases and unknown dates.")
@AS_OF_OPTION
@LANG_OPTION
@format_option(["table", "csv", "json"])
@click.pass_obj
def due(
    settings: _Settings,
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


@data.command("withdraw")
@_store_options
@click.argument("series")
@click.argument("periods", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why the values are withdrawn (kept with them).")
@click.option("--dry-run", is_flag=True, help="Show what would be withdrawn; write nothing.")
@click.option(
    "--recorded-at",
    default=None,
    metavar="DATE",
    help="Record the withdrawal at this UTC date/time instead of now.",
)
@click.pass_obj
def withdraw_(
    settings: _Settings,
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
            lang = current().lang
            raise click.ClickException(_NOTHING_WITHDRAWN[lang] + exc.text(lang)) from None
    verb = "would withdraw" if dry_run else "withdrew"
    listed = ", ".join(f"{w.period} ({w.value:,.10g})" for w in report.withdrawn)
    say(f"{verb} {series}: {listed}")
    if report.vintage is not None:
        say(f"vintage {report.vintage.id}, recorded {report.vintage.recorded_at:%Y-%m-%d %H:%M:%S}")


@data.command("vintages")
@_store_options
@LANG_OPTION
@click.pass_obj
def vintages(settings: _Settings, lang: str) -> None:
    """List the imports recorded in the store."""
    from .vintages_table import vintages_table

    with settings.store() as store:
        found = store.vintages()
    Console().print(vintages_table(found, parse_lang(lang)))


@data.command("load-shipped")
@_store_options
@click.pass_obj
def load_shipped(settings: _Settings) -> None:
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
