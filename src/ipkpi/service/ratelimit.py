"""Rate limits kept in the store, so that they hold across processes and hosts.

A limit is a fixed window: at most ``limit`` hits per ``window`` seconds for one key
(``signin-ip:203.0.113.9``). Each hit is one atomic upsert (``INSERT ... ON CONFLICT DO
UPDATE ... RETURNING``, on SQLite and PostgreSQL alike), so two workers counting at once
never lose a hit. The answer says how long to wait (``Retry-After``). ASVS 6.1.1 / 6.3.1.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import Engine, case, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..store.service_schema import rate_limits
from .db import transaction, utcnow


@dataclass(frozen=True)
class Limit:
    """``limit`` hits per ``window`` seconds in bucket ``name``."""

    name: str
    limit: int
    window: int


#: Failed sign-ins per account name (10 per 15 minutes) and per address (30 per 15 minutes):
#: a guesser is slowed down, and an attacker cannot lock a person out for long.
SIGNIN_FAILURES_ACCOUNT = Limit("signin-account", 10, 15 * 60)
SIGNIN_FAILURES_IP = Limit("signin-ip", 30, 15 * 60)
#: New API tokens per person.
TOKEN_CREATION = Limit("token-create", 10, 60 * 60)
#: Uploads per person, and refused upload attempts (no session, bad form) per address.
UPLOADS = Limit("upload", 30, 60 * 60)
UPLOAD_FAILURES_IP = Limit("upload-fail-ip", 20, 10 * 60)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    count: int
    retry_after: int  # seconds; 0 when allowed


class RateLimitedError(Exception):
    def __init__(self, limit: Limit, retry_after: int) -> None:
        super().__init__(f"{limit.name}: too many requests; retry after {retry_after} s")
        self.limit = limit
        self.retry_after = retry_after


def hit(engine: Engine, limit: Limit, subject: str, *, now: dt.datetime | None = None) -> Decision:
    """Count one hit for ``subject``; allowed while the window's count is within the limit."""
    moment = now or utcnow()
    key = f"{limit.name}:{subject}"[:300]
    start = moment - dt.timedelta(seconds=limit.window)
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    table = rate_limits
    expired = table.c.window_start <= start
    upsert = insert(table).values(key=key, window_start=moment, count=1)
    stmt = upsert.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "count": case((expired, 1), else_=table.c.count + 1),
            "window_start": case((expired, moment), else_=table.c.window_start),
        },
    ).returning(table.c.count, table.c.window_start)
    with transaction(engine) as conn:
        count, window_start = conn.execute(stmt).one()
    if count <= limit.limit:
        return Decision(True, int(count), 0)
    ends = window_start + dt.timedelta(seconds=limit.window)
    wait = max(1, math.ceil((ends - moment).total_seconds()))
    return Decision(False, int(count), wait)


def check(engine: Engine, limit: Limit, subject: str, *, now: dt.datetime | None = None) -> None:
    """:func:`hit`, raising :class:`RateLimitedError` when over the limit."""
    decision = hit(engine, limit, subject, now=now)
    if not decision.allowed:
        raise RateLimitedError(limit, decision.retry_after)


def blocked(engine: Engine, limit: Limit, subject: str, *, now: dt.datetime | None = None) -> int:
    """Seconds to wait when ``subject`` has used up ``limit`` (0: not blocked); counts
    nothing."""
    moment = now or utcnow()
    key = f"{limit.name}:{subject}"[:300]
    with engine.connect() as conn:
        row = conn.execute(rate_limits.select().where(rate_limits.c.key == key)).first()
    if row is None or int(row._mapping["count"]) < limit.limit:
        return 0
    ends: dt.datetime = row.window_start + dt.timedelta(seconds=limit.window)
    if ends <= moment:
        return 0
    return max(1, math.ceil((ends - moment).total_seconds()))


def clear(engine: Engine, limit: Limit, subject: str) -> None:
    """Forget ``subject``'s count (a successful sign-in clears the account's failures)."""
    with transaction(engine) as conn:
        conn.execute(delete(rate_limits).where(rate_limits.c.key == f"{limit.name}:{subject}"))
