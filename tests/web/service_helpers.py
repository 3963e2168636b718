"""People and signed-in clients for the service pages' tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.service import accounts
from ipkpi.service.authz import Actor
from ipkpi.store import Store
from ipkpi.web import create_app

from .conftest import TestClient, make_store

OPERATOR = Actor(via="cli")
PASSWORD = "a long passphrase for tests"
#: The address the test apps are configured with (TestClient's https base).
PUBLIC = "https://testserver"
SESSION = "__Host-ipkpi_session"
#: The three people of the API tests: two ministries' editors and the secretariat.
EDITOR = "editor@maff.example.jp"
OTHER = "editor@aca.example.jp"
DESK = "review@cao.example.jp"


def add_person(
    store: Store,
    email: str,
    *,
    ministry: str | None = None,
    role: accounts.MinistryRole = "editor",
    global_role: accounts.GlobalRole | None = None,
) -> None:
    accounts.create_user(store.engine, OPERATOR, email, PASSWORD, global_role=global_role)
    if ministry is not None:
        accounts.grant(store.engine, OPERATOR, email, ministry, role)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Sign ``client`` in; returns the session's CSRF token (read from the account page)."""
    response = client.post(
        "/signin", data={"email": email, "password": password}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/account").text)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html[:2000]
    return found.group(1)


def session_cookie(client: Any) -> str:
    return str(client.cookies.get(SESSION))


def three_people_app(plan: Plan, path: Path, **options: Any) -> tuple[Store, Any]:
    """A store at ``path`` with :data:`EDITOR` (MAFF), :data:`OTHER` (ACA) and :data:`DESK`
    (secretariat), and the app serving it (``options`` go to ``create_app``)."""
    store = make_store(path, plan)
    add_person(store, EDITOR, ministry="MAFF")
    add_person(store, OTHER, ministry="ACA")
    add_person(store, DESK, global_role="secretariat")
    provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
    return store, create_app(provider, public_url=PUBLIC, **options)
