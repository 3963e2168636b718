"""Eurostat's EU-SDG rules, as Statistics Canada's first method copies them (§1)."""

from __future__ import annotations

import numpy as np
import pytest

from ipkpi.assessment.methods.eurostat import target_bands, target_score, trend_bands, trend_score

from .helpers import first_status, one


def test_target_table_is_lower_inclusive() -> None:
    r = np.array([0.95, 0.94999, 0.6, 0.59999, 0.0, -1e-12])
    assert first_status(target_bands(r)) == [
        "substantial_progress",
        "moderate_progress",
        "moderate_progress",
        "negligible_progress",
        "negligible_progress",
        "deterioration",
    ]


def test_no_target_table_is_upper_inclusive() -> None:
    """§1: > 1 %; 0 < CAGR ≤ 1 %; −1 % < CAGR ≤ 0; ≤ −1 % — the reverse convention."""
    x = np.array([0.0101, 0.01, 1e-12, 0.0, -0.0099, -0.01])
    assert first_status(trend_bands(x)) == [
        "substantial_progress",
        "moderate_progress",
        "moderate_progress",
        "moderate_deterioration",
        "moderate_deterioration",
        "significant_deterioration",
    ]


def test_score_cut_offs() -> None:
    assert trend_score(np.array([0.02, -0.02, 0.01, 0.05])) == pytest.approx([5, -5, 2.5, 5])
    assert target_score(np.array([1.3, -0.6, 0.6, 0.95, 0.0, 2.0])) == pytest.approx(
        [5, -5, 0, 2.5, -2.5, 5]
    )


def test_short_term_base_is_five_years_before_the_latest() -> None:
    years = list(range(2010, 2025))
    values = [100 * 1.02**i for i in range(15)]
    v = one("eurostat", years, values, "increase")
    assert (v.base_year, v.current_year) == (2019.0, 2024.0)
    assert v.observed_rate == pytest.approx(0.02)
    assert (v.status, v.score) == ("substantial_progress", pytest.approx(5.0))


def test_ratio_with_a_target_has_no_absolute_value() -> None:
    # Lower is better, target 50 by 2030 from 100 in 2019; observed −5 % a year.
    years = list(range(2019, 2025))
    values = [100 * 0.95**i for i in range(6)]
    v = one("eurostat", years, values, "decrease", target=50, target_year=2030)
    required = 0.5 ** (1 / 11) - 1
    assert v.required_rate == pytest.approx(required)
    assert v.progress == pytest.approx(-0.05 / required)
    assert v.status == "moderate_progress"


def test_a_rate_exactly_on_a_threshold_follows_the_documented_side() -> None:
    # 101/100 − 1 is 0.010000000000000009 in binary; in decimal it is exactly 1 %: moderate.
    assert one("eurostat", [2023, 2024], [100, 101], "increase").status == "moderate_progress"
    assert one("eurostat", [2023, 2024], [100, 99], "increase").status == (
        "significant_deterioration"
    )


def test_decrease_without_target_mirrors_increase() -> None:
    falling = one("eurostat", [2019, 2024], [100, 100 * 0.99**5], "decrease")
    assert falling.progress == pytest.approx(0.01)
    assert falling.status == "moderate_progress"  # exactly 1 %: upper bound inclusive


def test_target_met_at_base_then_declining_is_forced_to_deterioration() -> None:
    """Statistics Canada rule 10: the formula would read the decline as progress."""
    v = one("eurostat", [2019, 2024], [12, 10], "increase", target=8, target_year=2030)
    assert v.progress is not None and v.progress > 0.95  # what the raw formula says
    assert v.status == "deterioration"
    assert v.score is None
    assert {"forced_deterioration", "base_beyond_target"} <= set(v.notes)


def test_zero_target_is_one_thousandth_and_zero_base_is_not_assessed() -> None:
    v = one("eurostat", [2019, 2024], [10, 5], "decrease", target=0, target_year=2030)
    assert v.target == 0.001
    assert v.status == "negligible_progress"
    w = one("eurostat", [2019, 2024], [0, 5], "increase")
    assert (w.status, w.reason) == ("not_available", "zero_base")


def test_negative_levels_are_not_assessed() -> None:
    v = one("eurostat", [2019, 2024], [-3, -2], "increase")
    assert (v.status, v.reason) == ("not_available", "non_positive")


def test_target_equal_to_base() -> None:
    up = one("eurostat", [2019, 2024], [10, 11], "increase", target=10, target_year=2030)
    down = one("eurostat", [2019, 2024], [10, 9], "increase", target=10, target_year=2030)
    assert (up.status, up.progress) == ("substantial_progress", None)
    assert (down.status, down.progress) == ("deterioration", None)


def test_missing_target_year_defaults_to_2030() -> None:
    v = one("eurostat", [2019, 2024], [10, 11], "increase", target=20)
    assert v.target_year == 2030.0
    assert "default_target_year" in v.notes
