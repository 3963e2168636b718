"""The incremental build's manifest check: one walk of the site folder instead of a ``stat``
per file, and the manifest written by json's C encoder, read back the same."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ipkpi.cycle import CycleRecords, operations
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.text import Text
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import Entry, existing_files, manifest_text, read_manifest

from .conftest import Doubled, make_store


def test_the_walk_finds_every_file_the_site_has(plan: Plan, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    expected = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert existing_files(out) == expected
    assert "index.html" in expected and "en/index.html" in expected
    manifest = read_manifest(out)
    assert manifest  # every page, each with files the walk found
    assert {n for e in manifest.values() for n in e.files} <= expected
    assert existing_files(tmp_path / "no such folder") == set()


def test_a_deleted_page_is_rendered_again_and_only_it(
    plan: Plan, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    first = build_site(provider, out, vintages="latest")
    kpi = next(k for _, _, k in plan.iter_kpis() if k.series)
    page = out / "en" / "kpi" / f"{kpi.id}.html"
    body = page.read_bytes()
    page.unlink()
    again = build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    assert (again.rendered, again.pages) == (1, first.pages)
    assert page.read_bytes() == body


def test_the_manifest_reads_back_as_written(tmp_path: Path) -> None:
    entries = {
        "kpi?kpi_id=a.b|ja|latest": Entry("k1", ("kpi/a.b.html", "kpi/a.b.json")),
        'search?q="x"|en|2025-01-01': Entry("k2", ("en/search.html",)),
        "stubs": Entry("k3", ()),
    }
    (tmp_path / ".ipkpi-site.json").write_text(manifest_text(entries), encoding="utf-8")
    assert read_manifest(tmp_path) == entries
    assert manifest_text({}).startswith('{"version": 1')
    (tmp_path / ".ipkpi-site.json").write_text(manifest_text({}), encoding="utf-8")
    assert read_manifest(tmp_path) == {}


def test_a_published_review_cycle_renders_the_measure_pages_again(
    plan: Plan, tmp_path: Path
) -> None:
    """A measure's page gives the latest published cycle (its JSON's ``published``):
    publishing one, no observation changed, renders the measure pages again, as a full build
    makes them (before, nothing was rendered: the cycles were no input of any page)."""
    store = make_store(tmp_path / "own.db", plan)
    out = tmp_path / "site"
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    records = CycleRecords(store.engine)
    name = Text(ja="計画2025 フォローアップ（2026年）", en="Programme 2025 follow-up (2026)")
    at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    cycle = operations.open_cycle(
        records, plan, "ip2025-fu2026", name, dt.date(2025, 12, 31), dt.date(2026, 2, 28), at=at
    )
    records.lock(cycle.code, at=at + dt.timedelta(days=1))
    records.publish(cycle.code, at=at + dt.timedelta(days=2))
    measure = next(m for m in plan.measures())
    page = out / "en" / "measure" / f"{measure.id}.json"
    assert name.en not in page.read_text(encoding="utf-8")
    again = build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    assert again.rendered > 0
    assert name.en in page.read_text(encoding="utf-8")
    full = tmp_path / "full"
    build_site(
        FollowUpProvider(plan, StoreSource(store, plan)), full, vintages="latest", incremental=False
    )
    for lang in ("", "en/"):
        for m in plan.measures():
            for suffix in ("html", "json"):
                name_of = f"{lang}measure/{m.id}.{suffix}"
                assert (out / name_of).read_bytes() == (full / name_of).read_bytes(), name_of
    store.close()


def test_a_changed_observation_renders_only_the_measures_that_serve_its_kpi(
    tmp_path: Path,
) -> None:
    """The shipped plan (20 of its 45 measures serve a KPI) and its shipped observations."""
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path / "shipped.db")
    import_file(store, folder / OBSERVATIONS_FILE, catalog_from_plan(plan))
    out = tmp_path / "site"
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    served = {link.kpi for m in plan.measures() for link in m.kpis}
    held = StoreSource(store, plan).observations([s.id for _, s in plan.all_series()], None)
    kpi = next(
        k
        for _, _, k in plan.iter_kpis()
        if k.id in served and k.series and held.get(k.series[0].id)
    )
    serving = {m.id for m in plan.measures() if any(link.kpi == kpi.id for link in m.kpis)}
    others = {m.id for m in plan.measures()} - serving
    assert serving and others  # the fixture plan has both
    for path in out.rglob("*"):
        os.utime(path, (1, 1))
    changed = Doubled(store, plan, kpi.series[0].id)
    build_site(FollowUpProvider(plan, changed), out, vintages="latest")
    rewritten = {
        p.relative_to(out).as_posix() for p in out.rglob("*.html") if p.stat().st_mtime != 1
    }
    pages = {n.removeprefix("en/") for n in rewritten if "measure/" in n}
    assert pages == {f"measure/{m}.html" for m in serving}
    assert "measures.html" in rewritten  # the list of measures shows every KPI's verdict
    store.close()
