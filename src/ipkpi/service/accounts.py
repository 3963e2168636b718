"""People: create, find, grant roles, disable; each change audited in its own transaction.

There are no default accounts (ASVS 6.3.2): the first admin is made with
``ipkpi admin create-user --admin``. E-mail addresses are the sign-in names, compared
lower-cased. Disabling an account deletes its sessions and revokes its tokens at once
(ASVS 7.4.2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, FromClause, Row, Select, delete, insert, select, update

from ..ministries import UnknownMinistryError, ministries
from ..store.service_schema import api_tokens, memberships, sessions, users
from . import audit
from .authz import Actor
from .db import transaction, utcnow
from .passwords import check_new_password, hash_password
from .roles import GLOBAL_ROLES, MINISTRY_ROLES, GlobalRole, MinistryRole

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,}$")


class AccountError(ValueError):
    """A change to an account that cannot be made (the message says why)."""


@dataclass(frozen=True)
class User:
    id: int
    email: str
    display_name: str
    global_role: GlobalRole | None
    disabled: bool
    memberships: dict[str, MinistryRole]
    version: int


def normal_email(email: str) -> str:
    return email.strip().lower()


def check_ministry(code: str) -> str:
    """The code as the 府省庁 code list spells it (``meti`` → ``METI``)."""
    try:
        return ministries().get(code.strip().upper()).code
    except UnknownMinistryError as exc:
        raise AccountError(str(exc)) from None


def create_user(
    engine: Engine,
    by: Actor,
    email: str,
    password: str,
    *,
    display_name: str = "",
    global_role: GlobalRole | None = None,
) -> User:
    email = normal_email(email)
    if not _EMAIL.match(email):
        raise AccountError(f"{email!r} is not an e-mail address")
    if global_role is not None and global_role not in GLOBAL_ROLES:
        raise AccountError(f"unknown global role {global_role!r}; one of {GLOBAL_ROLES}")
    check_new_password(password, email=email)
    hashed = hash_password(password)
    now = utcnow()
    with transaction(engine) as conn:
        if conn.execute(select(users.c.id).where(users.c.email == email)).first():
            raise AccountError(f"there is already a user {email}")
        user_id = conn.execute(
            insert(users)
            .values(
                email=email,
                display_name=display_name.strip() or email,
                password_hash=hashed,
                global_role=global_role,
                disabled=False,
                created_at=now,
                updated_at=now,
                version=1,
            )
            .returning(users.c.id)
        ).scalar_one()
        audit.record(
            conn, by, "user.create", object_type="user", object_id=user_id,
            detail={"email": email, "global_role": global_role},
        )  # fmt: skip
    found = user_by_email(engine, email)
    assert found is not None
    return found


def grant(engine: Engine, by: Actor, email: str, ministry: str, role: MinistryRole) -> str:
    """Give ``email`` the ``role`` in ``ministry`` (replacing another role there); the
    ministry's code as the code list spells it."""
    if role not in MINISTRY_ROLES:
        raise AccountError(f"unknown ministry role {role!r}; one of {MINISTRY_ROLES}")
    ministry = check_ministry(ministry)
    with transaction(engine) as conn:
        user_id = _user_id(conn, email)
        conn.execute(
            delete(memberships).where(
                memberships.c.user_id == user_id, memberships.c.ministry == ministry
            )
        )
        conn.execute(insert(memberships).values(user_id=user_id, ministry=ministry, role=role))
        _touch(conn, user_id)
        audit.record(
            conn, by, "membership.grant", object_type="user", object_id=user_id,
            ministry=ministry, detail={"email": normal_email(email), "role": role},
        )  # fmt: skip
    return ministry


def revoke_membership(engine: Engine, by: Actor, email: str, ministry: str) -> None:
    ministry = check_ministry(ministry)
    with transaction(engine) as conn:
        user_id = _user_id(conn, email)
        conn.execute(
            delete(memberships).where(
                memberships.c.user_id == user_id, memberships.c.ministry == ministry
            )
        )
        _touch(conn, user_id)
        audit.record(
            conn, by, "membership.revoke", object_type="user", object_id=user_id,
            ministry=ministry, detail={"email": normal_email(email)},
        )  # fmt: skip


