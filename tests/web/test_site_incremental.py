"""An incremental static build: one changed observation renders only the pages that show it,
and the folder then holds what a full build of the same data holds."""

from __future__ import annotations

import dataclasses
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.model import AsOf
from ipkpi.followup.store_source import StoreSource
from ipkpi.followup.verdict_cache import CACHE_FILE
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import MANIFEST


class OneValueChanged:
    """The store's data with the latest value of one series doubled (a corrected value)."""

    def __init__(self, inner: StoreSource, series_id: str) -> None:
        self.inner = inner
        self.series_id = series_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def observations(self, series_ids: Sequence[str], as_of: AsOf | None) -> Any:
        found = self.inner.observations(series_ids, as_of)
        rows = list(found.get(self.series_id, ()))
        if rows:
            rows[-1] = dataclasses.replace(rows[-1], value=rows[-1].value * 2)
            found[self.series_id] = rows
        return found


def _content(path: Path) -> object:
    if path.suffix == ".zip":  # the data package's entries carry the minute they were written
        with zipfile.ZipFile(path) as archive:
            return [(i.filename, archive.read(i)) for i in archive.infolist()]
    return path.read_bytes()


def _files(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in root.rglob("*") if p.is_file()}


def test_one_changed_observation_renders_only_its_pages(
    plan: Plan, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    first = build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    assert first.rendered == first.pages
    assert (out / MANIFEST).is_file()
    same = build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, vintages="latest")
    assert (same.rendered, same.skipped) == (0, first.pages)

    kpi = next(k for _, _, k in plan.iter_kpis() if k.series)
    part = next(p for p, _, k in plan.iter_kpis() if k.id == kpi.id)
    for path in _files(out).values():
        os.utime(path, (1, 1))
    changed = OneValueChanged(StoreSource(store, plan), kpi.series[0].id)
    again = build_site(FollowUpProvider(plan, changed), out, vintages="latest")
    rewritten = {name for name, p in _files(out).items() if p.stat().st_mtime != 1}

    assert 0 < again.rendered < first.pages
    assert f"kpi/{kpi.id}.html" in rewritten and f"en/kpi/{kpi.id}.json" in rewritten
    assert f"embed/{kpi.id}.html" in rewritten and f"part/{part.id}.html" in rewritten
    assert {"index.html", "en/index.html", "search-index.ja.js", "data.csv"} <= rewritten
    others = [k.id for _, _, k in plan.iter_kpis() if k.id != kpi.id]
    assert others
    assert not [n for n in rewritten if any(f"kpi/{o}." in n for o in others)]
    assert not [p.id for p in plan.parts if p.id != part.id and f"part/{p.id}.html" in rewritten]

    full = tmp_path / "full"
    build_site(FollowUpProvider(plan, changed), full, vintages="latest", incremental=False)
    built, expected = _files(out), _files(full)
    assert sorted(built) == sorted(expected)
    records = (MANIFEST, CACHE_FILE)  # the build's own records
    differ = [n for n in built if n not in records and _content(built[n]) != _content(expected[n])]
    assert differ == []
    # The verdict caches hold what each build worked out (the rebuild also has headline-only
    # verdicts of KPIs whose pages it did not render); a verdict both hold is the same.
    ours, theirs = (json.loads(f[CACHE_FILE].read_text())["verdicts"] for f in (built, expected))
    shared = ours.keys() & theirs.keys()
    assert shared and all(ours[k] == theirs[k] for k in shared)


def test_a_page_no_longer_made_is_removed(plan: Plan, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "site"
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    build_site(provider, out, vintages="latest")
    xlsx = sorted((out / "kpi").glob("*.xlsx"))
    assert xlsx
    report = build_site(provider, out, vintages="latest", downloads=("csv", "zip"))
    assert report.removed >= len(xlsx)
    assert not list((out / "kpi").glob("*.xlsx"))
