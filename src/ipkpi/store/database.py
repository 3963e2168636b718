"""Where the store lives and how to connect to it.

The database is named by a SQLAlchemy URL, or by a path for a SQLite file:
``--db`` first, then ``$IPKPI_DATABASE_URL``, then ``ipkpi.db`` in the user's data folder
(``$XDG_DATA_HOME/ipkpi``, by default ``~/.local/share/ipkpi``; ``%LOCALAPPDATA%\\ipkpi`` on
Windows). SQLite needs no set-up; PostgreSQL (``postgresql+psycopg://…``) is for a server.

Write transactions are serialised: SQLite's ``BEGIN IMMEDIATE`` takes the write lock at the
start, PostgreSQL takes a transaction-level advisory lock. So an import reads the latest
values and writes its changes without another import in between. On SQLite an import that
finds the lock taken waits (:data:`BUSY_WAITS`: 30 s, then 90 s, then 180 s more) and then
stops with "the store is busy with another import; try again" (:class:`StoreBusyError`),
never with SQLite's own ``database is locked``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DisconnectionError, OperationalError

from ..problems import observations as says
from ..settings import current
from ..text import Text
from .problems import DataFileError

DATABASE_URL_ENV = "IPKPI_DATABASE_URL"
DEFAULT_FILE_NAME = "ipkpi.db"
#: Arbitrary constant naming ipkpi's advisory lock on PostgreSQL.
_PG_WRITE_LOCK = 0x1B4B_9100
#: A pooled PostgreSQL connection idle longer than this (seconds) is pinged before it is
#: handed out; one in use moments ago is not (a ping on every checkout was a round trip
#: per page view, docs/deploy.md "Speed, measured").
PING_AFTER_IDLE = 5.0


class DatabaseError(RuntimeError):
    """The database cannot be opened or is not an ipkpi store."""


def default_database_path() -> Path:
    return current().data_home / "ipkpi" / DEFAULT_FILE_NAME


def database_url(explicit: str | Path | None = None) -> URL:
    """The URL of the store: ``explicit`` (a URL or a path), else the environment, else default."""
    chosen = explicit if explicit not in (None, "") else current().database_url
    if chosen in (None, ""):
        chosen = default_database_path()
    text = str(chosen)
    if "://" in text:
        return make_url(text)
    if text == ":memory:":  # SQLite's name for a database that lives in memory only
        return URL.create("sqlite+pysqlite", database=":memory:")
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def create_store_engine(url: URL) -> Engine:
    """An engine with ipkpi's connection settings (pragmas, transactions, locks)."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    engine = create_engine(url)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _pg_begin)
        _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection at checkout only when it has been idle past
    :data:`PING_AFTER_IDLE`; a dead one (a restarted server, a dropped link) is replaced by a
    new connection before anyone reads through it (SQLAlchemy's pool retries on
    ``DisconnectionError``), as ``pool_pre_ping`` would, without its round trip per request."""

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["ipkpi_idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("ipkpi_idle_since", None)
        if since is None or time.monotonic() - since < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(str(exc)) from exc

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event start transactions (pysqlite's own handling does not
    # wrap DDL or reads); see the SQLAlchemy SQLite dialect notes on transactions.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        # WAL: readers (the dashboard) are not blocked by an import; a killed import leaves
        # only uncommitted frames, which the next open ignores. FULL syncs every commit.
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            raise DatabaseError(f"SQLite refused WAL mode (got {mode[0]!r})")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    writing = conn.get_execution_options().get("ipkpi_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _pg_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("ipkpi_write", False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


@contextmanager
def write_transaction(engine: Engine, *, bulk: bool = False) -> Iterator[Connection]:
    """A connection in a serialised write transaction, committed when the block ends.

    ``bulk`` tunes SQLite for a large insert: foreign-key checks off (the writer inserts the
    vintage and series rows itself, in the same transaction) and a larger page cache. Durability
    is unchanged: the commit is synced as always (``synchronous = FULL``).
    """
    sqlite = engine.dialect.name == "sqlite"
    waits = BUSY_WAITS if sqlite else (0.0,)
    for attempt, wait in enumerate(waits, start=1):
        conn = engine.connect().execution_options(ipkpi_write=True)
        raw = conn.connection.dbapi_connection
        tune = bulk and sqlite and raw is not None
        try:
            if sqlite and raw is not None:
                _pragmas(raw, busy_timeout=str(int(wait * 1000)))
            if tune:
                # Outside any transaction: SQLite ignores PRAGMA foreign_keys inside one.
                _pragmas(raw, foreign_keys="OFF", cache_size="-262144")
            transaction = conn.begin()
        except OperationalError as exc:
            _restore(raw, tune, sqlite)
            conn.close()
            if not _is_busy(exc):
                raise
            if attempt == len(waits):
                raise StoreBusyError(sum(waits)) from None
            continue
        try:
            yield conn
            transaction.commit()
        except BaseException:
            if transaction.is_active:
                transaction.rollback()
            raise
        finally:
            _restore(raw, tune, sqlite)
            conn.close()
        return


#: How long each attempt at SQLite's write lock waits (seconds): one import waits for the
#: others to finish, 30 s, then 90 s more, then 180 s more, before it says the store is busy.
BUSY_WAITS: tuple[float, ...] = (30.0, 90.0, 180.0)


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def _restore(raw: Any, tune: bool, sqlite: bool) -> None:
    if raw is None or not sqlite:
        return
    try:
        _pragmas(raw, busy_timeout="30000")
        if tune:
            _pragmas(raw, foreign_keys="ON", cache_size="-2000")
    except sqlite3.Error:  # the connection is being discarded anyway
        pass


class StoreBusyError(DataFileError):
    """Another import held SQLite's write lock through every wait: nothing was written."""

    def __init__(self, waited: float) -> None:
        if waited >= 60:
            n = f"{waited / 60:.1f}".removesuffix(".0")
            wait = Text(ja=f"{n} 分", en=f"{n} minutes")
        else:
            n = f"{waited:.1f}".removesuffix(".0")
            wait = Text(ja=f"{n} 秒", en=f"{n} seconds")
        super().__init__(says.STORE_BUSY(wait=wait))


def _pragmas(raw: Any, **settings: str) -> None:
    cursor = raw.cursor()
    try:
        for name, value in settings.items():
            cursor.execute(f"PRAGMA {name} = {value}")
    finally:
        cursor.close()
