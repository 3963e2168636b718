"""Fixtures for the dashboard: a test plan with two data vintages, an app, a live server, a browser.

The plan (``fixtures/webplan``) has a KPI of most kinds; its data come in two vintages:
``vintage1.csv`` recorded on 2025-01-10 and ``vintage2.csv`` (a revision and new values)
recorded on 2025-06-30, so the as-of selector and "what changed" have something to show.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ipkpi.followup import FollowUpProvider, Observation
from ipkpi.followup.model import AsOf
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.web import create_app

from ..shipped_data import shipped_store

with warnings.catch_warnings():
    # Starlette asks for httpx2, which is not installed; httpx works the same here.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

if TYPE_CHECKING:
    from playwright.sync_api import Browser

FIXTURES = Path(__file__).parent / "fixtures"
WEBPLAN = FIXTURES / "webplan"
FIRST = dt.datetime(2025, 1, 10, 9, 0)
SECOND = dt.datetime(2025, 6, 30, 9, 0)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Doubled(StoreSource):
    """The store's data with the latest value of one series doubled."""

    def __init__(self, store: Store, plan: Plan, series_id: str) -> None:
        super().__init__(store, plan)
        self.series_id = series_id

    def observations(
        self, series_ids: Sequence[str], as_of: AsOf | None
    ) -> dict[str, list[Observation]]:
        found = super().observations(series_ids, as_of)
        rows = found[self.series_id]
        rows[-1] = dataclasses.replace(rows[-1], value=rows[-1].value * 2)
        return found


def make_store(path: Path, plan: Plan, folder: Path = WEBPLAN) -> Store:
    store = Store.open(path)
    catalog = catalog_from_plan(plan)
    with warnings.catch_warnings():
        # The importer calls SQLAlchemy's Result.tuples(), deprecated in 2.1 (store's to fix).
        warnings.simplefilter("ignore", DeprecationWarning)
        import_file(store, folder / "vintage1.csv", catalog, recorded_at=FIRST)
        import_file(store, folder / "vintage2.csv", catalog, recorded_at=SECOND)
    return store


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan(WEBPLAN)


@pytest.fixture(scope="session")
def store(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = make_store(tmp_path_factory.mktemp("store") / "web.db", plan)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def provider(plan: Plan, store: Store) -> FollowUpProvider:
    return FollowUpProvider(plan, StoreSource(store, plan))


@pytest.fixture(scope="session")
def shipped_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FollowUpProvider]:
    """The shipped plan over a store holding its shipped data (one vintage)."""
    _, opened, provider = shipped_store(tmp_path_factory.mktemp("shipped") / "s.db")
    yield provider
    opened.close()


@pytest.fixture(scope="session")
def client(provider: FollowUpProvider) -> Iterator[TestClient]:
    with TestClient(create_app(provider)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: Any, *, port: int | None = None) -> Iterator[str]:
    """``app`` served by uvicorn in a background thread on a free loopback port."""
    import uvicorn

    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(provider: FollowUpProvider) -> Iterator[str]:
    """The app served by uvicorn in a background thread on a free loopback port."""
    with serving(create_app(provider)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed: apt-get install chromium (scripts/system-deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Any]:
    """A fresh page that records console errors and failed requests in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    problems: list[str] = []
    tab.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    tab.problems = problems
    yield tab
    context.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
