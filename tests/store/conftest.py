"""Store fixtures: one store per test, on SQLite and (when configured) on PostgreSQL.

The PostgreSQL runs need ``IPKPI_TEST_POSTGRES_URL``; each test gets its own schema, so runs
can share a database. Without a server the ``postgresql`` cases are skipped, saying how to run
them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ipkpi.plan.loader import load_plan
from ipkpi.store import SeriesCatalog, Store, catalog_from_plan

FIXTURES = Path(__file__).parent / "fixtures"
PLAN = FIXTURES / "plan"
POSTGRES_ENV = "IPKPI_TEST_POSTGRES_URL"
HOW_TO_RUN_POSTGRES = (
    f"PostgreSQL store tests need {POSTGRES_ENV}. Start a server and make the database with "
    "`export IPKPI_TEST_POSTGRES_URL=$(bash scripts/postgres-test-db.sh)` (it runs "
    "`pg_ctlcluster 15 main start` and creates role ipkpi/ipkpi and database ipkpi_test), "
    "or set it to e.g. postgresql+psycopg://ipkpi:ipkpi@127.0.0.1:5432/ipkpi_test"
)


@pytest.fixture(scope="session")
def catalog() -> SeriesCatalog:
    """The series of the test plan (tests/store/fixtures/plan)."""
    return catalog_from_plan(load_plan(PLAN))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = Store.open(tmp_path / "store.db")
        yield opened
        opened.close()
        return
    yield from _postgres_store()


def _postgres_store() -> Iterator[Store]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(HOW_TO_RUN_POSTGRES)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:
        admin.dispose()
        pytest.skip(
            f"cannot reach {make_url(base).render_as_string()}: {exc}. {HOW_TO_RUN_POSTGRES}"
        )
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    opened = Store.open(url.render_as_string(hide_password=False))
    try:
        yield opened
    finally:
        opened.close()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


Rows = tuple[tuple[object, ...], ...]


def snapshot(store: Store) -> tuple[Rows, Rows, Rows]:
    """Everything the store holds, to show that a failed import changed nothing."""
    with store.engine.connect() as conn:
        series, vintages, observations = (
            tuple(map(tuple, conn.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()))
            for t in ("series", "vintages", "observations")
        )
    return series, vintages, observations
