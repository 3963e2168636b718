"""Writing one vintage and its rows, fast: batched executemany on SQLite, COPY on PostgreSQL.

Everything happens on the caller's connection, inside its transaction: a failure or a
killed process leaves nothing of the vintage behind.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import polars as pl
from sqlalchemy import Connection, func, insert, select, text

from .schema import observation_key, observations, series, vintages

BATCH_ROWS = 100_000
#: From this many rows, PostgreSQL checks the observations' two foreign keys once for the whole
#: table instead of once per row (see :func:`_foreign_keys_checked_once`).
PG_BULK_ROWS = 100_000
#: Called with the phase, the rows done and the rows in all.
Progress = Callable[[str, int, int], None]
_OPTIONAL = ("flags", "note", "note_en", "source_title", "source_url")


@dataclass(frozen=True)
class NewVintage:
    file_name: str
    file_format: str
    sha256: str
    source_title: str | None
    source_url: str | None
    recorded_at: dt.datetime  # naive UTC
    row_count: int
    new_count: int
    revised_count: int


def write_vintage(
    conn: Connection,
    vintage: NewVintage,
    rows: pl.DataFrame,
    units: Mapping[str, str],
    progress: Progress | None = None,
) -> int:
    """Insert the vintage and its rows (series, period, value, flags, note, source_*).

    ``units`` gives each series' unit, recorded with a series the store has not seen yet.
    """
    values = {name: getattr(vintage, name) for name in vintage.__dataclass_fields__}
    vintage_id: int = conn.execute(
        insert(vintages).values(**values).returning(vintages.c.id)
    ).scalar_one()
    ids = series_ids(conn, {code: units[code] for code in rows["series"].unique().to_list()})
    frame = rows.with_columns(
        pl.col("series").replace_strict(ids, return_dtype=pl.Int64).alias("series_id")
    )
    rebuild = conn.dialect.name == "sqlite" and frame.height > _stored_rows(conn)
    if not rebuild:
        frame = frame.sort("series_id", "period")  # index order: fewer page splits
    else:
        # Building the index once after a bulk insert into a small table is about twice as
        # fast as maintaining it row by row; inside the transaction, so all or nothing.
        observation_key.drop(conn)
    if conn.dialect.name == "postgresql" and frame.height >= PG_BULK_ROWS:
        with _foreign_keys_checked_once(conn):
            _insert_rows(conn, vintage_id, frame, progress)
    else:
        _insert_rows(conn, vintage_id, frame, progress)
    if rebuild:
        observation_key.create(conn)
    return vintage_id


@contextmanager
def _foreign_keys_checked_once(conn: Connection) -> Iterator[None]:
    """PostgreSQL: the observations' foreign keys dropped for the COPY and added back after.

    A foreign key is checked by a trigger per inserted row (an index probe each: about two
    thirds of a large import's time); adding the constraint back checks every row at once, in
    one join. The rows written here reference the vintage and series rows this transaction
    made, and the constraints come back in the same transaction (all or nothing; the
    observations table is locked against readers until it commits, so only large imports take
    this path).
    """
    found = conn.execute(text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname"
    ), {"t": observations.name}).all()  # fmt: skip
    for name, _definition in found:
        conn.exec_driver_sql(f'ALTER TABLE {observations.name} DROP CONSTRAINT "{name}"')
    yield
    for name, definition in found:
        conn.exec_driver_sql(
            f'ALTER TABLE {observations.name} ADD CONSTRAINT "{name}" {definition}'
        )


def _stored_rows(conn: Connection) -> int:
    """About how many observation rows there are (ids only grow; O(1) on SQLite)."""
    return int(conn.execute(select(func.max(observations.c.id))).scalar() or 0)


def series_ids(conn: Connection, units: Mapping[str, str]) -> dict[str, int]:
    """The ids of the series in ``units`` (code → unit), adding those not there yet."""
    known = dict(conn.execute(select(series.c.code, series.c.id)).all())
    missing = sorted(set(units) - set(known))
    if missing:
        conn.execute(insert(series), [{"code": code, "unit": units[code]} for code in missing])
        known = dict(conn.execute(select(series.c.code, series.c.id)).all())
    return {code: known[code] for code in units}


def _insert_rows(
    conn: Connection, vintage_id: int, frame: pl.DataFrame, progress: Progress | None
) -> None:
    total = frame.height
    # Most rows of a large file carry no note, flag or source: they go through a narrower
    # statement (each bound parameter costs time in sqlite3's executemany).
    narrow: tuple[str, ...] = ("series_id", "period", "value")
    wide = (*narrow, *_OPTIONAL)
    bare = frame.select(pl.all_horizontal(pl.col(c).is_null() for c in _OPTIONAL)).to_series()
    if bare.all():
        parts = [(frame, narrow)]
    elif not bare.any():
        parts = [(frame, wide)]
    else:
        parts = [(frame.filter(bare), narrow), (frame.filter(~bare), wide)]
    done = 0
    collecting = gc.isenabled()
    # Each batch makes a hundred thousand short-lived tuples, none in a cycle: the cyclic
    # garbage collector would only rescan them (about a third of this loop's time).
    gc.disable()
    try:
        for part, columns in parts:
            for start in range(0, part.height, BATCH_ROWS):
                batch = part.slice(start, BATCH_ROWS).select(columns)
                _insert_batch(conn, vintage_id, batch)
                done += batch.height
                if progress is not None:
                    progress("write", done, total)
    finally:
        if collecting:
            gc.enable()


def _insert_batch(conn: Connection, vintage_id: int, batch: pl.DataFrame) -> None:
    names = ", ".join(observations.c[c].name for c in batch.columns)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        marks = ", ".join("?" for _ in batch.columns)
        # The vintage id is an integer we just made: written into the statement, it saves one
        # bound parameter per row.
        values = f"VALUES ({int(vintage_id)}, {marks})"
        sql = f"INSERT INTO {observations.name} (vintage_id, {names}) {values}"
        rows = list(zip(*(batch[c].to_list() for c in batch.columns), strict=True))
        conn.exec_driver_sql(sql, rows)
    elif dialect == "postgresql":
        raw = conn.connection.driver_connection
        assert raw is not None
        # COPY in CSV: polars writes the batch (floats in their shortest exact form) and the
        # server parses it. polars writes None as an empty field and "" as a quoted one, which
        # is how COPY tells NULL from an empty string.
        text = batch.with_columns(pl.lit(vintage_id).alias("vintage_id")).select(
            "vintage_id", *batch.columns
        )
        copy_sql = f"COPY {observations.name} (vintage_id, {names}) FROM STDIN (FORMAT csv)"
        with raw.cursor() as cursor, cursor.copy(copy_sql) as copy:
            copy.write(text.write_csv(include_header=False).encode())
    else:
        keys = ("vintage_id", *batch.columns)
        conn.execute(
            insert(observations),
            [dict(zip(keys, (vintage_id, *row), strict=True)) for row in batch.iter_rows()],
        )
