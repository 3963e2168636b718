"""Transactions for the service's writes, and the clock they are dated by."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine


def utcnow() -> dt.datetime:
    """Now, as the store keeps times (naive UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction for small service changes, committed when the block ends.

    SQLite takes its write lock at the start (``BEGIN IMMEDIATE``: a deferred transaction that
    reads and then writes can fail on the lock upgrade). PostgreSQL does not take ipkpi's
    import lock: a sign-in does not wait for an import; row locks and conditional updates
    (``... WHERE version = :seen``) keep concurrent changes apart.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect().execution_options(ipkpi_write=sqlite) as conn, conn.begin():
        yield conn
