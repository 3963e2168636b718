"""Each view says the same headline, the same base, the same agreement, for every shipped KPI.

Walks every KPI of the shipped plan (plans/ip2025, with its shipped observations) through the
page JSON (``headline`` and ``why``), the progress summary's row, ``ipkpi status``'s JSON row
and the report's entry: the status, its label, the basis sentence and the methods' agreement
are one value each (followup.headline, followup.evidence, followup.agreement).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.cli.status_cmd import status_row
from ipkpi.followup import FollowUp, FollowUpProvider
from ipkpi.followup.agreement import agreement_of
from ipkpi.followup.headline import basis_text
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.report.content import kpi_entry
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Lang
from ipkpi.web import create_app

from .conftest import TestClient

LANGS: tuple[Lang, ...] = ("ja", "en")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("headline") / "h.db")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, Path(folder), catalog_from_plan(plan))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    with TestClient(create_app(provider)) as client:
        yield provider.get(), client
    store.close()


def test_every_view_says_the_same_headline_and_agreement(world: tuple[FollowUp, Any]) -> None:
    followup, client = world
    too_early: set[str] = set()
    for listed in followup.kpis():
        status = followup.kpi(listed.kpi.id)
        assert status is not None
        agreement = agreement_of(status)
        for lang in LANGS:
            prefix = "" if lang == "ja" else "/en"
            page = client.get(f"{prefix}/kpi/{status.kpi.id}.json").json()
            row = status_row(status, None, lang)
            entry = kpi_entry(status, lang, followup)
            label = status.headline.status_label.get(lang)
            assert page["headline"]["status"] == row["status"] == status.headline.status
            assert page["headline"]["status_label"] == entry["status_label"] == label
            assert page["headline"]["tone"] == entry["tone"] == status.tone
            basis = basis_text(status.basis, status.wording, lang)
            assert page["why"]["basis"] == row["basis_text"] == entry["basis"] == basis
            summary = agreement.summary(lang) if agreement else ""
            why = agreement.why(lang) if agreement else ""
            assert page["why"]["agreement"] == row["agreement"] == entry["agreement"] == summary
            assert page["why"]["differs_text"] == row["agreement_why"] == why
            assert entry["differs_text"] == why
            assert page["why"]["too_early"] == status.too_early
            if status.too_early:
                too_early.add(status.kpi.id)
                assert page["why"]["awaited"] and entry["awaited"] == page["why"]["awaited"]
            if agreement and agreement.differs:
                assert why, status.kpi.id  # one sentence says why the headline differs
    # GII (one place after its 2024 baseline), piracy (4 months after 2025-03), the Cool Japan
    # total and the intangible share (no value after the baseline yet).
    assert too_early == {
        "ipx.gii_rank",
        "protection.piracy.publication_piracy_access",
        "cj.overseas_total",
        "ipx.intangible_share",
    }


def test_the_progress_summary_shows_the_agreement(world: tuple[FollowUp, Any]) -> None:
    followup, client = world
    rows = {r["id"]: r for r in client.get("/progress.json").json()["kpis"]}
    gii = followup.kpi("ipx.gii_rank")
    assert gii is not None
    found = agreement_of(gii)
    assert found is not None and found.differs
    assert rows["ipx.gii_rank"]["agreement"] == f"{found.summary('ja')} {found.why('ja')}"
    assert rows["ipx.gii_rank"]["agreement"].startswith("3手法中2手法が達成・順調")
