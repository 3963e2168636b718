"""UNSD progress chart, as EUSTAT re-implements it (progress-methods.md §5.1)."""

from __future__ import annotations

import numpy as np
import pytest

from ipkpi.assessment.methods.unsd import TARGET_THRESHOLDS, TREND_THRESHOLDS, bands

from .helpers import first_status, one


def test_projection_ratio() -> None:
    v = one("unsd", [2015, 2020], [40, 50], "increase", target=100, target_year=2030)
    cagr = (50 / 40) ** (1 / 5) - 1
    projected = 50 * (1 + cagr) ** 10
    assert v.projected_value == pytest.approx(projected)
    assert v.progress == pytest.approx((projected - 40) / (100 - 40))
    assert (v.status, v.score) == ("acceleration_needed", 2.0)


def test_target_bands() -> None:
    r = np.array([0.95, 0.9499, 0.10, 0.0999])
    assert first_status(bands(r, TARGET_THRESHOLDS)) == [
        "on_track",
        "acceleration_needed",
        "acceleration_needed",
        "stagnation_or_regression",
    ]


def test_no_target_bands_mirror_for_decrease() -> None:
    # increase: ≥ 2 % → 3; [0.5 %, 2 %) → 2; < 0.5 % → 1.
    # decrease: ≤ −2 %; (−2 %, −0.5 %]; > −0.5 %.
    x = np.array([0.02, 0.0199, 0.005, 0.0049])
    expected = [
        "on_track",
        "acceleration_needed",
        "acceleration_needed",
        "stagnation_or_regression",
    ]
    assert first_status(bands(x, TREND_THRESHOLDS)) == expected
    rising = one("unsd", [2015, 2020], [100, 100 * 1.02**5], "increase")
    falling = one("unsd", [2015, 2020], [100, 100 * 0.98**5], "decrease")
    assert rising.status == "on_track"
    assert falling.status == "on_track"
    slow = one("unsd", [2015, 2020], [100, 100 * 0.996**5], "decrease")
    assert slow.status == "stagnation_or_regression"


def test_latest_meeting_the_target_is_achieved_whatever_the_trend() -> None:
    v = one("unsd", [2015, 2020], [90, 85], "increase", target=80, target_year=2030)
    assert (v.status, v.score) == ("target_achieved", 3.0)


def test_within_one_point_of_a_100_percent_target() -> None:
    v = one("unsd", [2015, 2020], [95, 99.2], "increase", target=100, target_year=2030)
    assert v.status == "target_achieved"
    assert {"within_1pp", "percent_assumed"} <= set(v.notes)
    counts = one(
        "unsd", [2015, 2020], [95, 99.2], "increase", target=100, target_year=2030, percent=False
    )
    assert counts.status != "target_achieved"


def test_base_year_falls_back_after_then_before_2015() -> None:
    after = one("unsd", [2012, 2016, 2020], [10, 11, 12], "increase")
    assert after.base_year == 2016.0 and "base_year_fallback" in after.notes
    before = one("unsd", [2012, 2020], [10, 12], "increase")
    assert before.base_year == 2012.0 and "base_year_before" in before.notes


def test_base_before_2015_steps_back_past_the_current_value() -> None:
    # §5.1: "first year after or before 2015 that still gives ≥2 values". With every value
    # before 2015 the nearest earlier year is the current one; the base is the year before it.
    v = one("unsd", [2011, 2012, 2013, 2014], [10, 11, 12, 13], "increase")
    assert (v.base_year, v.current_year) == (2013.0, 2014.0)
    assert v.observed_rate == pytest.approx(13 / 12 - 1)
    assert (v.status, v.score) == ("on_track", 3.0)
    assert "base_year_before" in v.notes
    # The same when a passed target year makes an earlier point the current one.
    past = one(
        "unsd",
        [2009, 2011, 2019, 2020, 2024],
        [10, 11, 14, 15, 17],
        "increase",
        target=20,
        target_year=2018,
        base_year=2012,
    )
    assert (past.base_year, past.current_year) == (2009.0, 2011.0)
    assert "deadline_passed" in past.notes


def test_target_year_already_past_assesses_up_to_the_target_year() -> None:
    v = one(
        "unsd", [2015, 2018, 2020, 2023], [10, 13, 14, 20], "increase", target=18, target_year=2020
    )
    # 2023 (20) would meet the target; the assessment stops at 2020: (14 − 10)/(18 − 10).
    assert v.current_year == 2020.0
    assert v.progress == pytest.approx(0.5)
    assert v.status == "acceleration_needed"
    assert "deadline_passed" in v.notes


def test_target_equal_to_base_is_stagnation_without_a_ratio() -> None:
    v = one("unsd", [2015, 2020], [50, 48], "increase", target=50, target_year=2030)
    assert (v.status, v.progress) == ("stagnation_or_regression", None)
    assert "target_equals_base" in v.notes


def test_base_beyond_target_then_regressing_is_not_read_as_progress() -> None:
    # Higher is better, target 8, base 10 (met), now 7: the published ratio would be > 1.
    v = one("unsd", [2015, 2020], [10, 7], "increase", target=8, target_year=2030)
    assert v.progress is not None and v.progress < 0
    assert v.status == "stagnation_or_regression"


def test_sign_change_and_zero_base_are_not_assessed() -> None:
    assert one("unsd", [2015, 2020], [-2, 3], "increase").reason == "non_positive"
    assert one("unsd", [2015, 2020], [0, 3], "increase").reason == "zero_base"
