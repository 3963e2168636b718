"""Each view says the same headline, the same base, the same agreement, for every shipped KPI.

Walks every KPI of the shipped plan (plans/ip2025, with its shipped observations) through the
page JSON (``headline`` and ``why``), the progress summary's row, ``ipkpi status``'s JSON row
and the report's entry: the status, its label, the basis sentence and the methods' agreement
are one value each (followup.headline, followup.evidence, followup.agreement).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.followup import FollowUp
from ipkpi.followup.agreement import agreement_of
from ipkpi.followup.headline import basis_text

from .everywhere import shipped_world, views


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any]]:
    with shipped_world(tmp_path_factory.mktemp("headline")) as found:
        yield found


def test_every_view_says_the_same_headline_and_agreement(world: tuple[FollowUp, Any]) -> None:
    too_early: set[str] = set()
    for v in views(*world):
        status, lang, page, row, entry = v.status, v.lang, v.page, v.row, v.entry
        agreement = agreement_of(status)
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
