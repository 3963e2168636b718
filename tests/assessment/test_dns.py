"""Destatis weather symbols (progress-methods.md §5.2)."""

from __future__ import annotations

import pytest

from .helpers import one

YEARS = list(range(2019, 2025))  # six points, five annual changes


def _level(last_changes: list[float], start: float = 10.0) -> list[float]:
    values = [start]
    for c in last_changes:
        values.append(values[-1] + c)
    return values


def test_projection_uses_the_mean_of_the_last_five_changes() -> None:
    # 10 → 15 over 2019–2024: mean change +1 a year; by 2030 (6 years): 21.
    v = one("dns", YEARS, _level([1, 1, 1, 1, 1]), "increase", target=21.2, target_year=2030)
    assert v.observed_rate == pytest.approx(1.0)
    assert v.projected_value == pytest.approx(21.0)
    assert v.progress == pytest.approx(0.2 / 6.2)
    assert v.status == "sun"  # 3 % of the gap missed: < 5 %


@pytest.mark.parametrize(
    ("target", "status"),
    [
        (21.0, "sun"),  # met exactly
        (21.3, "sun"),  # 0.3 / 6.3 = 4.8 % short
        (21.35, "sun_cloud"),  # 0.35 / 6.35 = 5.5 %
        (22.5, "sun_cloud"),  # 1.5 / 7.5 = 20 % exactly: 5–20 % includes 20
        (23.0, "cloud"),  # 2 / 8 = 25 %, right direction
    ],
)
def test_projection_bands(target: float, status: str) -> None:
    v = one("dns", YEARS, _level([1, 1, 1, 1, 1]), "increase", target=target, target_year=2030)
    assert v.status == status


def test_wrong_direction_or_no_change_is_a_thunderstorm() -> None:
    away = one("dns", YEARS, _level([-1, 0, -1, 0, -1]), "increase", target=30, target_year=2030)
    flat = one("dns", YEARS, _level([1, -1, 0, 0, 0]), "increase", target=30, target_year=2030)
    assert away.status == "thunderstorm"
    assert flat.observed_rate == 0 and flat.status == "thunderstorm"


@pytest.mark.parametrize(
    ("changes", "target", "status"),
    [
        ([1, 1, 1, 1, 1], 12, "sun"),  # met (15 ≥ 12), trend no setback
        ([1, 1, 1, -3, -1], 7, "sun_cloud"),  # met (9 ≥ 7), mean −0.2: setback
        ([1, -1, 1, -1, 0], 12, "cloud"),  # not met, mean 0: not moving away
        ([-1, -1, 0, 0, -1], 12, "thunderstorm"),  # not met, moving away
    ],
)
def test_target_to_hold_every_year(changes: list[float], target: float, status: str) -> None:
    v = one("dns", YEARS, _level(changes), "increase", target=target)
    assert v.rule == "hold"
    assert v.status == status


def test_a_dated_target_already_met_uses_the_hold_rule() -> None:
    v = one("dns", YEARS, _level([1, 1, 1, 1, 1]), "increase", target=12, target_year=2030)
    assert (v.rule, v.status) == ("hold", "sun")


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ([1, 1, 1, 1, 1], "sun"),
        ([1, 1, 1, 1, -1], "sun_cloud"),
        ([1, 1, 1, 1, 0], "sun_cloud"),
        ([-1, -1, -1, -1, 2], "cloud"),
        ([-1, 1, -1, 1, 0], "thunderstorm"),
    ],
)
def test_direction_only_matrix(changes: list[float], status: str) -> None:
    v = one("dns", YEARS, _level(changes), "increase")
    assert (v.rule, v.status) == ("direction", status)


def test_decrease_is_the_mirror_image() -> None:
    up = one("dns", YEARS, _level([1, 1, 1, 1, 1]), "increase", target=22.5, target_year=2030)
    down = one(
        "dns",
        YEARS,
        [-x for x in _level([1, 1, 1, 1, 1])],
        "decrease",
        target=-22.5,
        target_year=2030,
    )
    assert (up.status, up.progress) == (down.status, down.progress)


def test_four_consecutive_points_are_the_minimum() -> None:
    four = one("dns", [2021, 2022, 2023, 2024], [1, 2, 3, 4], "increase")
    assert four.status == "sun" and "short_window" in four.notes
    assert four.observed_rate == pytest.approx(1.0)
    gap = one("dns", [2018, 2019, 2020, 2022, 2023, 2024], [1, 2, 3, 5, 6, 7], "increase")
    assert (gap.status, gap.reason) == ("not_available", "too_few_consecutive")


def test_window_is_the_last_six_points() -> None:
    v = one("dns", list(range(2010, 2025)), [0] * 9 + [10, 11, 12, 13, 14, 15], "increase")
    assert v.base_year == 2019 and v.observed_rate == pytest.approx(1.0)


def test_a_past_target_year_leaves_no_years_to_catch_up() -> None:
    v = one("dns", YEARS, _level([1, 1, 1, 1, 1]), "increase", target=16, target_year=2023)
    assert v.projected_value == pytest.approx(15.0)
    assert v.status == "cloud" and "deadline_passed" in v.notes
