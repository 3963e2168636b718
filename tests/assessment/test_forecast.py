"""Trend projection with a prediction interval and a probability (forecast, trend)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ipkpi.assessment.student_t import t_cdf, t_quantile

from .helpers import one


def test_student_t_matches_published_tables() -> None:
    q = t_quantile(0.95, np.arange(1, 9))
    assert q == pytest.approx(
        [6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595], abs=1e-4
    )
    assert t_cdf([0.0, 1.0, -2.0], [5, 2, 3]) == pytest.approx(
        [0.5, 0.5 + 0.5 / math.sqrt(3), 0.069663], abs=1e-6
    )


def test_log_linear_recovers_a_constant_growth_rate() -> None:
    years = list(range(2015, 2025))
    values = [5.8 * 1.04**i for i in range(10)]
    v = one("forecast", years, values, "increase", target=20, target_year=2033)
    assert v.rate_kind == "growth"
    assert v.observed_rate == pytest.approx(0.04)
    assert v.projected_value == pytest.approx(values[-1] * 1.04**9)
    assert v.interval_low == pytest.approx(v.projected_value)  # a perfect fit: no spread
    assert v.probability == 0.0
    assert v.status == "off_track"
    assert v.pace_needed == pytest.approx((20 / values[-1]) ** (1 / 9) - 1)
    assert v.pace_recent == pytest.approx(0.04)


def test_interval_and_probability_from_a_noisy_linear_series() -> None:
    years = np.arange(2015, 2025, dtype=float)
    noise = np.array([0.3, -0.2, 0.1, -0.4, 0.2, 0.0, -0.1, 0.3, -0.3, 0.1])
    values = 10 + 0.5 * (years - 2015) + noise
    v = one(
        "forecast",
        list(years),
        list(values),
        "increase",
        target=18,
        target_year=2030,
        model="linear",
    )
    slope, intercept = np.polyfit(years - 2024, values, 1)
    centre = intercept + slope * 6
    resid = values - (intercept + slope * (years - 2024))
    s = math.sqrt((resid**2).sum() / 8)
    x = years - 2024
    se = s * math.sqrt(1 + 1 / 10 + (6 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
    assert v.projected_value == pytest.approx(centre)
    assert v.interval_high == pytest.approx(centre + 1.859548 * se, rel=1e-5)
    expected = 1 - float(t_cdf([(18 - centre) / se], [8])[0])
    assert v.probability == pytest.approx(expected)
    assert v.status == ("on_track" if centre >= 18 else "off_track")


@pytest.mark.parametrize("n", [2, 3])
def test_fewer_than_four_points_give_no_forecast(n: int) -> None:
    years, values = [2019, 2021, 2023][-n:], [4.0, 4.5, 5.0][-n:]
    v = one("forecast", years, values, "increase", target=10, target_year=2030)
    assert (v.status, v.reason) == ("not_available", "too_few_points")
    assert (v.projected_value, v.interval_low, v.probability) == (None, None, None)
    assert one("trend", years, values, None).reason == "too_few_points"


def test_statuses_with_a_target() -> None:
    years = [2018, 2020, 2022, 2024]
    met = one("forecast", years, [4, 6, 8, 12], "increase", target=10, target_year=2030)
    away = one("forecast", years, [9.5, 9, 8, 7], "increase", target=10, target_year=2030)
    missed = one("forecast", years, [4, 4.5, 4.8, 5], "increase", target=10, target_year=2023)
    assert met.status == "target_met"
    assert away.status == "moving_away"
    assert (missed.status, missed.projected_value) == ("missed", None)


def test_without_a_target_the_slope_must_be_clear() -> None:
    years = list(range(2015, 2025))
    rising = one("forecast", years, [10 + i for i in range(10)], "decrease")
    noisy = one("forecast", years, [10, 12, 9, 11, 10, 12, 9, 11, 10, 11], "increase")
    assert rising.status == "worsening"
    assert noisy.status == "no_clear_trend"


def test_non_positive_values_use_the_linear_model() -> None:
    v = one(
        "forecast", [2019, 2020, 2021, 2022], [-2, -1, 0, 1], "increase", target=3, target_year=2025
    )
    assert v.rate_kind == "change" and v.observed_rate == pytest.approx(1.0)


def test_rank_projection_is_capped_at_first_place() -> None:
    v = one(
        "forecast",
        [2020, 2021, 2022, 2023],
        [8, 6, 4, 2],
        "decrease",
        target=1,
        target_year=2030,
        limit=1,
        model="linear",
    )
    assert v.projected_value == 1.0 and "clipped_to_limit" in v.notes


def test_trend_needs_no_direction() -> None:
    v = one("trend", list(range(2012, 2025)), [20 + 1.1 * i for i in range(13)], None)
    assert v.status == "rising"
    assert one("trend", [2024], [3], None).reason == "single_observation"
