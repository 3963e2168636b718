"""Forecasts that respect what the quantity can be: shares 0–100 %, ranks ≥ 1, counts ≥ 0."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipkpi.assessment import SeriesBatch, assess
from ipkpi.units import bounds

from .helpers import one


def test_units_know_their_bounds() -> None:
    assert bounds("percent") == (0.0, 100.0)
    assert bounds("rank") == (1.0, None)
    assert bounds("jpy_cho") == (0.0, None)
    assert bounds("count_million") == (0.0, None)
    assert bounds("per_million") == (0.0, None)
    assert bounds("pp") == (None, None)
    assert bounds("no such unit") == (None, None)


def test_a_rising_share_is_fitted_on_the_logit_scale() -> None:
    years = list(range(2015, 2025))
    # A logistic curve: logit(y/100) = −2 + 0.3·(t − 2015); its projection stays below 100 %.
    values = [100 / (1 + math.exp(2 - 0.3 * i)) for i in range(10)]
    v = one("forecast", years, values, "increase", target=99, target_year=2040, lower=0, upper=100)
    assert "logit_space" in v.notes
    assert v.rate_kind == "change"
    assert v.projected_value == pytest.approx(100 / (1 + math.exp(2 - 0.3 * 25)))
    assert v.interval_high is not None and v.interval_high < 100
    # The change a year of the fitted curve over the window, in points.
    assert v.observed_rate == pytest.approx((values[-1] - values[0]) / 9)


def test_a_linear_fit_touching_zero_is_cut_at_zero_and_says_so() -> None:
    years = [2019, 2020, 2021, 2022, 2023]
    values = [40.0, 30.0, 22.0, 9.0, 0.0]  # a share falling to 0 %: no logit, a line below 0
    v = one("forecast", years, values, "increase", target=50, target_year=2030, lower=0, upper=100)
    assert v.projected_value == 0.0 and v.interval_low == 0.0
    assert "interval_cut_at_bound" in v.notes


def test_a_rank_is_fitted_in_log_space_and_never_beats_first_place() -> None:
    v = one(
        "forecast",
        [2019, 2020, 2021, 2022, 2023],
        [13, 13, 13, 13, 12],
        "decrease",
        target=4,
        target_year=2035,
        lower=1,
        model="linear",
    )
    assert "log_space" in v.notes and v.rate_kind == "change"
    assert v.interval_low is not None and v.interval_low >= 1
    assert v.observed_rate == pytest.approx(v.observed_rate)  # a number, in places a year
    assert v.observed_rate is not None and -1 < v.observed_rate < 0


finite = st.floats(min_value=0.0, max_value=100.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(finite, min_size=4, max_size=12),
    target=st.floats(min_value=0.0, max_value=100.0),
    horizon=st.integers(min_value=1, max_value=30),
    direction=st.sampled_from([1, -1]),
    model=st.sampled_from(["auto", "linear"]),
)
def test_share_forecasts_never_leave_0_to_100(
    values: list[float], target: float, horizon: int, direction: int, model: str
) -> None:
    n = len(values)
    years = np.arange(2010, 2010 + n, dtype=float)
    batch = SeriesBatch.build(
        years,
        values,
        [0, n],
        direction=[direction],
        target=[target],
        target_year=[2010 + n - 1 + horizon],
    )
    table = assess(batch, "forecast", lower=0.0, upper=100.0, model=model)
    for name in ("projected", "interval_low", "interval_high"):
        x = table.extra[name][0]
        assert np.isnan(x) or 0.0 <= x <= 100.0, (name, x)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(min_value=0.0, max_value=1e9), min_size=4, max_size=12),
    lower=st.sampled_from([0.0, 1.0]),
    horizon=st.integers(min_value=1, max_value=30),
    direction=st.sampled_from([1, -1]),
    model=st.sampled_from(["auto", "linear"]),
)
def test_counts_and_ranks_never_go_below_their_bound(
    values: list[float], lower: float, horizon: int, direction: int, model: str
) -> None:
    values = [max(v, lower) for v in values]
    n = len(values)
    batch = SeriesBatch.build(
        np.arange(2010, 2010 + n, dtype=float),
        values,
        [0, n],
        direction=[direction],
        target=[lower + 1.0],
        target_year=[2010 + n - 1 + horizon],
    )
    table = assess(batch, "forecast", lower=lower, model=model)
    for name in ("projected", "interval_low", "interval_high"):
        x = table.extra[name][0]
        assert np.isnan(x) or x >= lower, (name, x)
