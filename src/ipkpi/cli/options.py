"""The options every command spells the same way: ``--plan``, ``--db``, ``--lang``, ``--format``,
``--as-of``; and opening the plan and the store they name.

A command takes the ones it needs from here, so the same thing has the same name everywhere
(``tests/cli/test_options.py`` checks it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..paths import default_plan_dir
from ..text import t
from .choice import Choice
from .help_format import LangOption, line_lang, option

#: The help of every ``--lang`` and ``--format`` that says nothing more of itself.
LANG_WORDS = t("出力の言語。", "Language of the output.")
FORMAT_WORDS = t("出力の形式。", "Output format.")

if TYPE_CHECKING:
    from rich.console import Console

    from ..followup import FollowUpProvider
    from ..plan import Plan
    from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])

PLAN_OPTION = option(
    "--plan",
    "plan_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=t(
        "計画のフォルダ（既定：$IPKPI_PLAN_DIR、未設定なら plans/ip2025）。",
        "Plan folder (default: $IPKPI_PLAN_DIR, else plans/ip2025).",
    ),
)
DB_OPTION = option(
    "--db",
    "db",
    default=None,
    metavar="URL|PATH",
    help=t(
        "データベース：SQLite のファイルまたはデータベースの URL（既定：$IPKPI_DATABASE_URL、"
        "未設定なら内蔵の SQLite ファイル）。",
        "Store: a SQLite file or a database URL (default: $IPKPI_DATABASE_URL, else the "
        "embedded SQLite file).",
    ),
)
#: A command's ``--lang``; not given, a group's ``--lang`` above it (``ipkpi --lang en status``).
LANG_OPTION = option(
    "--lang",
    cls=LangOption,
    default="ja",
    show_default=True,
    type=Choice(["ja", "en"]),
    help=LANG_WORDS,
)


def format_option(
    choices: Sequence[str], default: str | None = None, **extra: Any
) -> Callable[[F], F]:
    """``--format`` with these choices (the first is the default unless ``default`` says)."""
    extra.setdefault("help", FORMAT_WORDS)
    return option(
        "--format",
        "fmt",
        type=Choice(list(choices)),
        default=default or choices[0],
        show_default=True,
        **extra,
    )


def _moment(ctx: click.Context, param: click.Parameter, text: str | None) -> Any:
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        from .choice import bad_moment

        raise bad_moment(text, param, ctx) from None


AS_OF_OPTION = option(
    "--as-of",
    "as_of",
    default=None,
    metavar="DATE",
    callback=_moment,
    help=t(
        "この日（YYYY-MM-DD）または時刻（YYYY-MM-DDTHH:MM、UTC）の時点で分かっていたデータ。",
        "The data as known at this date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM, UTC).",
    ),
)


def open_plan(plan_dir: Path | None) -> Plan:
    """The plan, or exit with every problem listed."""
    from ..plan.loader import load_plan
    from ..plan.problems import PlanError, render

    folder = plan_dir or default_plan_dir()
    try:
        return load_plan(folder)
    except PlanError as exc:
        for problem in exc.problems:
            click.echo(render(problem, lang=line_lang()), err=True)
        raise click.ClickException(
            f"the plan in {folder} has problems ({len(exc.problems)}): "
            f"run 'ipkpi plan validate {folder}'"
        ) from None


def open_followup(plan_dir: Path | None, db: str | None, console: Console) -> FollowUpProvider:
    """The follow-up of the plan over the store (the shipped data loaded when missing)."""
    from ..followup import FollowUpProvider
    from ..followup.store_source import StoreSource

    plan, store = open_plan_and_store(plan_dir, db, console)
    return FollowUpProvider(plan, StoreSource(store, plan))


def open_plan_and_store(
    plan_dir: Path | None, db: str | None, console: Console
) -> tuple[Plan, Store]:
    """The plan and its store, the plan's shipped observations loaded into it when missing."""
    from ..store import DataFileError, Store, catalog_from_plan
    from ..store.shipped import ensure_shipped, shipped_is_stored

    folder = plan_dir or default_plan_dir()
    plan = open_plan(folder)
    store = Store.open(db)
    if not shipped_is_stored(store, folder):
        try:
            report = ensure_shipped(store, folder, catalog_from_plan(plan), plan=plan)
        except DataFileError as exc:
            raise click.ClickException(f"the shipped data cannot be loaded:\n{exc}") from None
        if report is not None and report.status != "already_imported":
            when = report.vintage.recorded_at if report.vintage else None
            dated = f", recorded at {when:%Y-%m-%d %H:%M} UTC" if when else ""
            console.print(f"Loaded the shipped observations of {folder}: {report.status}{dated}")
    return plan, store
