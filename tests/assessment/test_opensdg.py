"""Open SDG / Statistics Canada progress measure (progress-methods.md §4 and §7)."""

from __future__ import annotations

import numpy as np
import pytest

from ipkpi.assessment import Verdict, assess, assess_series
from ipkpi.assessment.methods.opensdg import bands, limit_coefficient, target_score, trend_score

from .helpers import first_status, fixture_batch, one

# §7 worked examples; the series are named after the public Open SDG fixtures they come from.
WORKED = {
    # A: sdg-build PR #318, tests/assets/progress-calculation/data/indicator_1-1-1.csv.
    # The fixture sets no direction: Open SDG's default, lower is better (direction_defaulted).
    "sdg-build_pr318_indicator_1-1-1": ("deterioration", -5.0, -0.2, 0.2, None),
    # B: sdg-build indicator_3-3-3.csv, target 0 → 0.001.
    "sdg-build_indicator_3-3-3": ("deterioration", -2.9408, -0.105788, 0.040962, -0.387211),
    # C: sdg-build temp/indicator_1-2-1.csv, score capped at 5.
    "sdg-build_temp_indicator_1-2-1": ("substantial_progress", 5.0, 1.91409, -0.086437, -0.045158),
    # D: sdg-build temp/indicator_3-2-1.csv, already below its target.
    "sdg-build_temp_indicator_3-2-1": ("target_achieved", 5.0, None, None, None),
    # E: open-sdg tests/data/data/indicator_1-5-3.csv (also in ProgressStatus.feature).
    "open-sdg_indicator_1-5-3": ("deterioration", -5.0, -14.0544, None, None),
    # F: open-sdg tests/data/data/indicator_1-5-4.csv (also in ProgressStatus.feature).
    "open-sdg_indicator_1-5-4": ("substantial_progress", 5.0, 5.00455, None, None),
}


@pytest.fixture(scope="module")
def worked() -> dict[str, Verdict]:
    table = assess(fixture_batch("worked_examples"), "opensdg")
    return {v.subject: v for v in table.verdicts()}


@pytest.mark.parametrize("source", list(WORKED))
def test_worked_examples_of_section_7(worked: dict[str, Verdict], source: str) -> None:
    status, score, progress, observed, required = WORKED[source]
    v = worked[source]
    assert v.status == status
    assert v.score == pytest.approx(score, abs=1e-4)
    if progress is not None:
        assert v.progress == pytest.approx(progress, abs=1e-4)
    if observed is not None:
        assert v.observed_rate == pytest.approx(observed, abs=1e-6)
    if required is not None:
        assert v.required_rate == pytest.approx(required, abs=1e-6)


def test_example_a_falls_back_to_the_first_year_after_2015(worked: dict[str, Verdict]) -> None:
    v = worked["sdg-build_pr318_indicator_1-1-1"]
    assert v.base_year == 2020
    assert "base_year_fallback" in v.notes


def test_example_b_computes_a_zero_target_as_one_thousandth(worked: dict[str, Verdict]) -> None:
    v = worked["sdg-build_indicator_3-3-3"]
    assert v.target == 0.001
    assert "target_zero_replaced" in v.notes


@pytest.mark.parametrize(
    ("base", "coefficient"),
    [(95, 0.2037), (50, 0.9539), (100, 0.0), (150, 0.9539), (200, 1.0), (250, 1.0)],
)
def test_limit_coefficient_illustration(base: float, coefficient: float) -> None:
    """§7: base/limit = 95/100 → 0.2037; 50 → 0.9539; 100 → 0; 150 → 0.9539; ≥ 200 → 1."""
    c = limit_coefficient(np.array([base], dtype=float), np.array([100.0]))
    assert c[0] == pytest.approx(coefficient, abs=1e-4)