def set_disabled(engine: Engine, by: Actor, email: str, disabled: bool) -> int:
    """Disable (or enable) an account; disabling ends its sessions and revokes its tokens.

    Returns how many sessions were ended.
    """
    with transaction(engine) as conn:
        user_id = _user_id(conn, email)
        conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))
        ended = 0
        if disabled:
            ended = conn.execute(delete(sessions).where(sessions.c.user_id == user_id)).rowcount
            conn.execute(
                update(api_tokens)
                .where(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
        _touch(conn, user_id)
        audit.record(
            conn, by, "user.disable" if disabled else "user.enable", object_type="user",
            object_id=user_id, detail={"email": normal_email(email), "sessions_ended": ended},
        )  # fmt: skip
    return int(ended)


def set_password(engine: Engine, by: Actor, email: str, password: str) -> None:
    """A new password; every session of the account ends (sign in again)."""
    email = normal_email(email)
    check_new_password(password, email=email)
    hashed = hash_password(password)
    with transaction(engine) as conn:
        user_id = _user_id(conn, email)
        conn.execute(update(users).where(users.c.id == user_id).values(password_hash=hashed))
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))
        _touch(conn, user_id)
        audit.record(conn, by, "user.password", object_type="user", object_id=user_id)


def user_by_email(engine: Engine, email: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.email == normal_email(email))).first()
        return _user(conn, row._asdict()) if row else None


def user_by_id(conn: Connection, user_id: int) -> User | None:
    rows = conn.execute(with_roles(users, where=users.c.id == user_id)).all()
    return user_of_rows(rows)


#: The columns of a user (never its password hash), labelled apart from a joined table's.
USER_COLUMNS = (
    users.c.id.label("u_id"),
    users.c.email.label("u_email"),
    users.c.display_name.label("u_display_name"),
    users.c.global_role.label("u_global_role"),
    users.c.disabled.label("u_disabled"),
    users.c.version.label("u_version"),
    memberships.c.ministry.label("u_ministry"),
    memberships.c.role.label("u_role"),
)


def with_roles(base: FromClause, *columns: Any, where: Any) -> Select[Any]:
    """``columns`` of ``base`` (``users``, or a table joined to it) with the user's columns
    and one row per membership (one with no ministry when there is none): the user and its
    roles in one query, read back by :func:`user_of_rows`."""
    joined = base.outerjoin(memberships, memberships.c.user_id == users.c.id)
    return select(*columns, *USER_COLUMNS).select_from(joined).where(where)


def user_of_rows(rows: Sequence[Row[Any]]) -> User | None:
    """The user of :func:`with_roles`'s rows (None: no rows)."""
    if not rows:
        return None
    first = rows[0]
    return User(
        id=int(first.u_id),
        email=str(first.u_email),
        display_name=str(first.u_display_name),
        global_role=first.u_global_role,
        disabled=bool(first.u_disabled),
        memberships={str(r.u_ministry): r.u_role for r in rows if r.u_ministry is not None},
        version=int(first.u_version),
    )


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.email)).all()
        return [_user(conn, row._asdict()) for row in rows]


def password_hash_of(conn: Connection, email: str) -> tuple[int, str, bool] | None:
    """(id, hash, disabled) of the account ``email``, for the sign-in check only."""
    row = conn.execute(
        select(users.c.id, users.c.password_hash, users.c.disabled).where(
            users.c.email == normal_email(email)
        )
    ).first()
    return (int(row.id), str(row.password_hash), bool(row.disabled)) if row else None


def actor_of(user: User, via: str, **extra: object) -> Actor:
    return Actor(
        user_id=user.id,
        email=user.email,
        display_name=user.display_name,
        global_role=user.global_role,
        memberships=dict(user.memberships),
        via=via,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def _user_id(conn: Connection, email: str) -> int:
    found = conn.execute(select(users.c.id).where(users.c.email == normal_email(email))).first()
    if found is None:
        raise AccountError(f"there is no user {normal_email(email)}")
    return int(found.id)


def _touch(conn: Connection, user_id: int) -> None:
    conn.execute(
        update(users)
        .where(users.c.id == user_id)
        .values(updated_at=utcnow(), version=users.c.version + 1)
    )


def _user(conn: Connection, row: dict[str, object]) -> User:
    roles = conn.execute(
        select(memberships.c.ministry, memberships.c.role).where(memberships.c.user_id == row["id"])
    ).all()
    return User(
        id=int(row["id"]),  # type: ignore[call-overload]
        email=str(row["email"]),
        display_name=str(row["display_name"]),
        global_role=row["global_role"],  # type: ignore[arg-type]
        disabled=bool(row["disabled"]),
        memberships={str(m): r for m, r in roles},
        version=int(row["version"]),  # type: ignore[call-overload]
    )
