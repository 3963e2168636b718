"""The tables of the observation store (SQLAlchemy Core), as the migrations leave them.

A vintage is one import: the file, its SHA-256, its source and when it was recorded.
An observation row belongs to the vintage that brought it; a later vintage that changes a
value adds a row, it never updates one. The latest value of a (series, period) is the row of
its most recent vintage; the value known on a date is the row of the most recent vintage
recorded by then. A withdrawal is a vintage whose rows say "no value any more" (``withdrawn``):
the value before it stays in the history and in every as-of query before it.

Times are stored as naive UTC.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime, nullable=False),
)

series = Table(
    "series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(120), nullable=False, unique=True),
    #: The unit the series' values are stored in (its unit in the plan when first imported).
    Column("unit", String(40)),
)

vintages = Table(
    "vintages",
    metadata,
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

#: 64-bit on PostgreSQL; SQLite's INTEGER PRIMARY KEY is the 64-bit rowid.
RowId = BigInteger().with_variant(Integer, "sqlite")

observations = Table(
    "observations",
    metadata,
    Column("id", RowId, primary_key=True),
    Column("vintage_id", Integer, ForeignKey("vintages.id"), nullable=False),
    Column("series_id", Integer, ForeignKey("series.id"), nullable=False),
    Column("period", String(20), nullable=False),
    Column("value", Double, nullable=False),
    Column("flags", Text),
    Column("note", Text),
    #: The note in English, when the file gives one (migration 0004).
    Column("note_en", Text),
    # NULL: as the vintage's source.
    Column("source_title", Text),
    Column("source_url", Text),
    #: True on a withdrawal: from this vintage on the (series, period) has no value; the row
    #: repeats the value withdrawn, and its note says why (migration 0002).
    Column("withdrawn", Boolean),
)

#: One value per series, period and vintage; also the path of every latest/as-of query.
observation_key = Index(
    "ix_observations_key",
    observations.c.series_id,
    observations.c.period,
    observations.c.vintage_id,
    unique=True,
)

# The review cycle's and the statements' tables live in their own modules on the same metadata.
from . import cycle_schema, statement_schema  # noqa: E402, F401
