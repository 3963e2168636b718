"""``ipkpi store``: back up, restore, migrate and check the store (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .options import DB_OPTION


@click.group("store")
def store() -> None:
    """Back up, restore, migrate and check the store (docs/deploy.md)."""


@store.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DB_OPTION
def backup_command(file: Path, db: str | None) -> None:
    """Write the whole store into FILE (gzip JSON lines; restores into SQLite or PostgreSQL).

    The store is read as it is, not migrated first: back up before upgrading ipkpi. On
    PostgreSQL the backup is one consistent snapshot while the server keeps running.
    """
    from ..store.backup import backup
    from ..store.database import create_store_engine, database_url

    engine = create_store_engine(database_url(db))
    try:
        with _progress() as bar:
            task = bar.add_task("backup", total=None)
            counts = backup(engine, file, lambda t, n: bar.update(task, description=f"{t}: {n}"))
    finally:
        engine.dispose()
    rows = sum(c.rows for c in counts)
    click.echo(f"Wrote {file}: {rows} rows in {len(counts)} tables")


@store.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@DB_OPTION
def restore_command(file: Path, db: str | None) -> None:
    """Load FILE (from 'ipkpi store backup') into a new, empty store (--db, else the default).

    All or nothing: a failed restore leaves the store empty. Stop the servers first.
    """
    from ..store import Store
    from ..store.backup import BackupError, restore

    with Store.open(db) as opened, _progress() as bar:
        task = bar.add_task("restore", total=None)
        try:
            counts = restore(
                opened.engine, file, lambda t, n: bar.update(task, description=f"{t}: {n}")
            )
        except BackupError as exc:
            raise click.ClickException(str(exc)) from None
    rows = sum(c.rows for c in counts)
    click.echo(f"Restored {rows} rows in {len(counts)} tables from {file}")


@store.command("migrate")
@DB_OPTION
def migrate_command(db: str | None) -> None:
    """Apply the migrations this ipkpi has and the store has not (safe to run twice)."""
    from ..store.database import create_store_engine, database_url
    from ..store.migrations import migrate

    engine = create_store_engine(database_url(db))
    try:
        done = migrate(engine)
    finally:
        engine.dispose()
    click.echo(f"applied: {', '.join(done)}" if done else "the store is at the latest migration")


@store.command("check")
@DB_OPTION
def check_command(db: str | None) -> None:
    """What /healthz answers, as JSON; exit status 1 when the store is not usable."""
    from ..store.database import create_store_engine, database_url
    from ..store.health import check

    engine = create_store_engine(database_url(db))
    try:
        health = check(engine)
    finally:
        engine.dispose()
    click.echo(json.dumps(health.as_dict(), ensure_ascii=False))
    if not health.ok:
        raise SystemExit(1)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )  # fmt: skip
