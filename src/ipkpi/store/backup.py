"""``ipkpi store backup`` and ``restore``: the whole store in one file, SQLite or PostgreSQL.

The file is gzip-compressed JSON lines: a header (format, ipkpi's migrations, the tables and
their columns), then per table a ``{"table": name}`` line and one JSON array per row, in
primary-key order. Values that JSON has no type for are tagged: bytes ``{"$b": base64}``,
datetimes ``{"$t": iso}``, dates ``{"$d": iso}``, decimals ``{"$n": text}``. The tables are
read from the database itself (not from this version's model), so a backup holds every table
the migrations made, and it restores into either database: a trial on SQLite can move to
PostgreSQL this way.

Restoring needs an empty store at the same or a later migration (``Store.open`` migrates a
new one); rows go in in foreign-key order in one transaction, so a failed restore leaves the
store empty, and PostgreSQL's id sequences are moved past the restored ids.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, MetaData, Table, func, select, text
from sqlalchemy.engine import Connection, Engine

from ..files import atomic_path
from .database import write_transaction
from .migrations import MIGRATIONS, applied

FORMAT = "ipkpi-store-backup/1"
#: The bookkeeping table is the restoring store's own, not copied.
SKIPPED = frozenset({"schema_migrations"})
BATCH = 5000

Progress = Callable[[str, int], None]


class BackupError(RuntimeError):
    """A backup file that cannot be read or restored here; the message says why and what to do."""


@dataclass(frozen=True)
class TableCount:
    table: str
    rows: int


def backup(engine: Engine, target: Path, progress: Progress | None = None) -> list[TableCount]:
    """Write every table of the store at ``engine`` into ``target`` (atomically)."""
    tables = _tables(engine)
    counts: list[TableCount] = []
    with (
        atomic_path(target) as temp,
        gzip.open(temp, "wt", encoding="utf-8") as out,
        engine.connect() as conn,
        conn.begin(),
    ):
        if engine.dialect.name == "postgresql":  # one consistent snapshot of all tables
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        header = {
            "format": FORMAT,
            "dialect": engine.dialect.name,
            "migrations": sorted(applied(conn)),
            "tables": {t.name: [c.name for c in t.columns] for t in tables},
            "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for table in tables:
            out.write(json.dumps({"table": table.name}) + "\n")
            order = list(table.primary_key.columns) or list(table.columns)
            query = select(table).order_by(*order).execution_options(yield_per=BATCH)
            rows = 0
            for row in conn.execute(query):
                out.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
                rows += 1
                if progress and rows % BATCH == 0:
                    progress(table.name, rows)
            if progress:
                progress(table.name, rows)
            counts.append(TableCount(table.name, rows))
    return counts


def restore(engine: Engine, source: Path, progress: Progress | None = None) -> list[TableCount]:
    """Load ``source`` (made by :func:`backup`) into the empty store at ``engine``."""
    lines = _lines(source)
    header = _header(next(lines, None), source)
    tables = {t.name: t for t in _tables(engine)}
    with write_transaction(engine) as conn:
        _check_target(conn, header, tables, source)
        counts = _load(conn, lines, header, tables, source, progress)
        if engine.dialect.name == "postgresql":
            _move_sequences(conn, [tables[c.table] for c in counts])
    return counts


def _load(
    conn: Connection,
    lines: Iterator[str],
    header: dict[str, Any],
    tables: dict[str, Table],
    source: Path,
    progress: Progress | None,
) -> list[TableCount]:
    counts: list[TableCount] = []
    table: Table | None = None
    columns: list[str] = []
    batch: list[dict[str, Any]] = []
    number = 1

    def flush() -> None:
        if table is not None and batch:
            conn.execute(table.insert(), batch)
            counts[-1] = TableCount(table.name, counts[-1].rows + len(batch))
            if progress:
                progress(table.name, counts[-1].rows)
            batch.clear()

    for number, line in enumerate(lines, start=2):
        item = json.loads(line)
        if isinstance(item, dict):
            flush()
            table = tables[item["table"]]
            columns = header["tables"][table.name]
            counts.append(TableCount(table.name, 0))
            continue
        if table is None or len(item) != len(columns):
            raise BackupError(
                f"{source}, line {number}: a row outside a table or of the wrong "
                "width: the file is damaged; restore from another backup"
            )
        batch.append({c: _decode(v, table.c[c]) for c, v in zip(columns, item, strict=True)})
        if len(batch) >= BATCH:
            flush()
    flush()
    if [c.table for c in counts] != list(header["tables"]):
        raise BackupError(
            f"{source} ends after line {number}, before all its tables: the file "
            "was cut short; restore from a complete backup"
        )
    return counts


def _tables(engine: Engine) -> list[Table]:
    """The store's tables as the database has them, parents before children."""
    reflected = MetaData()
    reflected.reflect(engine)
    return [t for t in reflected.sorted_tables if t.name not in SKIPPED]


def _lines(source: Path) -> Iterator[str]:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as f:
            yield from f
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise BackupError(
            f"{source} is not a readable ipkpi backup ({exc}): give the file "
            "that 'ipkpi store backup' wrote"
        ) from None


def _header(line: str | None, source: Path) -> dict[str, Any]:
    try:
        header = json.loads(line) if line else None
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(
            f"{source} is not an ipkpi backup ({FORMAT}): give the file that "
            "'ipkpi store backup' wrote"
        )
    return header


def _check_target(
    conn: Connection, header: dict[str, Any], tables: dict[str, Table], source: Path
) -> None:
    known = {m.name for m in MIGRATIONS}
    newer = sorted(set(header["migrations"]) - known)
    if newer:
        raise BackupError(
            f"{source} was made by a newer ipkpi (migrations {', '.join(newer)}): "
            "upgrade ipkpi, then restore"
        )
    missing = sorted(set(header["tables"]) - set(tables))
    if missing:
        raise BackupError(
            f"the store has no table {', '.join(missing)} that {source} holds: "
            "restore into a store made by this ipkpi"
        )
    for name, columns in header["tables"].items():
        unknown = sorted(set(columns) - set(tables[name].c.keys()))
        if unknown:
            raise BackupError(
                f"table {name} of the store has no column {', '.join(unknown)} "
                f"that {source} holds: restore with the ipkpi that made it"
            )
    filled = [
        n for n in header["tables"] if conn.scalar(select(func.count()).select_from(tables[n]))
    ]
    if filled:
        raise BackupError(
            f"the store already holds data (tables {', '.join(filled)}): restore "
            "into a new, empty store (a new SQLite file or an empty PostgreSQL "
            "database)"
        )


def _move_sequences(conn: Connection, tables: list[Table]) -> None:
    for table in tables:
        for column in table.primary_key.columns:
            sequence = conn.scalar(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            )
            if sequence:
                top = conn.scalar(select(func.max(column)))
                conn.execute(
                    text("SELECT setval(:s, :v, :called)"),
                    {"s": sequence, "v": top or 1, "called": top is not None},
                )


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"$n": str(value)}
    return value


def _decode(value: Any, column: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, given),) = value.items()
        if tag == "$b":
            return base64.b64decode(given)
        if tag == "$t":
            return dt.datetime.fromisoformat(given)
        if tag == "$d":
            return dt.date.fromisoformat(given)
        if tag == "$n":
            return decimal.Decimal(given)
    if isinstance(column.type, Boolean) and isinstance(value, int):
        return bool(value)
    return value