def test_limit_scales_the_no_target_thresholds() -> None:
    # Base 95 of a 100 limit: C = 0.2037, so +0.5 % a year is already "on track".
    v = one("opensdg", [2015, 2016], [95, 95.475], "increase", limit=100)
    assert v.thresholds["high"] == pytest.approx(0.015 * 0.2037, abs=1e-5)
    assert v.thresholds["coefficient"] == pytest.approx(0.2037, abs=1e-4)
    assert v.status == "substantial_progress"
    assert v.score == pytest.approx(min(500 * 0.005 / 0.20372 - 5, 5), abs=1e-3)


def test_base_at_the_limit_holding_on_is_on_track_with_score_5() -> None:
    v = one("opensdg", [2015, 2016], [100, 100], "increase", limit=100)
    assert (v.status, v.score) == ("substantial_progress", 5.0)


def test_a_limit_is_ignored_when_a_target_is_given() -> None:
    v = one("opensdg", [2015, 2016], [50, 52], "increase", target=60, target_year=2030, limit=100)
    assert "limit_ignored" in v.notes
    assert "coefficient" not in v.thresholds


def test_boundaries_are_lower_inclusive() -> None:
    p = np.array([0.95, 0.9499, 0.6, 0.5999, 0.0, -1e-12])
    assert first_status(bands(p, 0.95, 0.6, 0.0)) == [
        "substantial_progress",
        "moderate_progress",
        "moderate_progress",
        "limited_progress",
        "limited_progress",
        "deterioration",
    ]


def test_scores_follow_sdg_build() -> None:
    assert target_score(np.array([0.95]))[0] == pytest.approx(2.5, abs=1e-3)
    assert target_score(np.array([0.6, 0.0, -0.6, 1.3]))[:] == pytest.approx(
        [0.0, -2.5, -5.0, 5.0], abs=1e-3
    )
    one_ = np.ones(4)
    p = np.array([0.015, 0.005, 0.0, -0.02])
    scores = trend_score(p, one_, 0.015 * one_, 0.005 * one_, 0 * one_)
    assert scores == pytest.approx([2.5, 0.0, -2.5, -5.0])


def test_target_achieved_overrides_a_single_observation() -> None:
    v = one("opensdg", [2024], [30], "increase", target=20, target_year=2030)
    assert (v.status, v.score) == ("target_achieved", 5.0)


@pytest.mark.parametrize(
    ("years", "values", "kw", "reason"),
    [
        ([], [], {}, "no_data"),
        ([2020], [5], {}, "single_observation"),
        ([2010, 2012], [5, 6], {}, "base_after_current"),
        ([2014, 2015], [5, 6], {}, "too_short"),
        ([2015, 2020], [5, -1], {}, "sign_change"),
        ([2015, 2020], [-5, -4], {"target": 3}, "target_sign"),
        ([2015, 2020], [5, 6], {"target": 9, "target_year": 2015}, "target_year_not_after_base"),
    ],
)
def test_not_available_says_why(
    years: list[float], values: list[float], kw: dict[str, float], reason: str
) -> None:
    v = one("opensdg", years, values, "increase", **kw)
    assert (v.status, v.reason, v.score, v.progress) == ("not_available", reason, None, None)
    assert v.explain().en.endswith(".")


def test_no_direction_defaults_to_lower_is_better_as_in_open_sdg() -> None:
    # §4: "direction = +1 if configured positive, otherwise −1. The default is negative".
    # §7 example A: 2020 = 100, 2021 = 120, no target, direction not set → progress −0.2.
    v = one("opensdg", [2020, 2021], [100, 120], None)
    assert (v.status, v.score, v.progress) == ("deterioration", -5.0, pytest.approx(-0.2))
    assert "direction_defaulted" in v.notes
    assert one("opensdg", [2020, 2021], [100, 120], "decrease").progress == v.progress
    # The other methods document no default: not available.
    for method in ("eurostat", "unsd", "dns"):
        other = one(method, [2015, 2016, 2017, 2018, 2019, 2020], [1, 2, 3, 4, 5, 6], None)
        assert (other.status, other.reason) == ("not_available", "no_direction"), method


