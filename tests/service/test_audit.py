"""The audit trail is append-only on both databases, and never holds a secret.

ASVS 5.0 16.4.2 (logs cannot be modified; L2 in 5.0, required by issue 11) — named in
docs/security.md.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ipkpi.service import accounts, audit
from ipkpi.store import Store
from ipkpi.store.migration_service import AUDIT_APPEND_ONLY
from ipkpi.store.service_schema import audit_events

from .conftest import OPERATOR, PASSWORD, person


def test_audit_rows_cannot_be_updated_or_deleted(store: Store) -> None:
    person(store, "editor@meti.example.jp", ministry="METI")
    before = audit.events(store.engine)
    assert [e.action for e in before] == ["membership.grant", "user.create"]
    for statement in (
        update(audit_events).values(action="nothing"),
        delete(audit_events),
        text("DELETE FROM audit_events WHERE id = 1"),
    ):
        with pytest.raises((IntegrityError, DBAPIError)) as refused, store.engine.begin() as c:
            c.execute(statement)
        assert AUDIT_APPEND_ONLY in str(refused.value)
    assert audit.events(store.engine) == before


def test_truncate_is_refused_on_postgresql(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE (DELETE is refused above)")
    person(store, "a@meti.example.jp")
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_events"))
    assert len(audit.events(store.engine)) == 1


def test_a_failed_change_leaves_no_audit_row(store: Store) -> None:
    person(store, "a@meti.example.jp")
    with pytest.raises(accounts.AccountError, match="already a user"):
        accounts.create_user(store.engine, OPERATOR, "A@meti.example.jp", PASSWORD)
    assert [e.action for e in audit.events(store.engine)] == ["user.create"]


def test_secrets_never_reach_the_audit(store: Store) -> None:
    with (
        pytest.raises(ValueError, match="secrets never go into the audit"),
        store.engine.begin() as c,
    ):
        audit.record(c, OPERATOR, "user.password", detail={"new_password": "x"})
    person(store, "a@meti.example.jp")
    with store.engine.connect() as conn:
        details = " ".join(conn.scalars(select(audit_events.c.detail)))
    assert PASSWORD not in details


def test_export_neutralises_formulas(store: Store) -> None:
    accounts.create_user(
        store.engine, OPERATOR, "x@meti.example.jp", PASSWORD, display_name="=HYPERLINK(1)"
    )
    with store.engine.begin() as conn:
        audit.record(conn, OPERATOR, "user.note", object_id="=1+1", detail={})
    exported = audit.export_csv(store.engine)
    assert "'=1+1" in exported
    assert exported.splitlines()[0] == ",".join(audit.EXPORT_COLUMNS)
