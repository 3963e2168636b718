"""The audit trail: one append-only row per change, sign-in, refusal, acceptance and return.

:func:`record` writes on the caller's connection, so the row commits or rolls back with the
change it describes. The table refuses UPDATE and DELETE (triggers, migration 0005). The
``detail`` is JSON of what changed; it never holds a password, a token or a session id
(:func:`record` refuses keys that name one).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from ..spreadsheet import safe_row
from ..store.service_schema import audit_events
from .authz import Actor
from .db import utcnow

#: Keys that must never reach the audit (their values are secrets).
_SECRET_KEY = re.compile(r"(^|_)(password|passwd|secret|token|cookie|csrf|session_id)($|_)", re.I)
EXPORT_COLUMNS = (
    "id", "at", "actor", "via", "action", "object_type", "object_id", "ministry", "detail", "ip",
)  # fmt: skip


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    actor: str
    via: str
    action: str
    object_type: str
    object_id: str
    ministry: str
    detail: dict[str, Any]
    ip: str


def record(
    conn: Connection,
    actor: Actor,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | int | None = None,
    ministry: str | None = None,
    detail: Mapping[str, Any] | None = None,
    ip: str | None = None,
) -> None:
    """Add one audit row in ``conn``'s transaction."""
    data = dict(detail or {})
    leaked = [k for k in data if _SECRET_KEY.search(k)]
    if leaked:
        raise ValueError(f"secrets never go into the audit: {leaked}")
    conn.execute(
        insert(audit_events).values(
            at=utcnow(),
            actor_id=actor.user_id,
            actor=actor.email or None,
            via=actor.via,
            action=action,
            object_type=object_type,
            object_id=None if object_id is None else str(object_id),
            ministry=ministry,
            detail=json.dumps(data, ensure_ascii=False, sort_keys=True, default=str),
            ip=ip,
        )
    )


def events(
    engine: Engine,
    *,
    limit: int = 200,
    before_id: int | None = None,
    action: str | None = None,
    ministry: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
) -> list[Event]:
    """The newest events first (at most ``limit``), optionally older than ``before_id``."""
    query = select(audit_events).order_by(audit_events.c.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(audit_events.c.id < before_id)
    if action:
        query = query.where(audit_events.c.action == action)
    if ministry:
        query = query.where(audit_events.c.ministry == ministry)
    if object_type:
        query = query.where(audit_events.c.object_type == object_type)
    if object_id:
        query = query.where(audit_events.c.object_id == object_id)
    with engine.connect() as conn:
        return [_event(row._asdict()) for row in conn.execute(query)]


def export_csv(engine: Engine) -> str:
    """Every event, oldest first, as CSV (UTF-8; detail as JSON text)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    with engine.connect() as conn:
        rows = conn.execute(select(audit_events).order_by(audit_events.c.id))
        for row in rows:
            data = row._asdict()
            data["at"] = f"{data['at']:%Y-%m-%dT%H:%M:%SZ}"
            writer.writerow(safe_row(_cell(data.get(c)) for c in EXPORT_COLUMNS))
    return out.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _event(data: dict[str, Any]) -> Event:
    return Event(
        id=int(data["id"]),
        at=f"{data['at']:%Y-%m-%d %H:%M:%S}",
        actor=data["actor"] or "",
        via=data["via"],
        action=data["action"],
        object_type=data["object_type"] or "",
        object_id=data["object_id"] or "",
        ministry=data["ministry"] or "",
        detail=json.loads(data["detail"]),
        ip=data["ip"] or "",
    )