def test_zero_base_is_computed_as_one_thousandth() -> None:
    v = one("opensdg", [2015, 2016], [0, 2], "increase")
    assert "base_zero_replaced" in v.notes
    assert v.observed_rate == pytest.approx(2 / 0.001 - 1)
    assert v.status == "substantial_progress"


def test_target_equal_to_base_does_not_divide_by_zero() -> None:
    v = one("opensdg", [2015, 2020], [10, 9], "increase", target=10, target_year=2030)
    assert (v.status, v.score, v.progress) == ("deterioration", -5.0, None)
    assert v.required_rate == 0.0
    assert "target_equals_base" in v.notes


def test_base_already_beyond_the_target_then_falling_back_is_deterioration() -> None:
    # Lower is better, target 8, base 6 (already met), now 9: |CAGR_r| keeps the sign honest.
    v = one("opensdg", [2015, 2020], [6, 9], "decrease", target=8, target_year=2030)
    assert v.status == "deterioration"
    assert v.progress is not None and v.progress < 0
    assert "base_beyond_target" in v.notes


def test_all_negative_series_use_the_sign_device() -> None:
    # Net balance rising from −10 to −5, higher is better: progress despite falling |value|.
    v = one("opensdg", [2015, 2020], [-10, -5], "increase")
    assert v.progress == pytest.approx(-1 * 1 * ((0.5) ** (1 / 5) - 1))
    assert v.status == "substantial_progress"


def test_a_past_deadline_keeps_the_old_target_and_says_so() -> None:
    v = one("opensdg", [2015, 2024], [10, 14], "increase", target=20, target_year=2020)
    assert v.status == "limited_progress"
    assert "deadline_passed" in v.notes
    assert v.pace_needed is None


def test_fiscal_year_ranges_count_as_their_first_year() -> None:
    v = assess(fixture_batch("fiscal_year_ranges"), "opensdg").verdict(0)
    assert (v.base_period, v.base_year, v.current_period, v.current_year) == (
        "2014-15",
        2014.0,
        "FY2017",
        2017.0,
    )
    assert v.observed_rate == pytest.approx((8 / 10) ** (1 / 3) - 1)


def test_gaps_and_blank_values_use_the_next_year_with_data() -> None:
    v = assess(fixture_batch("gaps_and_blank_values"), "opensdg").verdict(0)
    assert (v.base_year, v.base_value, v.current_year) == (2016.0, 0.75, 2021.0)
    required = (5 / 0.75) ** (1 / 14) - 1
    assert v.progress == pytest.approx(((1.23 / 0.75) ** (1 / 5) - 1) / required)


def test_thresholds_can_be_overridden() -> None:
    v = one("opensdg", [2015, 2016], [100, 101], "increase")
    assert v.status == "moderate_progress"
    tight = assess(
        fixture_batch("worked_examples"), "opensdg", thresholds={"no_target": {"high": 0.5}}
    )
    assert tight.thresholds["no_target"]["high"] == 0.5


def test_the_target_score_changes_formula_at_the_configured_med_threshold() -> None:
    # sdg-build get_score: p ≥ med → 7.1429p − 4.2857, else 4.1667p − 2.5 (med 0.6 by default).
    # 2015 = 100, 2020 = 112, target 200 by 2030: p ≈ 0.485.
    cagr_o, cagr_r = 1.12 ** (1 / 5) - 1, 2 ** (1 / 15) - 1
    p = cagr_o / cagr_r
    assert 0.4 < p < 0.6
    default = one("opensdg", [2015, 2020], [100, 112], "increase", target=200, target_year=2030)
    assert default.status == "limited_progress"
    assert default.score == pytest.approx(4.1667 * p - 2.5)
    lowered = assess_series(
        ([2015, 2020], [100, 112]),
        "opensdg",
        direction="increase",
        target=200,
        target_year=2030,
        thresholds={"target": {"med": 0.4}},
    )
    assert lowered.status == "moderate_progress"
    assert lowered.score == pytest.approx(7.1429 * p - 4.2857)
