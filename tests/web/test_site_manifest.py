"""The incremental build's manifest check: one walk of the site folder instead of a ``stat``
per file, and the manifest written by json's C encoder, read back the same."""

from __future__ import annotations

from pathlib import Path

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import Entry, existing_files, manifest_text, read_manifest


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
