"""The plan's shipped observations are loaded once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipkpi.store import Store
from ipkpi.store.shipped import ensure_shipped

from .conftest import FIXTURES, PLAN, snapshot

REPO_PLAN = Path(__file__).parents[2] / "plans" / "ip2025"


def test_loading_the_shipped_file_is_idempotent(store: Store, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    shutil.copy(FIXTURES / "shipped_bilingual.csv", plan / "observations.csv")

    first = ensure_shipped(store, plan)
    before = snapshot(store)
    again = ensure_shipped(store, plan)

    assert first is not None and first.status == "imported" and first.new_count == 2
    assert again is not None and again.status == "already_imported"
    assert snapshot(store) == before


def test_the_shipped_notes_keep_both_languages_and_never_the_editors(
    store: Store, tmp_path: Path
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    shutil.copy(FIXTURES / "shipped_bilingual.csv", plan / "observations.csv")
    ensure_shipped(store, plan)
    latest = {o.period: o for o in store.observations(["data.store.exports.jpn"])}
    assert (latest["2024"].note, latest["2024"].note_en) == ("速報値。", "Provisional.")
    assert (latest["2023"].note, latest["2023"].note_en) == (None, None)
    stored = repr(snapshot(store)) + repr(store.history("data.store.exports.jpn"))
    assert "editors only" not in stored and "Read on MAFF" not in stored


def test_a_plan_without_shipped_observations(store: Store) -> None:
    assert ensure_shipped(store, PLAN) is None


@pytest.mark.skipif(not (REPO_PLAN / "observations.csv").exists(), reason="no shipped data yet")
def test_the_shipped_observations_of_the_ip2025_plan_load(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.db") as store:
        report = ensure_shipped(store, REPO_PLAN)
        assert report is not None and report.status == "imported"
        assert report.new_count == report.row_count > 0


def test_the_shipped_vintage_is_dated_by_publication_not_by_load(tmp_path: Path) -> None:
    """plans/ip2025/plan.yaml: observations_published 2026-12-02 (the file's last release)."""
    import datetime as dt

    from ipkpi.plan.loader import load_plan

    published = load_plan(REPO_PLAN).observations_published
    assert published is not None and published <= dt.date.today()
    with Store.open(tmp_path / "store.db") as store:
        report = ensure_shipped(store, REPO_PLAN)
        assert report is not None and report.vintage is not None
        assert report.vintage.recorded_at == dt.datetime.combine(published, dt.time())


def test_a_store_with_later_data_records_the_shipped_file_when_it_loads(
    store: Store, tmp_path: Path
) -> None:
    import datetime as dt

    from ipkpi.store.shipped import publication_moment

    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    shutil.copy(FIXTURES / "shipped_bilingual.csv", plan / "observations.csv")
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text + "observations_published: 2025-04-01\n", "utf-8")
    first = ensure_shipped(store, plan)
    assert first is not None and first.vintage is not None
    assert first.vintage.recorded_at == dt.datetime(2025, 4, 1)
    # A later vintage is stored: a file published before it is not slipped under it.
    assert publication_moment(store, dt.date(2025, 3, 1)) is None
    assert publication_moment(store, dt.date(2025, 4, 2)) == dt.datetime(2025, 4, 2)
