"""API tokens for ministry scripts: named, expiring, revocable, scoped, stored as hashes.

A token is ``ipkpi_`` and 256 random bits; the store keeps its SHA-256 and its first
characters (to tell tokens apart in a list). Its scopes can only narrow what its owner may do
(:func:`ipkpi.service.authz.check`), and a token can never create another token. A revoked or
expired token, or one whose owner is disabled, is refused (401). Token creation is rate
limited (:data:`~.ratelimit.TOKEN_CREATION`).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, insert, select, update

from ..store.service_schema import api_tokens, users
from . import accounts, audit, ratelimit
from .authz import Actor, authorize
from .db import Bind, engine_of, reading, transaction, utcnow
from .roles import SCOPES, Scope
from .sessions import digest

PREFIX = "ipkpi_"
MAX_DAYS = 366
DEFAULT_DAYS = 90


class TokenError(ValueError):
    """A token that cannot be made as asked (the message says why)."""


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


def create(
    engine: Engine,
    actor: Actor,
    name: str,
    scopes: tuple[str, ...],
    *,
    days: int = DEFAULT_DAYS,
    ip: str | None = None,
) -> tuple[str, TokenInfo]:
    """A new token for ``actor`` (signed in, not with a token): (the secret, its record).

    The secret is shown once; only its hash is kept.
    """
    authorize(actor, "token.create")
    name = name.strip()
    if not name or len(name) > 100:
        raise TokenError("give the token a name of 1 to 100 characters (what script uses it)")
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise TokenError(f"scopes must be some of {', '.join(SCOPES)}; got {scopes}")
    if not 1 <= days <= MAX_DAYS:
        raise TokenError(f"a token lasts 1 to {MAX_DAYS} days; got {days}")
    assert actor.user_id is not None
    ratelimit.check(engine, ratelimit.TOKEN_CREATION, str(actor.user_id))
    secret = PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    with transaction(engine) as conn:
        token_id = conn.execute(
            insert(api_tokens)
            .values(
                user_id=actor.user_id,
                name=name,
                token_hash=digest(secret),
                prefix=secret[: len(PREFIX) + 4],
                scopes=" ".join(sorted(set(scopes))),
                created_at=now,
                expires_at=now + dt.timedelta(days=days),
            )
            .returning(api_tokens.c.id)
        ).scalar_one()
        audit.record(
            conn, actor, "token.create", object_type="token", object_id=token_id, ip=ip,
            detail={"name": name, "scopes": sorted(set(scopes)), "days": days},
        )  # fmt: skip
    found = [t for t in list_for(engine, actor.user_id) if t.id == token_id]
    return secret, found[0]


def list_for(engine: Engine, user_id: int) -> list[TokenInfo]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(api_tokens).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
        )
        return [_info(row._asdict()) for row in rows]


def revoke(engine: Engine, actor: Actor, token_id: int, *, ip: str | None = None) -> bool:
    """Revoke one of ``actor``'s own tokens (an admin may revoke anyone's)."""
    with transaction(engine) as conn:
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == token_id)).first()
        mine = row is not None and row.user_id == actor.user_id
        if row is None or not (mine or _is_admin(actor)):
            return False
        if row.revoked_at is None:
            conn.execute(
                update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=utcnow())
            )
        audit.record(
            conn, actor, "token.revoke", object_type="token", object_id=token_id, ip=ip,
            detail={"name": row.name, "owner_id": row.user_id},
        )  # fmt: skip
    return True


#: A token, its owner and the owner's memberships, by the SHA-256 of the secret.
_AUTHENTICATE = accounts.with_roles(
    api_tokens.join(users, users.c.id == api_tokens.c.user_id),
    api_tokens.c.id, api_tokens.c.scopes, api_tokens.c.revoked_at, api_tokens.c.expires_at,
    api_tokens.c.last_used_at,
    where=api_tokens.c.token_hash == bindparam("key"),
)  # fmt: skip


def authenticate(bind: Bind, secret: str, *, now: dt.datetime | None = None) -> Actor | None:
    """The actor of a bearer token (None: unknown, revoked, expired or owner disabled).

    One query reads the token, its owner and the owner's memberships (through ``bind``, the
    request's connection); ``last_used_at`` is written at most once a minute.
    """
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    moment = now or utcnow()
    with reading(bind) as conn:
        found = conn.execute(_AUTHENTICATE, {"key": digest(secret)}).all()
    user = accounts.user_of_rows(found)
    if user is None or user.disabled:
        return None
    row = found[0]
    if row.revoked_at is not None or row.expires_at <= moment:
        return None
    if row.last_used_at is None or (moment - row.last_used_at).total_seconds() > 60:
        with transaction(engine_of(bind)) as conn:
            conn.execute(
                update(api_tokens).where(api_tokens.c.id == row.id).values(last_used_at=moment)
            )
    scopes: frozenset[Scope] = frozenset(row.scopes.split())
    return accounts.actor_of(user, "token", scopes=scopes, token_id=int(row.id))


def _is_admin(actor: Actor) -> bool:
    return actor.global_role == "admin" and actor.via != "token"


def _info(row: dict[str, object]) -> TokenInfo:
    return TokenInfo(
        id=int(row["id"]),  # type: ignore[call-overload]
        name=str(row["name"]),
        prefix=str(row["prefix"]),
        scopes=tuple(str(row["scopes"]).split()),
        created_at=row["created_at"],  # type: ignore[arg-type]
        expires_at=row["expires_at"],  # type: ignore[arg-type]
        last_used_at=row["last_used_at"],  # type: ignore[arg-type]
        revoked_at=row["revoked_at"],  # type: ignore[arg-type]
    )
