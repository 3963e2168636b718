"""``ipkpi serve`` and ``ipkpi build-site``: the dashboard, served or written to files.

Thin: load the plan, open the store (loading the shipped data into it when it is empty),
hand a follow-up provider to the web layer, report.
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from ..followup import FollowUpProvider
from ..followup.store_source import StoreSource
from ..paths import default_plan_dir
from ..plan import Plan
from ..plan.loader import load_plan
from ..plan.problems import PlanError
from ..store import DataFileError, Store, catalog_from_plan
from ..store.shipped import ensure_shipped
from ..text import parse_lang
from .plan_cmd import LANG_OPTION, print_summary

#: Import tokens shorter than this get a warning.
_SHORT_TOKEN = 16
_PLAN = click.option(
    "--plan",
    "plan_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Plan folder (default: $IPKPI_PLAN_DIR, else plans/ip2025).",
)
_DB = click.option(
    "--db",
    "db",
    default=None,
    help="Store: a SQLite file or a database URL (default: $IPKPI_DATABASE_URL, else the "
    "embedded SQLite file).",
)


def _load(plan_dir: Path | None, db: str | None, console: Console) -> FollowUpProvider:
    folder = plan_dir or default_plan_dir()
    try:
        plan = load_plan(folder)
    except PlanError as exc:
        raise click.ClickException(f"the plan in {folder} has problems:\n{exc}") from None
    store = Store.open(db)
    _ensure_shipped(store, plan, folder, console)
    return FollowUpProvider(plan, StoreSource(store, plan))


def _ensure_shipped(store: Store, plan: Plan, folder: Path, console: Console) -> None:
    """Load the plan's shipped observations unless this content is already stored."""
    try:
        report = ensure_shipped(store, folder, catalog_from_plan(plan))
    except DataFileError as exc:
        raise click.ClickException(f"the shipped data cannot be loaded:\n{exc}") from None
    if report is not None and report.status != "already_imported":
        console.print(f"Loaded the shipped observations of {folder}: {report.status}")


@click.command("serve")
@_PLAN
@_DB
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--base", default="", help="Base path when served under a prefix, e.g. /ipkpi.")
@LANG_OPTION
@click.option(
    "--import-token",
    envvar="IPKPI_IMPORT_TOKEN",
    default=None,
    metavar="TOKEN",
    help="Enable the data import pages (/import) for those who give this token "
    "(default: $IPKPI_IMPORT_TOKEN; without one there are no import pages).",
)
def serve(
    plan_dir: Path | None,
    db: str | None,
    host: str,
    port: int,
    base: str,
    lang: str,
    import_token: str | None,
) -> None:
    """Serve the dashboard (Japanese at /, English at /en/) after printing the plan's summary.

    ``--lang`` is the language of that summary; the dashboard has both. With
    ``--import-token`` the dashboard also takes data files at /import.
    """
    import uvicorn

    from ..charts import javascript_bundle
    from ..web import create_app

    if import_token is not None and not import_token.strip():
        raise click.BadParameter("the import token must not be empty", param_hint="--import-token")
    console = Console(stderr=True)
    if import_token is not None and len(import_token) < _SHORT_TOKEN:
        console.print(
            f"[yellow]The import token has fewer than {_SHORT_TOKEN} characters: whoever guesses "
            "it can import data. python -c 'import secrets; print(secrets.token_urlsafe())' "
            "makes a good one.[/yellow]"
        )
    provider = _load(plan_dir, db, console)
    if isinstance(provider.source, StoreSource):
        with_data = set(provider.source.store.series_ids())
        print_summary(console, provider.plan, with_data, parse_lang(lang))
    started = time.perf_counter()
    provider.get(None).kpis()  # every headline verdict, before the first visitor
    javascript_bundle()
    console.print(
        f"Assessed {len(provider.plan.kpis())} KPIs in {time.perf_counter() - started:.1f} s"
    )
    app = create_app(provider, base=base, import_token=import_token)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    click.echo(f"ipkpi dashboard: http://{shown}:{port}{base}/  (English: /en/; Ctrl+C stops)")
    if import_token is not None:
        click.echo(f"data import: http://{shown}:{port}{base}/import  (the token is required)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("build-site")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_PLAN
@_DB
@click.option(
    "--vintages",
    type=click.Choice(["all", "latest"]),
    default="all",
    show_default=True,
    help="Pages for every data vintage (as-of/DATE/…) or the latest only.",
)
@click.option("--svg/--no-svg", default=False, show_default=True, help="Also write SVG charts.")
@click.option("--xlsx/--no-xlsx", default=True, show_default=True, help="Write Excel downloads.")
@click.option("--workers", default=1, show_default=True, type=int, help="Rendering processes.")
def build_site(
    out: Path,
    plan_dir: Path | None,
    db: str | None,
    vintages: str,
    svg: bool,
    xlsx: bool,
    workers: int,
) -> None:
    """Write the dashboard as a static site into OUT (relative links: any host, any path)."""
    from ..web.site import build_site as build

    console = Console(stderr=True)
    provider = _load(plan_dir, db, console)
    started = time.perf_counter()
    downloads = ("csv", "xlsx") if xlsx else ("csv",)
    columns = (*Progress.get_default_columns()[:2], BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("pages", total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = build(
            provider,
            out,
            vintages=vintages,
            downloads=downloads,
            svg=svg,
            workers=workers,
            progress=report,
        )
    elapsed = time.perf_counter() - started
    click.echo(
        f"Wrote {result.pages} pages ({result.files} files, {result.bytes / 1e6:.1f} MB) "
        f"to {out} in {elapsed:.1f} s; open {out / 'index.html'}"
    )
