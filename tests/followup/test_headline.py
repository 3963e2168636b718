"""The headline rule on the shipped plan: a KPI whose plan states a baseline is judged from it.

Piracy (知的財産推進計画2025, KPI 出版物海賊版へのアクセス数): the plan's baseline is "about 300
million accesses" a month in March 2025 (the last month of its chart); ABJ's latest reported
figure is about 140 million in July 2025 (Kobe Shimbun / Kyodo, 2025-09, in
observations.csv). Open SDG's own base-year rule takes January 2020 (64 million, before the
surge) and says 悪化; the headline must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.followup import FollowUp, KpiStatus
from ipkpi.followup.headline import basis_text
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store
from ipkpi.store.shipped import ensure_shipped

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"
PIRACY = "protection.piracy.publication_piracy_access"


@pytest.fixture(scope="module")
def followup(tmp_path_factory: pytest.TempPathFactory) -> FollowUp:
    plan = load_plan(PLAN)
    store = Store.open(str(tmp_path_factory.mktemp("headline") / "s.db"))
    ensure_shipped(store, PLAN)
    return FollowUp(plan, StoreSource(store, plan))


def status(followup: FollowUp, kpi_id: str) -> KpiStatus:
    found = followup.kpi(kpi_id)
    assert found is not None
    return found


def test_piracy_headline_is_judged_from_the_plans_baseline(followup: FollowUp) -> None:
    piracy = status(followup, PIRACY)
    head = piracy.headline
    assert (head.base_period, head.base_value) == ("2025-03", pytest.approx(300.0))
    assert (head.current_period, head.current_value) == ("2025-07", pytest.approx(140.0))
    assert head.status != "deterioration"
    assert piracy.basis.source == "plan_baseline"
    assert basis_text(piracy.basis, piracy.wording, "ja") == (
        "計画が定める基準値（2025-03、3億アクセス/月）から最新値までで判断しています。"
    )


def test_piracy_methods_keep_their_own_base_years(followup: FollowUp) -> None:
    # Shown per method as published: Open SDG from January 2020 (63.98 million, 秋田魁新報
    # 2021-07-31 quoting ABJ), Eurostat from five years before the latest value.
    own = {
        v.method: v
        for v in status(followup, PIRACY).verdicts
        if v.base_period != "2025-03" and v.method in ("opensdg", "eurostat")
    }
    assert (own["opensdg"].base_period, own["opensdg"].status) == ("2020-01", "deterioration")
    assert own["eurostat"].base_period == "2021-06"


def test_headline_without_a_plan_baseline_says_which_base_and_why(followup: FollowUp) -> None:
    # 高度外国人材 (出入国在留管理庁): the plan states no baseline; Open SDG's rule takes 2015-06.
    residents = status(followup, "creation.talent.highly_skilled_foreign_residents")
    assert (residents.basis.source, residents.basis.why) == ("method_rule", "no_plan_baseline")
    assert residents.basis.period == "2015-06"
    text = basis_text(residents.basis, residents.wording, "en")
    assert text.startswith("The plan states no baseline, so the method's rule (the first value")
    assert "2015-06" in text


def test_dated_kpis_with_a_baseline_are_judged_from_it(followup: FollowUp) -> None:
    # 農林水産物・食品の輸出額: baseline 1.5兆円 (2024) in the plan; GII: 13th (2024).
    for kpi_id, period in (("protection.regional.agrifood_exports", "2024"),
                           ("ipx.gii_rank", "2024")):  # fmt: skip
        found = status(followup, kpi_id)
        assert (found.basis.source, found.basis.period) == ("plan_baseline", period), kpi_id


def test_gii_one_place_after_the_baseline_is_too_early_to_tell(followup: FollowUp) -> None:
    # WIPO GII 2024: Japan 13th (the plan's baseline); GII 2025: 12th. Goal: top 4 by 2035.
    gii = status(followup, "ipx.gii_rank")
    assert gii.too_early and gii.tone == "early"
    assert (gii.headline.method, gii.headline.status) == ("evidence", "too_early")
    assert (gii.headline.base_value, gii.headline.current_value) == (13.0, 12.0)
    assert gii.evidence is not None and not gii.evidence.sufficient
    assert (gii.evidence.count, gii.evidence.rank_move) == (1, -1.0)
    # the linear rule's own verdict is kept next to it, with its numbers
    computed = gii.verdicts[1]
    assert (computed.method, computed.status) == ("linear", "substantial_progress")
    ja = gii.headline.explain(gii.wording).ja
    assert ja.startswith("評価の根拠：判断には早い。基準（2024、13位）以降の観測値は1件・1年分")
    assert "順位の1つ以内の変動は誤差の範囲" in ja
    assert "「順調（目標達成ペース）」" in ja


def test_piracy_is_too_early_with_one_value_four_months_after(followup: FollowUp) -> None:
    piracy = status(followup, PIRACY)
    assert piracy.too_early
    assert piracy.evidence is not None
    assert (piracy.evidence.count, piracy.evidence.minimum.count) == (1, 3)
    assert piracy.headline.explain(piracy.wording).en.startswith(
        "Evidence rule: Too early to tell. Since the base (2025-03, 300 million accesses/month)"
        " there is 1 value over 4 months (latest 2025-07, 140 million accesses/month)."
    )


def test_enough_evidence_keeps_a_good_verdict(followup: FollowUp) -> None:
    # 出入国在留管理庁: 高度専門職 residents, monthly from 2015-06 to 2025-06 (21 values).
    residents = status(followup, "creation.talent.highly_skilled_foreign_residents")
    assert residents.evidence is not None and residents.evidence.sufficient
    assert (residents.headline.status, residents.tone) == ("substantial_progress", "good")


def test_no_value_after_the_baseline_is_too_early_not_no_data(followup: FollowUp) -> None:
    # Cool Japan total: the plan's baseline is the 2024 figure (27.1兆円), the latest value.
    total = status(followup, "cj.overseas_total")
    assert total.too_early and total.has_data
    assert total.headline.explain(total.wording).ja.startswith(
        "評価の根拠：判断には早い。基準（2024、27.1兆円）以降の観測値はまだない。"
    )


def test_a_ratio_headline_names_its_base_period_not_a_ratio_as_people(followup: FollowUp) -> None:
    # 博士号取得者数 (per million): judged as a ratio to the best peer, so the base value (0.32)
    # is not a number of doctorates per million and is not printed as one.
    doctorates = status(followup, "creation.talent.doctorates_per_million")
    assert (doctorates.basis.period, doctorates.basis.value) == ("FY2018", None)
    assert basis_text(doctorates.basis, doctorates.wording, "ja") == (
        "計画に基準値がないため、手法の規則（2015年以降の最初の値）によりFY2018を基準にしています。"
    )
