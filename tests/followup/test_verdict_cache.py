"""The verdict cache: a rebuild after one observation changed assesses that one KPI only."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipkpi.assessment.verdict import Verdict
from ipkpi.followup import FollowUp
from ipkpi.followup import build as build_module
from ipkpi.followup.assess import KpiInput, assess_many, assess_one
from ipkpi.followup.model import KpiStatus
from ipkpi.followup.store_source import StoreSource
from ipkpi.followup.verdict_cache import VerdictCache, registry_version
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan
from ipkpi.store import Store, catalog_from_plan, import_file

from ..web.conftest import Doubled


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Plan, Store]]:
    """The shipped plan and a store with its shipped observations."""
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("cache") / "shipped.db")
    import_file(store, folder / OBSERVATIONS_FILE, catalog_from_plan(plan))
    yield plan, store
    store.close()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the KPIs assessed (by the follow-up's assess_one or in its batches)."""
    calls: list[str] = []

    def counting(item: KpiInput, at: object, *, every_method: bool) -> object:
        calls.append(item[2].id)
        return assess_one(item, at, every_method=every_method)  # type: ignore[arg-type]

    def counting_many(items: list[KpiInput], at: object, *, every_method: bool) -> object:
        calls.extend(item[2].id for item in items)
        return assess_many(items, at, every_method=every_method)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "assess_one", counting)
    monkeypatch.setattr(build_module, "assess_many", counting_many)
    return calls


def _assessed_and_saved(plan: Plan, source: StoreSource, path: Path) -> list[KpiStatus]:
    """Every KPI's status, assessed through an empty cache that is then saved to ``path``."""
    cache = VerdictCache()
    first = FollowUp(plan, source)
    first.use_cache(cache)
    statuses = first.kpis()
    cache.save(path)
    return statuses


def test_one_changed_observation_assesses_one_kpi(
    shipped: tuple[Plan, Store], counted: list[str], tmp_path: Path
) -> None:
    plan, store = shipped
    source = StoreSource(store, plan)
    before = _assessed_and_saved(plan, source, tmp_path / "verdicts.json")
    assert len(counted) == len(before) == 24  # the shipped plan's 24 KPIs, each assessed once
    kpi = next(s.kpi for s in before if s.series and s.series[0].observations)
    counted.clear()
    again = FollowUp(plan, Doubled(store, plan, kpi.series[0].id))
    again.use_cache(VerdictCache.load(tmp_path / "verdicts.json"))
    after = again.kpis()
    assert counted == [kpi.id]
    uncached = FollowUp(plan, Doubled(store, plan, kpi.series[0].id)).kpis()
    assert [repr(s.verdicts) for s in after] == [repr(s.verdicts) for s in uncached]
    assert [s.headline.status for s in after] == [s.headline.status for s in uncached]


def test_cached_verdicts_equal_fresh_ones_field_by_field(
    shipped: tuple[Plan, Store], tmp_path: Path
) -> None:
    """Every KPI by every method, through the JSON file: the same verdicts (repr: int stays int)."""
    plan, store = shipped
    source = StoreSource(store, plan)
    fresh = FollowUp(plan, source)
    cache = VerdictCache()
    fresh.use_cache(cache)
    made = [fresh.kpi(k) for k in fresh.kpi_ids()]
    cache.save(tmp_path / "verdicts.json")
    loaded = FollowUp(plan, source)
    loaded.use_cache(VerdictCache.load(tmp_path / "verdicts.json"))
    read = [loaded.kpi(k) for k in loaded.kpi_ids()]
    assert [repr(s) for s in read] == [repr(s) for s in made]


def test_another_method_version_invalidates_all(
    shipped: tuple[Plan, Store], counted: list[str], tmp_path: Path
) -> None:
    plan, store = shipped
    source = StoreSource(store, plan)
    _assessed_and_saved(plan, source, tmp_path / "verdicts.json")
    counted.clear()
    same = FollowUp(plan, source)
    same.use_cache(VerdictCache.load(tmp_path / "verdicts.json"))
    same.kpis()
    assert counted == []
    other = FollowUp(plan, source)
    other.use_cache(VerdictCache.load(tmp_path / "verdicts.json", version="another"))
    other.kpis()
    assert len(counted) == 24
    assert registry_version() == VerdictCache().version


def test_unreadable_cache_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "verdicts.json"
    path.write_text('{"version": "x", "verdicts": ', encoding="utf-8")
    assert len(VerdictCache.load(path)) == 0
    path.write_text(f'{{"version": "{registry_version()}", "verdicts": 3}}', encoding="utf-8")
    assert len(VerdictCache.load(path)) == 0


def test_a_cache_file_that_holds_what_it_would_write_is_not_written_again(
    shipped: tuple[Plan, Store], tmp_path: Path
) -> None:
    plan, store = shipped
    source = StoreSource(store, plan)
    path = tmp_path / "verdicts.json"
    cache = VerdictCache()
    first = FollowUp(plan, source)
    first.use_cache(cache)
    first.assess_all()
    cache.save(path)
    written = path.read_bytes()
    os.utime(path, (1, 1))
    same = VerdictCache.load(path)
    again = FollowUp(plan, source)
    again.use_cache(same)
    again.assess_all()  # every verdict in the file used, none added
    assert (same.hits, same.misses) == (24, 0)
    same.save(path)
    assert path.stat().st_mtime == 1 and path.read_bytes() == written
    fewer = VerdictCache.load(path)
    part = FollowUp(plan, source)
    part.use_cache(fewer)
    part.kpi(part.kpi_ids()[0])  # one KPI used: the file is written with it alone
    fewer.save(path)
    assert path.stat().st_mtime != 1 and len(VerdictCache.load(path)) == 1
    changed = VerdictCache.load(path)
    os.utime(path, (1, 1))
    changed.put("another key", ())
    changed.save(path)
    assert path.stat().st_mtime != 1 and len(VerdictCache.load(path)) == 1


def test_the_file_keeps_nan_and_infinity_and_another_layout_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "verdicts.json"
    made = (Verdict("k", "opensdg", "not_available", score=math.nan, progress=math.inf),)
    cache = VerdictCache()
    cache.put("key", made)
    cache.save(path)
    read = VerdictCache.load(path).get("key")
    assert read is not None and math.isnan(read[0].score or 0.0) and read[0].progress == math.inf
    assert repr(read[0].thresholds) == "{}" and read[0].notes == ()
    # The same content laid out otherwise (indented) is read by the general path.
    path.write_text(json.dumps(json.loads(path.read_text()), indent=2), encoding="utf-8")
    again = VerdictCache.load(path).get("key")
    assert again is not None and repr(again).replace("nan", "") == repr(read).replace("nan", "")
