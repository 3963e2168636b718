"""``GET /healthz``: 200 when the store answers and is at this ipkpi's migrations, else 503."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import delete, insert
from starlette.testclient import TestClient

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.store.migrations import MIGRATIONS
from ipkpi.store.schema import schema_migrations
from ipkpi.web import create_app


def _client(plan: Plan, store: Store) -> TestClient:
    return TestClient(create_app(FollowUpProvider(plan, StoreSource(store, plan))))


def test_a_migrated_store_is_healthy(plan: Plan, tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        response = _client(plan, store).get("/healthz")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.json() == {
        "status": "ok", "store": "reachable", "migrations": "at head",
        "pending_migrations": [], "unknown_migrations": [],
    }  # fmt: skip


def test_a_store_behind_or_ahead_of_this_version_is_unavailable(plan: Plan, tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        client = _client(plan, store)
        last = MIGRATIONS[-1].name
        with store.engine.begin() as conn:
            conn.execute(delete(schema_migrations).where(schema_migrations.c.name == last))
        behind = client.get("/healthz")
        assert behind.status_code == 503
        assert behind.json()["pending_migrations"] == [last]
        with store.engine.begin() as conn:
            conn.execute(
                insert(schema_migrations).values(name=last, applied_at=dt.datetime(2030, 1, 1))
            )
            conn.execute(
                insert(schema_migrations).values(
                    name="9999_future", applied_at=dt.datetime(2030, 1, 1)
                )
            )
        ahead = client.get("/healthz").json()
        assert (ahead["status"], ahead["unknown_migrations"]) == ("unavailable", ["9999_future"])


def test_an_unreachable_store_is_unavailable_without_details(plan: Plan, tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        client = _client(plan, store)
        store.engine.dispose()
        (tmp_path / "a.db").unlink()
        (tmp_path / "a.db").mkdir()  # the file is gone and cannot be made again
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["store"], body["error"]) == (
        "unavailable", "unreachable", "OperationalError",
    )  # fmt: skip
    assert str(tmp_path) not in response.text


def test_the_health_endpoint_is_in_the_openapi(plan: Plan, tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        spec = _client(plan, store).get("/openapi.json").json()
    responses = spec["paths"]["/healthz"]["get"]["responses"]
    assert set(responses) == {"200", "503"}
