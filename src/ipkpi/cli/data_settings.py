"""What every ``ipkpi data`` command shares: where the store and the plan are, and the
``--db``/``--plan`` options a command takes after its name as the group takes them before."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..paths import default_plan_dir
from ..store import SeriesCatalog, Store, catalog_from_plan
from ..text import t
from .help_format import option

if TYPE_CHECKING:
    from ..plan import Plan


@dataclass
class DataSettings:
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


def set_field(field: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        settings = ctx.find_object(DataSettings)
        if value is not None and settings is not None:
            setattr(settings, field, value)
        return value

    return callback


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` and ``--plan`` after the subcommand too (``ipkpi data import F --db X``), as on
    every other command; they override the same options given before it."""
    command = option(
        "--plan", type=click.Path(file_okay=False, path_type=Path), default=None,
        expose_value=False, callback=set_field("plan_dir"),
        help=t("計画のフォルダ（data と同じ）。", "Plan folder (as for 'data')."),
    )(command)  # fmt: skip
    return option(
        "--db", default=None, metavar="URL|PATH", expose_value=False, callback=set_field("db"),
        help=t("データベース（data と同じ）。", "The store (as for 'data')."),
    )(command)  # fmt: skip
