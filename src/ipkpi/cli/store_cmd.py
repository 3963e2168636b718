"""``ipkpi store``: back up, restore, migrate and check the store (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .help_format import Group
from .options import DB_OPTION


@click.group(
    "store",
    cls=Group,
    help_ja="データベースのバックアップ、復元、移行、点検。手順は docs/deploy.md を"
    "参照してください。",
)
def store() -> None:
    """Back up, restore, migrate and check the store (docs/deploy.md)."""


@store.command(
    "backup",
    help_ja="""データベースの全体を FILE に書き出します。形式は gzip 圧縮の JSON Lines で、
    SQLite にも PostgreSQL にも復元できます。

    データベースは移行せずにそのまま読み込みます。ipkpi を更新する前にバックアップして
    ください。PostgreSQL では、サーバーを動かしたまま一貫したスナップショットを取得します。""",
)
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


@store.command(
    "restore",
    help_ja="""バックアップを新しいデータベースに復元します。FILE（ipkpi store backup で作成）を、
    新しい空のデータベース（--db、なければ既定のデータベース）に読み込みます。

    すべてを読み込むか、何も読み込まないかのいずれかです。失敗した場合、データベースは空の
    ままです。先にサーバーを停止してください。""",
)
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


@store.command(
    "migrate",
    help_ja="データベースに未適用の移行を適用します。2回実行しても安全です。",
)
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


@store.command(
    "check",
    help_ja="/healthz の応答内容を JSON で出力します。データベースが使えない場合、終了コードは 1"
    " です。",
)
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
