"""A pace reads in its kind's unit: a growth rate in %, a rank in places, a share in points."""

from __future__ import annotations

from ipkpi.wording import Wording, pace_kind, probability, rate


def test_each_kind_of_pace_reads_in_its_own_unit() -> None:
    # ux-review item 3: −18.1 %/年 printed as "-0.181百万アクセス/月", +7.0 % as "0.07042兆円".
    piracy = Wording.of("accesses_month_million", [140.0])
    assert rate(-0.181, "growth", piracy, "ja") == "年率-18.1%"
    assert rate(-0.181, "growth", piracy, "en") == "-18.1% a year"
    rank = Wording.of("rank", [13.0])
    assert rate(-0.8, "places", rank, "ja") == "年0.8位改善"
    assert rate(-0.8, "places", rank, "en") == "up 0.8 places a year"
    assert rate(0.5, "places", rank, "en") == "down 0.5 places a year"
    # GII 13th (2024) → 12th (2025): the report read "achieved up 1 places a year"
    assert rate(-1.0, "places", rank, "en") == "up 1 place a year"
    assert rate(-1.0, "places", rank, "ja") == "年1位改善"
    share = Wording.of("percent", [32.0])
    assert rate(1.2, "points", share, "ja") == "年+1.2ポイント"
    assert rate(1.2, "points", share, "en") == "+1.2 points a year"
    # The intangible share: 32 % (2020) to 50 % by 2035 is (50/32)^(1/15) − 1 = +3.0 % a year
    # (Open SDG's growth), 1.2 points a year: a share's growth rate says it is not points.
    needed = (50 / 32) ** (1 / 15) - 1
    assert rate(needed, "growth", share, "ja") == "年率+3.0%（伸び率）"
    assert rate(needed, "growth", share, "en") == "+3.0% a year (growth rate)"
    total = Wording.of("jpy_cho", [27.1])
    assert rate(0.42, "units", total, "ja") == "年+0.42兆円"
    assert rate(0.42, "units", total, "en") == "+0.42 trillion yen a year"


def test_the_kind_follows_the_method_and_the_unit() -> None:
    assert pace_kind("growth", "rank") == "growth"
    assert pace_kind("change", "rank") == "places"
    assert pace_kind("change", "percent") == "points"
    assert pace_kind("change", "jpy_cho") == "units"


def test_probabilities_are_never_a_false_zero_or_certainty() -> None:
    assert probability(0.02, "ja") == "2%" and probability(0.02, "en") == "2%"
    assert probability(0.001, "ja") == "1%未満" and probability(0.001, "en") == "under 1%"
    assert probability(0.999, "ja") == "99%超" and probability(0.999, "en") == "over 99%"
