"""Service fixtures: a migrated store on SQLite and (when configured) PostgreSQL, and people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipkpi.service import accounts
from ipkpi.service.authz import Actor
from ipkpi.store import Store

from ..store.conftest import _postgres_store

#: Who makes the test accounts (as the CLI does).
OPERATOR = Actor(user_id=None, email="", via="cli")
PASSWORD = "a long passphrase for tests"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = Store.open(tmp_path / "store.db")
        yield opened
        opened.close()
        return
    yield from _postgres_store()


def person(
    store: Store,
    email: str,
    *,
    ministry: str | None = None,
    role: accounts.MinistryRole = "editor",
    global_role: accounts.GlobalRole | None = None,
) -> Actor:
    """A user made through the service as an operator would, returned as a session actor."""
    accounts.create_user(store.engine, OPERATOR, email, PASSWORD, global_role=global_role)
    if ministry is not None:
        accounts.grant(store.engine, OPERATOR, email, ministry, role)
    user = accounts.user_by_email(store.engine, email)
    assert user is not None
    return accounts.actor_of(user, "session")
