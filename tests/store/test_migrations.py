"""Migrations are registered in code, recorded in the database and applied once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, select, text

from ipkpi.store import Store
from ipkpi.store.migrations import MIGRATIONS, Migration, migrate
from ipkpi.store.schema import metadata, schema_migrations


def recorded(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(
            conn.scalars(select(schema_migrations.c.name).order_by(schema_migrations.c.name))
        )


def test_a_new_store_records_every_migration(store: Store) -> None:
    assert recorded(store) == [m.name for m in MIGRATIONS]


def test_the_migrations_build_the_schema_the_code_queries(store: Store) -> None:
    inspector = inspect(store.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    indexes = {i["name"] for i in inspector.get_indexes("observations")}
    assert "ix_observations_key" in indexes


def test_reopening_applies_nothing_and_a_new_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store.open(path).close()
    with Store.open(path) as store:
        assert migrate(store.engine) == []

        def add_column(conn: Connection) -> None:
            conn.execute(text("ALTER TABLE vintages ADD COLUMN comment TEXT"))

        later = [*MIGRATIONS, Migration("0099_vintage_comment", add_column)]
        assert migrate(store.engine, later) == ["0099_vintage_comment"]
        assert migrate(store.engine, later) == []
        assert recorded(store)[-1] == "0099_vintage_comment"
