"""Transactions for the service's writes, the reads of a request, and the clock they are dated by.

A page reads through one connection (:func:`reading` with the request's connection): the
caller's session, its memberships and the page's rows in one checkout, not one per function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

#: Where a read runs: an engine (a connection of its own) or the request's connection.
Bind = Engine | Connection


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


@contextmanager
def reading(bind: Bind) -> Iterator[Connection]:
    """A connection to read through: ``bind`` itself when it is one (the request's), else a
    new one from the engine, closed when the block ends."""
    if isinstance(bind, Connection):
        yield bind
        return
    with bind.connect() as conn:
        yield conn


def engine_of(bind: Bind) -> Engine:
    """The engine of ``bind`` (a write runs in a transaction of its own)."""
    return bind.engine if isinstance(bind, Connection) else bind
