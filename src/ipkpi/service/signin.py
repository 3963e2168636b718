"""Signing in and out: rate limits, the password check, the rehash, a new session, the audit.

Failures are counted per account name and per address in the store
(:data:`~.ratelimit.SIGNIN_FAILURES_ACCOUNT`, :data:`~.ratelimit.SIGNIN_FAILURES_IP`); past
either limit the answer is "too many attempts, wait N seconds" (HTTP 429) before any password
is checked. The message for a wrong password and for an unknown or disabled account is the
same, and so is the time it takes (a dummy hash is verified).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, update

from ..store.service_schema import users
from . import accounts, audit, ratelimit, sessions
from .authz import ANONYMOUS, Actor
from .db import transaction
from .passwords import verify_password


class SignInError(Exception):
    """Wrong e-mail or password (deliberately not saying which)."""


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    cookie: str
    csrf_token: str


def sign_in(
    engine: Engine, email: str, password: str, *, ip: str, replaces: str | None = None
) -> SignedIn:
    """Check the password and start a session; raises :class:`SignInError` or
    :class:`~.ratelimit.RateLimitedError`."""
    name = accounts.normal_email(email)[:254]
    for limit, subject in (
        (ratelimit.SIGNIN_FAILURES_ACCOUNT, name),
        (ratelimit.SIGNIN_FAILURES_IP, ip),
    ):
        wait = ratelimit.blocked(engine, limit, subject)
        if wait:
            raise ratelimit.RateLimitedError(limit, wait)
    with engine.connect() as conn:
        found = accounts.password_hash_of(conn, name)
    valid, new_hash = verify_password(password, found[1] if found else None)
    if found is None or not valid or found[2]:
        ratelimit.hit(engine, ratelimit.SIGNIN_FAILURES_ACCOUNT, name)
        ratelimit.hit(engine, ratelimit.SIGNIN_FAILURES_IP, ip)
        with transaction(engine) as conn:
            reason = "unknown account" if found is None else "disabled" if found[2] else "password"
            who = Actor(user_id=None, email=name, via="anonymous")
            audit.record(conn, who, "signin.failed", ip=ip, detail={"reason": reason})
        raise SignInError()
    user_id = found[0]
    with transaction(engine) as conn:
        if new_hash is not None:  # the hasher's parameters changed since: store the new hash
            conn.execute(update(users).where(users.c.id == user_id).values(password_hash=new_hash))
    ratelimit.clear(engine, ratelimit.SIGNIN_FAILURES_ACCOUNT, name)
    cookie, csrf = sessions.start(engine, user_id, replaces=replaces)
    with engine.connect() as conn:
        user = accounts.user_by_id(conn, user_id)
    assert user is not None
    actor = accounts.actor_of(user, "session")
    with transaction(engine) as conn:
        audit.record(
            conn, actor, "signin", object_type="user", object_id=user_id, ip=ip,
            detail={"rehashed": new_hash is not None},
        )  # fmt: skip
    return SignedIn(actor, cookie, csrf)


def sign_out(engine: Engine, actor: Actor, cookie: str, *, ip: str) -> None:
    if sessions.end(engine, cookie):
        with transaction(engine) as conn:
            audit.record(conn, actor, "signout", object_type="user", object_id=actor.user_id, ip=ip)


__all__ = ["ANONYMOUS", "SignInError", "SignedIn", "sign_in", "sign_out"]
