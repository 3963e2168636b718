"""Browser sessions kept in the store (ASVS 7.2.x, 7.4.x).

A session id is 256 random bits (``secrets.token_urlsafe(32)``); the store keeps only its
SHA-256, so a copy of the table opens no session. A new id is made at every sign-in (the id a
browser had before is never promoted: no session fixation), deleted at sign-out, deleted for
every session of a user who is disabled or changes password, and refused after
:data:`SESSION_HOURS` (absolute) or :data:`IDLE_HOURS` without use.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, delete, insert, select, update

from ..store.service_schema import sessions, users
from . import accounts
from .authz import Actor
from .db import Bind, engine_of, reading, transaction, utcnow

SESSION_HOURS = 12
IDLE_HOURS = 2
#: last_seen_at is written at most this often (a page view is not a write each time).
_TOUCH_SECONDS = 60
#: A session, its user and the user's memberships, by the SHA-256 of the cookie.
_LOOKUP = accounts.with_roles(
    sessions.join(users, users.c.id == sessions.c.user_id),
    sessions.c.csrf_token, sessions.c.expires_at, sessions.c.last_seen_at,
    where=sessions.c.id_hash == bindparam("key"),
)  # fmt: skip


@dataclass(frozen=True)
class Session:
    """A session as a request sees it: who, and the token its forms must carry."""

    actor: Actor
    csrf_token: str
    id_hash: str


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def start(engine: Engine, user_id: int, *, replaces: str | None = None) -> tuple[str, str]:
    """A new session for ``user_id``: (the cookie value, the CSRF token).

    ``replaces`` is the session cookie the browser sent, if any: it is deleted (rotation).
    """
    value = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    with transaction(engine) as conn:
        if replaces:
            conn.execute(delete(sessions).where(sessions.c.id_hash == digest(replaces)))
        conn.execute(
            insert(sessions).values(
                id_hash=digest(value),
                user_id=user_id,
                csrf_token=csrf,
                created_at=now,
                expires_at=now + dt.timedelta(hours=SESSION_HOURS),
                last_seen_at=now,
            )
        )
    return value, csrf


def lookup(bind: Bind, value: str, *, now: dt.datetime | None = None) -> Session | None:
    """The live session of cookie ``value`` (None: unknown, expired, idle or disabled user).

    One query reads the session, its user and the user's memberships, through ``bind`` (the
    request's connection). Nothing is written on the way, except the rare cases in a
    transaction of their own: a dead session is deleted, and ``last_seen_at`` is moved on
    at most every :data:`_TOUCH_SECONDS` (not a write, and a row lock, per page view).
    """
    if not value or len(value) > 100:
        return None
    moment = now or utcnow()
    key = digest(value)
    with reading(bind) as conn:
        found = conn.execute(_LOOKUP, {"key": key}).all()
    user = accounts.user_of_rows(found)
    if user is None:
        return None
    row = found[0]
    idle = moment - row.last_seen_at > dt.timedelta(hours=IDLE_HOURS)
    if user.disabled or row.expires_at <= moment or idle:
        end(engine_of(bind), value)
        return None
    if (moment - row.last_seen_at).total_seconds() > _TOUCH_SECONDS:
        with transaction(engine_of(bind)) as conn:
            conn.execute(
                update(sessions).where(sessions.c.id_hash == key).values(last_seen_at=moment)
            )
    return Session(accounts.actor_of(user, "session"), row.csrf_token, key)


def end(engine: Engine, value: str) -> bool:
    """Delete the session of cookie ``value``; whether there was one."""
    with transaction(engine) as conn:
        gone = conn.execute(delete(sessions).where(sessions.c.id_hash == digest(value)))
    return bool(gone.rowcount)


def count_for(engine: Engine, user_id: int) -> int:
    with engine.connect() as conn:
        rows = conn.execute(select(sessions.c.id_hash).where(sessions.c.user_id == user_id))
        return len(rows.all())
