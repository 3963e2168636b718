"""Every KPI kind of the plan gets a verdict that fits it (plan KPIs built by hand)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from ipkpi.assessment import Point, assess_kpi
from ipkpi.plan.figures import Figure
from ipkpi.plan.kpi import (
    ChangeFromBaseline,
    Component,
    CountToReach,
    DirectionOnly,
    Level,
    LevelByDeadline,
    Milestone,
    Monitor,
    Pending,
    PublishedTotal,
    Rank,
    RelativeToPeers,
    Target,
)
from ipkpi.plan.series import Series
from ipkpi.text import Text


def series(sid: str, unit: str, role: str = "kpi", country: str | None = None) -> Series:
    return Series(id=sid, label=Text(ja=sid, en=sid), unit=unit, role=role, country=country)  # type: ignore[arg-type]


def common(kpi_id: str, *s: Series) -> dict[str, Any]:
    return {
        "id": kpi_id,
        "title": Text(ja="x", en="x"),
        "wording": Text(ja="x", en="x"),
        "series": list(s),
    }


def pts(start: int, values: list[float], **flags: list[str]) -> list[Point]:
    return [
        Point.at(str(start + i), v, flags.get(str(start + i), [])) for i, v in enumerate(values)
    ]


def fig(value: float, unit: str, period: str | None = None) -> Figure:
    return Figure(value=value, unit=unit, period=period, source="ip2025-overview")


def test_level_by_deadline_in_another_unit_with_pace() -> None:
    """海外市場規模 20兆円 by 2033; data in 億円; needs ≈13.2 %/yr from 5.8兆円 (2023)."""
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("cj.content", series("content", "jpy_oku")),
        target=Target(value=20, unit="兆円"),
        deadline=2033,
    )
    data = {"content": pts(2019, [39000, 40000, 45000, 47000, 58000])}
    a = assess_kpi(kpi, data, method="opensdg")
    v = a.verdict
    assert v.target == 200000.0 and v.unit == "jpy_oku"
    assert v.base_year == 2019.0  # 2015 is not in the data: first later year
    assert v.pace_needed == pytest.approx((20 / 5.8) ** (1 / 10) - 1, abs=1e-9)
    assert round(v.pace_needed * 100, 1) == 13.2
    assert v.status == "moderate_progress"
    assert a.forecast is not None and a.forecast.probability is not None
    assert "+13.2%" in v.explain().en and "年率+13.2%" in v.explain().ja


def test_the_plan_baseline_becomes_the_base_observation() -> None:
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("cj.content", series("content", "jpy_cho")),
        target=Target(value=20, unit="兆円"),
        deadline=2033,
        baseline=fig(5.8, "兆円", "2023"),
    )
    a = assess_kpi(kpi, {"content": pts(2024, [6.4])})
    assert (a.verdict.base_year, a.verdict.base_value) == (2023.0, 5.8)
    assert "plan_baseline_used" in a.verdict.notes
    assert a.verdict.observed_rate == pytest.approx(6.4 / 5.8 - 1)


def test_sum_of_components_assesses_the_total_and_shows_each_contribution() -> None:
    comps = [
        Component(
            series="content",
            label=Text(ja="コンテンツ", en="content"),
            current=fig(5.8, "兆円", "2023"),
            previous=fig(4.7, "兆円", "2022"),
            change_pct=23.22,
        ),
        Component(
            series="inbound",
            label=Text(ja="インバウンド", en="inbound"),
            current=fig(8.1, "兆円", "2024"),
            previous=fig(5.3, "兆円", "2023"),
            change_pct=53.39,
        ),
        Component(
            series="cosmetics",
            label=Text(ja="化粧品", en="cosmetics"),
            current=fig(0.6, "兆円", "2023"),
            previous=fig(0.8, "兆円", "2022"),
            change_pct=-21.05,
        ),
    ]
    total = PublishedTotal(
        current=fig(27.1, "兆円", "2024"), previous=fig(19.1, "兆円", "2022"), change_pct=41.92
    )
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("cj.overseas_total", series("cj_total", "jpy_cho")),
        target=Target(value=50, unit="兆円"),
        deadline=2033,
        components=comps,
        published_total=total,
    )
    a = assess_kpi(kpi, {})
    v = a.verdict
    assert (v.base_value, v.current_value) == (19.1, 27.1)  # the published totals, dated
    assert v.observed_rate == pytest.approx((27.1 / 19.1) ** 0.5 - 1)
    assert [c.series for c in v.components] == ["content", "inbound", "cosmetics"]
    inbound = v.components[1]
    assert inbound.change == pytest.approx(2.8)
    assert inbound.share_of_change == pytest.approx(2.8 / 8.0)
    assert inbound.share_of_total == pytest.approx(8.1 / 27.1)
    assert v.components[2].change == pytest.approx(-0.2)
    json.dumps(a.to_dict())


def test_rank_uses_the_linear_gap_rule_and_a_floor_at_first_place() -> None:
    kpi = Rank(
        kind="rank", **common("ipx.gii_rank", series("gii", "rank")), target_rank=4, deadline=2035
    )
    data = {"gii": pts(2015, [19, 16, 14, 13, 15, 16, 13, 13, 13, 13, 12])}
    a = assess_kpi(kpi, data, method="opensdg")
    v = a.verdict
    assert (v.method, v.rate_kind) == ("linear", "change")
    assert v.observed_rate == pytest.approx(-0.7)
    assert v.required_rate == pytest.approx(-15 / 20)
    assert v.progress == pytest.approx(0.7 / 0.75)
    assert v.status == "moderate_progress"
    assert a.forecast is not None and a.forecast.rate_kind == "change"
    assert "rank 4" in v.explain().en and "4位" in v.explain().ja


def test_rank_reached_is_achieved() -> None:
    kpi = Rank(
        kind="rank", **common("ipx.gii_rank", series("gii", "rank")), target_rank=4, deadline=2035
    )
    a = assess_kpi(kpi, {"gii": pts(2023, [6, 4])})
    assert a.verdict.status == "target_achieved"


def test_change_from_baseline_in_points() -> None:
    """日本ファン +10 points by 2033 from 56.2 % (2024)."""
    kpi = ChangeFromBaseline(
        kind="change_from_baseline",
        **common("cj.fan", series("fan", "percent")),
        change=10,
        unit="pp",
        deadline=2033,
        baseline=fig(56.2, "percent", "2024"),
    )
    a = assess_kpi(kpi, {"fan": pts(2024, [56.2, 57.5])})
    v = a.verdict
    assert v.target == pytest.approx(66.2)
    assert v.base_year == 2024.0
    assert a.forecast is not None and a.forecast.rate_kind == "change"


def test_change_from_baseline_without_a_baseline_says_so() -> None:
    kpi = ChangeFromBaseline(
        kind="change_from_baseline",
        **common("cj.fan", series("fan", "percent")),
        change=10,
        unit="pp",
        deadline=2033,
        baseline_period="2024",
    )
    a = assess_kpi(kpi, {"fan": pts(2025, [57.0])})
    assert (a.verdict.status, a.verdict.reason) == ("not_available", "no_baseline")


def _doctorates(criterion: str = "best_peer") -> RelativeToPeers:
    return RelativeToPeers(
        kind="relative_to_peers",
        **common(
            "talent.doctorates",
            series("jp", "per_million"),
            series("us", "per_million", "peer", "USA"),
            series("de", "per_million", "peer", "DEU"),
        ),
        criterion=criterion,
        deadline=2040,  # type: ignore[arg-type]
        interpretation=Target(
            value=300, unit="per_million", label=Text(ja="約300人", en="about 300")
        ),
    )


def test_relative_to_peers_follows_the_gap_over_time() -> None:
    data = {
        "jp": pts(2015, [120, 121, 122, 123]),
        "us": pts(2015, [280, 290, 300, 310, 320]),
        "de": pts(2015, [330, 330, 330]),
    }
    a = assess_kpi(_doctorates(), data)
    v = a.verdict
    gaps = v.peer_gaps
    # Germany's latest (330, 2017) beats the US's (320, 2019): the bar for "world top level".
    assert [g.benchmark_series for g in gaps] == ["de", "de", "de", "de"]
    assert gaps[0].ratio == pytest.approx(120 / 330)
    assert gaps[-1].ratio == pytest.approx(123 / 330)
    assert v.status in ("limited_progress", "deterioration")
    assert "moving_target" in v.notes
    assert a.supporting and a.supporting[0].target == 300.0
    assert a.forecast is not None and a.forecast.target == 330.0


def test_world_top_level_is_at_or_above_the_best_peers_latest_value() -> None:
    data = {"jp": pts(2015, [300, 335]), "us": pts(2015, [320, 330]), "de": pts(2015, [330, 334])}
    assert assess_kpi(_doctorates(), data).verdict.status == "target_achieved"
    data["de"] = pts(2015, [330, 334, 336])  # a newer, higher peer value
    assert assess_kpi(_doctorates(), data).verdict.status != "target_achieved"


def test_relative_to_peers_without_peer_data() -> None:
    a = assess_kpi(_doctorates(), {"jp": pts(2015, [120, 121])})
    assert (a.verdict.status, a.verdict.reason) == ("not_available", "no_peer_data")


def test_level_without_deadline_is_a_natural_limit_for_open_sdg() -> None:
    """AI利活用率 概ね100 %: no year, so the target is a limit, not a 2030 deadline."""
    kpi = Level(
        kind="level",
        **common("ai.use", series("ai", "percent")),
        target=Target(value=100, unit="percent", approximate=True),
    )
    a = assess_kpi(kpi, {"ai": pts(2023, [46.8, 47.3])})
    v = a.verdict
    assert v.rule == "no_target" and v.target_year is None
    c = 1 - (46.8 / 100) ** 4.44
    assert v.thresholds["coefficient"] == pytest.approx(c, abs=1e-9)
    assert v.observed_rate == pytest.approx(47.3 / 46.8 - 1)  # +1.07 %: ≥ 0.5 %·C, < 1.5 %·C
    assert v.status == "moderate_progress"
    assert a.forecast is not None and a.forecast.reason == "too_few_points"  # two points


def test_level_without_deadline_met_and_held() -> None:
    kpi = Level(
        kind="level",
        **common("ai.use", series("ai", "percent")),
        target=Target(value=100, unit="percent"),
    )
    data = {"ai": pts(2020, [97, 98, 99.5, 99.6])}
    assert assess_kpi(kpi, data, method="unsd").verdict.status == "target_achieved"  # within 1 pp
    assert assess_kpi(kpi, data, method="dns").verdict.rule == "hold"
    eurostat = assess_kpi(kpi, {"ai": pts(2020, [100, 100])}, method="eurostat").verdict
    assert "target_met_no_category" in eurostat.notes


def test_direction_only() -> None:
    kpi = DirectionOnly(
        kind="direction", **common("ai.rd", series("rd", "jpy_oku")), direction="increase"
    )
    a = assess_kpi(kpi, {"rd": pts(2018, [100, 104, 108, 112])})
    assert a.verdict.rule == "no_target" and a.verdict.status == "substantial_progress"
    assert a.forecast is not None and a.forecast.status == "improving"


def test_a_kpi_without_data_says_so() -> None:
    kpi = DirectionOnly(
        kind="direction", **common("ai.rd", series("rd", "jpy_oku")), direction="increase"
    )
    v = assess_kpi(kpi, {}).verdict
    assert (v.status, v.reason) == ("not_available", "no_data")
    assert "観測値がない" in v.explain().ja


def test_count_to_reach_from_zero() -> None:
    """コンテンツ地方創生拠点 約200カ所 by 2033, 0 at plan time."""
    kpi = CountToReach(
        kind="count_to_reach",
        **common("cj.hubs", series("hubs", "count")),
        target=Target(value=200, unit="count", approximate=True),
        deadline=2033,
        baseline=fig(0, "count", "2025"),
    )
    a = assess_kpi(kpi, {"hubs": pts(2025, [0, 30])})
    v = a.verdict
    assert (v.method, v.observed_rate, v.required_rate) == ("linear", 30.0, 25.0)
    assert v.status == "substantial_progress"


def test_count_to_reach_without_a_year() -> None:
    kpi = CountToReach(
        kind="count_to_reach",
        **common("sme", series("sme", "enterprises")),
        target=Target(value=14000, unit="enterprises"),
    )
    a = assess_kpi(kpi, {"sme": pts(2022, [9000, 10000, 11000])})
    assert a.verdict.rule == "no_target" and a.verdict.target == 14000
    assert assess_kpi(kpi, {"sme": pts(2022, [13000, 14500])}).verdict.status == "target_achieved"


def test_monitor_is_trend_only() -> None:
    kpi = Monitor(kind="monitor", **common("piracy.customs", series("customs", "count")))
    v = assess_kpi(kpi, {"customs": pts(2015, [20 + 1.3 * i for i in range(10)])}).verdict
    assert (v.method, v.status, v.target) == ("trend", "rising", None)


def test_pending_says_it_is_pending() -> None:
    kpi = Pending(
        kind="pending",
        **common("creation.investment.pending"),
        pending_until=Text(ja="第7期基本計画の数値目標", en="the 7th basic plan's targets"),
    )
    a = assess_kpi(kpi, {})
    assert a.verdict.status == "pending"
    assert "7th basic plan" in a.verdict.explain().en and a.forecast is None


@pytest.mark.parametrize(
    ("status", "done_on", "today", "expected"),
    [
        ("done", "2025-06", "2025-07-01", "done"),
        ("unknown", None, "2025-06-30", "on_schedule"),
        ("not_done", None, "2025-07-01", "overdue"),
        ("unknown", None, "2025-07-01", "overdue_check"),
    ],
)
def test_milestone(status: str, done_on: str | None, today: str, expected: str) -> None:
    kpi = Milestone(
        kind="milestone",
        **common("data.basic_policy"),
        due="2025-06",
        status=status,
        done_on=done_on,
    )  # type: ignore[arg-type]
    v = assess_kpi(kpi, {}, today=dt.date.fromisoformat(today)).verdict
    assert v.status == expected
    assert "2025-06" in v.explain().en


def test_a_milestone_done_late_is_noted() -> None:
    kpi = Milestone(
        kind="milestone", **common("m"), due="2025-06", status="done", done_on="2025-09"
    )
    assert assess_kpi(kpi, {}, today=dt.date(2026, 1, 1)).verdict.notes == ("done_late",)


def test_a_break_in_the_series_is_noted() -> None:
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("agri", series("agri", "jpy_oku")),
        target=Target(value=5, unit="兆円"),
        deadline=2030,
    )
    data = {"agri": pts(2018, [9068, 9121, 9860, 12382, 14140], **{"2021": ["break_in_series"]})}
    assert "break_in_series" in assess_kpi(kpi, data).verdict.notes


def test_deadline_already_past() -> None:
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("x", series("x", "count")),
        target=Target(value=100, unit="count"),
        deadline=2020,
    )
    a = assess_kpi(kpi, {"x": pts(2015, [10, 20, 30, 40, 50, 60, 70])})
    assert "deadline_passed" in a.verdict.notes
    assert a.forecast is not None and a.forecast.status == "missed"


def test_unit_mismatch_is_not_guessed() -> None:
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("x", series("x", "persons")),
        target=Target(value=20, unit="兆円"),
        deadline=2033,
    )
    v = assess_kpi(kpi, {"x": pts(2020, [1, 2])}).verdict
    assert (v.status, v.reason) == ("not_available", "unit_mismatch")


def test_duplicate_periods_are_an_error() -> None:
    kpi = Monitor(kind="monitor", **common("m", series("m", "count")))
    with pytest.raises(ValueError, match="2024 appears more than once"):
        assess_kpi(kpi, {"m": [Point.at("2024", 1), Point.at("FY2024", 2)]})


def test_each_headline_method_works_on_each_kind() -> None:
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        **common("x", series("x", "count")),
        target=Target(value=100, unit="count"),
        deadline=2030,
    )
    data = {"x": pts(2015, [10, 20, 30, 40, 50, 60, 70])}
    methods = {
        m: assess_kpi(kpi, data, method=m).verdict.method
        for m in ("opensdg", "eurostat", "unsd", "dns")
    }
    assert methods == {m: m for m in methods}
    with pytest.raises(ValueError, match="unknown headline method"):
        assess_kpi(kpi, data, method="forecast")
