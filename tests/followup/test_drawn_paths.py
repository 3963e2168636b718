"""The paths a KPI chart draws: needed (from the latest, at the printed pace), projected."""

from __future__ import annotations

import pytest

from ipkpi.assessment import assess_series
from ipkpi.followup.drawn_paths import projected_path, required_path

GOAL = {"direction": "increase", "target": 50.0, "target_year": 2033.0}


def test_the_projection_is_the_forecast_with_its_interval() -> None:
    # Four totals growing about 10 % a year: the forecast has an interval, the path is drawn.
    years, values = [2021, 2022, 2023, 2024], [20.0, 22.1, 24.2, 26.6]
    forecast = assess_series((years, values), "forecast", **GOAL)  # type: ignore[arg-type]
    start, end = projected_path([forecast])
    assert (start.year, start.value) == (2024.0, 26.6)
    assert (end.year, end.value) == (2033.0, pytest.approx(forecast.projected_value))
    assert end.low is not None and end.high is not None and end.low < end.value < end.high


def test_two_points_or_another_methods_rate_draw_no_projection() -> None:
    # Cool Japan's two totals (19.1 → 27.1 兆円, +41.9 %): carried to 2033 that rate would draw
    # 631 兆円. The forecast gives nothing from two points; UNSD's projection is a bare CAGR.
    years, values = [2023, 2024], [19.1, 27.1]
    forecast = assess_series((years, values), "forecast", **GOAL)  # type: ignore[arg-type]
    unsd = assess_series((years, values), "unsd", **GOAL)  # type: ignore[arg-type]
    assert (forecast.reason, forecast.projected_value) == ("too_few_points", None)
    assert unsd.projected_value == pytest.approx(27.1 * (27.1 / 19.1) ** 9)
    assert projected_path([unsd, forecast]) == ()


def test_the_required_path_compounds_from_the_latest_at_the_printed_pace() -> None:
    opensdg = assess_series(([2015, 2020], [10.0, 12.0]), "opensdg", **GOAL)  # type: ignore[arg-type]
    path = required_path([opensdg], "")
    assert (path[0].year, path[0].value) == (2020.0, 12.0)
    assert (path[-1].year, path[-1].value) == (2033.0, pytest.approx(50.0))
    middle = path[len(path) // 2]
    assert opensdg.pace_needed is not None
    assert middle.value == pytest.approx(12.0 * (1 + opensdg.pace_needed) ** (middle.year - 2020))
