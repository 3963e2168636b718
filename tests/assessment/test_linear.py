"""The linear gap rule for ranks and counts (docs/assessment.md, §6 of progress-methods.md)."""

from __future__ import annotations

import pytest

from .helpers import one


def test_rank_gap_ratio() -> None:
    # GII-like: 13th in 2015, 11th in 2020, target 4th by 2035 (lower is better).
    v = one("linear", [2015, 2020], [13, 11], "decrease", target=4, target_year=2035)
    assert v.observed_rate == pytest.approx(-0.4)
    assert v.required_rate == pytest.approx(-9 / 20)
    assert v.progress == pytest.approx(0.4 / 0.45)
    assert v.status == "moderate_progress"
    assert v.rate_kind == "change"


def test_rank_at_or_better_than_target_is_achieved() -> None:
    v = one("linear", [2015, 2020], [13, 4], "decrease", target=4, target_year=2035)
    assert (v.status, v.score) == ("target_achieved", 5.0)


def test_count_from_zero_has_no_growth_rate_problem() -> None:
    v = one(
        "linear", [2025, 2026], [0, 20], "increase", target=200, target_year=2033, base_year=2025
    )
    assert v.progress == pytest.approx(20 / (200 / 8))
    assert v.status == "moderate_progress"


def test_needs_a_target() -> None:
    v = one("linear", [2015, 2020], [13, 11], "decrease")
    assert (v.status, v.reason) == ("not_available", "needs_target")


def test_target_equal_to_base() -> None:
    v = one("linear", [2015, 2020], [4, 6], "decrease", target=4, target_year=2035)
    assert (v.status, v.score, v.progress) == ("deterioration", -5.0, None)
