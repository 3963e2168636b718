"""A pooled PostgreSQL connection is pinged only after it was idle (store/database.py).

A ping on every checkout was one round trip per page view; the pool now pings a connection
that has been idle past ``PING_AFTER_IDLE``. A backend the server ended meanwhile (a restart,
``pg_terminate_backend``) is then replaced before anyone reads through it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from ipkpi.store import Store, database

from ..store.conftest import _postgres_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg() -> Iterator[Store]:
    yield from _postgres_store()


def _backend(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(engine: Engine, pid: int) -> None:
    other = create_engine(engine.url, poolclass=NullPool)
    try:
        with other.connect() as conn:
            ended = conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            assert ended.scalar_one() is True
    finally:
        other.dispose()


def test_a_connection_ended_while_idle_is_replaced_before_it_is_used(
    pg: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    first = _backend(pg.engine)
    _terminate(pg.engine, first)
    again = _backend(pg.engine)  # no error: the ping found it dead, the pool opened another
    assert again != first


def test_a_connection_in_use_moments_ago_is_not_pinged(
    pg: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 3600.0)
    pings: list[object] = []
    monkeypatch.setattr(pg.engine.dialect, "do_ping", lambda dbapi: pings.append(dbapi))
    first = _backend(pg.engine)
    assert _backend(pg.engine) == first  # the same pooled backend, handed out unpinged
    assert pings == []
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    _backend(pg.engine)
    assert len(pings) == 1
