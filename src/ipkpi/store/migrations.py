"""Schema migrations, registered in code and recorded in the ``schema_migrations`` table.

Opening a store applies the migrations it has not recorded yet, each in its own transaction,
in the order of :data:`MIGRATIONS`. A migration is never edited once released: a change to
the schema is a new migration at the end of the list (and the matching change in
:mod:`ipkpi.store.schema`; ``tests/store/test_migrations.py`` checks they agree).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Double,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    text,
)

from .migration_service import apply_0005_service
from .migration_statements import apply_0006_statements
from .schema import schema_migrations


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _0001_initial(conn: Connection) -> None:
    # A frozen copy of the first schema: later changes to schema.py must not change it.
    md = MetaData()
    Table(
        "series",
        md,
        Column("id", Integer, primary_key=True),
        Column("code", String(120), nullable=False, unique=True),
        Column("unit", String(40)),
    )
    Table(
        "vintages",
        md,
        Column("id", Integer, primary_key=True),
        Column("recorded_at", DateTime, nullable=False),
        Column("file_name", Text, nullable=False),
        Column("file_format", String(20), nullable=False),
        Column("sha256", String(64), nullable=False, unique=True),
        Column("source_title", Text),
        Column("source_url", Text),
        Column("row_count", Integer, nullable=False),
        Column("new_count", Integer, nullable=False),
        Column("revised_count", Integer, nullable=False),
    )
    obs = Table(
        "observations",
        md,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("vintage_id", Integer, ForeignKey("vintages.id"), nullable=False),
        Column("series_id", Integer, ForeignKey("series.id"), nullable=False),
        Column("period", String(20), nullable=False),
        Column("value", Double, nullable=False),
        Column("flags", Text),
        Column("note", Text),
        Column("source_title", Text),
        Column("source_url", Text),
    )
    Index("ix_observations_key", obs.c.series_id, obs.c.period, obs.c.vintage_id, unique=True)
    md.create_all(conn)


def _0002_withdrawals(conn: Connection) -> None:
    # NULL on every existing row: none of them is a withdrawal.
    conn.execute(text("ALTER TABLE observations ADD COLUMN withdrawn BOOLEAN"))


def _0003_review_cycles(conn: Connection) -> None:
    # A frozen copy of the cycle tables as first released (cycle_schema.py holds the live ones).
    md = MetaData()
    Table(
        "review_cycles",
        md,
        Column("id", Integer, primary_key=True),
        Column("code", String(60), nullable=False, unique=True),
        Column("plan_id", String(60), nullable=False),
        Column("name_ja", Text, nullable=False),
        Column("name_en", Text, nullable=False),
        Column("cutoff", Date, nullable=False),
        Column("due", Date, nullable=False),
        Column("vocabularies", Text, nullable=False),
        Column("opened_at", DateTime, nullable=False),
        Column("locked_at", DateTime),
        Column("published_at", DateTime),
    )
    Table(
        "update_batches",
        md,
        Column("id", Integer, primary_key=True),
        Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
        Column("ministry", String(40), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("recorded_at", DateTime, nullable=False),
        Column("row_count", Integer, nullable=False),
    )
    row_id = BigInteger().with_variant(Integer, "sqlite")
    for name, key in (("measure_updates", "measure_id"), ("finding_responses", "finding_id")):
        Table(
            name,
            md,
            Column("id", row_id, primary_key=True),
            Column("batch_id", Integer, ForeignKey("update_batches.id"), nullable=False),
            Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
            Column(key, String(120), nullable=False)
            if key == "measure_id"
            else Column(key, Integer, ForeignKey("findings.id"), nullable=False),
            Column("ministry", String(40), nullable=False),
            Column("recorded_at", DateTime, nullable=False),
            Column("body", Text, nullable=False),
        )
    Table(
        "findings",
        md,
        Column("id", Integer, primary_key=True),
        Column("code", String(60), nullable=False, unique=True),
        Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
        Column("measure_id", String(120), nullable=False),
        Column("source", String(40), nullable=False),
        Column("text_ja", Text, nullable=False),
        Column("text_en", Text, nullable=False),
        Column("recorded_at", DateTime, nullable=False),
    )
    md.create_all(conn)


def _0004_english_notes(conn: Connection) -> None:
    # NULL on every existing row: the notes imported so far had no English column.
    conn.execute(text("ALTER TABLE observations ADD COLUMN note_en TEXT"))


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _0001_initial),
    Migration("0002_withdrawals", _0002_withdrawals),
    Migration("0003_review_cycles", _0003_review_cycles),
    Migration("0004_english_notes", _0004_english_notes),
    Migration("0005_service", apply_0005_service),
    Migration("0006_statements", apply_0006_statements),
]


def applied(conn: Connection) -> set[str]:
    return set(conn.scalars(select(schema_migrations.c.name)))


def migrate(engine: Engine, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations not yet recorded; the names of those applied now."""
    with engine.connect().execution_options(ipkpi_write=True) as conn, conn.begin():
        schema_migrations.create(conn, checkfirst=True)
    done: list[str] = []
    for migration in migrations if migrations is not None else MIGRATIONS:
        with engine.connect().execution_options(ipkpi_write=True) as conn, conn.begin():
            # Checked inside the write transaction: two processes opening a new store at
            # once apply each migration once.
            if migration.name in applied(conn):
                continue
            migration.apply(conn)
            conn.execute(
                insert(schema_migrations).values(
                    name=migration.name, applied_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)
                )
            )
            done.append(migration.name)
    return done
