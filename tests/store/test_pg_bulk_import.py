"""PostgreSQL's bulk path: foreign keys checked once for the table, and back as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import exc, text

from ipkpi.store import SeriesCatalog, Store, import_file, writer

from .conftest import FIXTURES, _postgres_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store() -> Iterator[Store]:
    yield from _postgres_store()


def _foreign_keys(store: Store) -> list[tuple[str, str, bool]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(  # type: ignore[misc]
            "SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
            "WHERE conrelid = 'observations'::regclass AND contype = 'f' ORDER BY conname"
        ))]  # fmt: skip


def test_a_large_import_keeps_both_foreign_keys_validated(
    pg_store: Store, catalog: SeriesCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _foreign_keys(pg_store)
    assert len(before) == 2 and all(valid for _, _, valid in before)
    monkeypatch.setattr(writer, "PG_BULK_ROWS", 1)  # every import takes the bulk path
    report = import_file(pg_store, FIXTURES / "tidy_mixed_units.csv", catalog)
    assert report.status == "imported" and report.row_count > 0
    assert _foreign_keys(pg_store) == before
    with pg_store.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM observations")).scalar_one()
    assert stored == report.row_count
    with pytest.raises(exc.IntegrityError), pg_store.engine.begin() as conn:
        conn.execute(text("INSERT INTO observations (vintage_id, series_id, period, value) "
                          "VALUES (999999, 999999, '2024', 1)"))  # fmt: skip


def test_a_failed_bulk_import_leaves_the_constraints(
    pg_store: Store, catalog: SeriesCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _foreign_keys(pg_store)
    monkeypatch.setattr(writer, "PG_BULK_ROWS", 1)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "_insert_rows", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        import_file(pg_store, FIXTURES / "tidy_mixed_units.csv", catalog)
    assert _foreign_keys(pg_store) == before
    assert pg_store.vintages() == []
