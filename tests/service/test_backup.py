"""``ipkpi store backup`` / ``restore``: every row of every table comes back, both databases.

The round trip runs SQLite → SQLite, SQLite → PostgreSQL, PostgreSQL → SQLite and PostgreSQL →
PostgreSQL over a store with observations, vintages, accounts, a submission with its file
bytes and audit rows, and compares the tables row by row.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import MetaData, select

from ipkpi.cli.main import cli
from ipkpi.service import data_files, submissions
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.store.backup import BackupError, backup, restore

from ..store.conftest import FIXTURES, PLAN, _postgres_store
from .conftest import person

CSV = b"series,period,value,unit\ndata.store.exports.jpn,2024,1.55,jpy_cho\n"


def _fill(store: Store) -> None:
    from ipkpi.plan.loader import load_plan

    catalog = catalog_from_plan(load_plan(PLAN))
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    import_file(store, FIXTURES / "japanese_headers_shift_jis.csv", catalog)
    editor = person(store, "e@meti.example.jp", ministry="METI")
    person(store, "s@cao.example.jp", global_role="secretariat")
    draft = data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {})
    submissions.transition(store.engine, editor, draft.id, "submit", draft.version)


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    reflected = MetaData()
    reflected.reflect(store.engine)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in reflected.sorted_tables:
            if table.name == "schema_migrations":
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            out[table.name] = [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in conn.execute(select(table).order_by(*order))
            ]
    return out


@contextmanager
def _target(kind: str, tmp_path: Path) -> Iterator[Store]:
    if kind == "sqlite":
        with Store.open(tmp_path / "restored.db") as opened:
            yield opened
        return
    stores = _postgres_store()
    try:
        yield next(stores)
    finally:
        stores.close()


@pytest.mark.parametrize(
    "target", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_backup_restores_every_row(store: Store, target: str, tmp_path: Path) -> None:
    _fill(store)
    before = _rows(store)
    assert len(before["observations"]) > 5 and len(before["submission_files"]) == 1
    assert len(before["audit_events"]) >= 4
    file = tmp_path / "ipkpi.backup"
    counts = backup(store.engine, file)
    assert {c.table: c.rows for c in counts} == {t: len(r) for t, r in before.items()}
    with _target(target, tmp_path) as fresh:
        restore(fresh.engine, file)
        after = _rows(fresh)
        assert after == before
        # the ids go on after the restored ones (PostgreSQL's sequences were moved)
        editor = person(fresh, "n@meti.example.jp", ministry="METI")
        draft = data_files.create_draft(fresh.engine, editor, "METI", "b.csv", CSV, {})
        assert draft.id == max(r[0] for r in before["submissions"]) + 1


def test_restore_refuses_a_store_with_data_and_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    _fill(store)
    file = tmp_path / "ipkpi.backup"
    backup(store.engine, file)
    before = _rows(store)
    with pytest.raises(BackupError, match="already holds data"):
        restore(store.engine, file)
    assert _rows(store) == before


def test_a_cut_short_backup_is_refused_and_the_store_stays_empty(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as source:
        _fill(source)
        backup(source.engine, tmp_path / "whole.backup")
    with gzip.open(tmp_path / "whole.backup", "rt", encoding="utf-8") as f:
        lines = f.readlines()
    with gzip.open(tmp_path / "cut.backup", "wt", encoding="utf-8") as f:
        f.writelines(lines[: len(lines) // 2])
    with Store.open(tmp_path / "b.db") as fresh:
        with pytest.raises(BackupError, match="cut short"):
            restore(fresh.engine, tmp_path / "cut.backup")
        assert all(rows == [] for rows in _rows(fresh).values())


def test_a_file_that_is_not_a_backup_says_what_to_give(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with Store.open(tmp_path / "b.db") as fresh, pytest.raises(BackupError, match="store backup"):
        restore(fresh.engine, tmp_path / "notes.txt")


def test_the_commands(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as source:
        _fill(source)
        expected = _rows(source)
    runner = CliRunner()
    made = runner.invoke(
        cli, ["store", "backup", str(tmp_path / "b.gz"), "--db", str(tmp_path / "a.db")]
    )
    assert made.exit_code == 0, made.output
    assert f"rows in {len(expected)} tables" in made.output
    back = runner.invoke(
        cli, ["store", "restore", str(tmp_path / "b.gz"), "--db", str(tmp_path / "c.db")]
    )
    assert back.exit_code == 0, back.output
    with Store.open(tmp_path / "c.db") as restored:
        assert _rows(restored) == expected
    again = runner.invoke(
        cli, ["store", "restore", str(tmp_path / "b.gz"), "--db", str(tmp_path / "c.db")]
    )
    assert again.exit_code == 1 and "already holds data" in again.output
    check = runner.invoke(cli, ["store", "check", "--db", str(tmp_path / "c.db")])
    assert check.exit_code == 0 and '"status": "ok"' in check.output
