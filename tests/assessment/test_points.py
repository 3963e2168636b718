"""Periods as the store writes them, and years as indicator tables write them."""

from __future__ import annotations

import pytest

from ipkpi.assessment.points import PeriodError, Point, period_year, table_year


@pytest.mark.parametrize(
    ("period", "year"),
    [
        ("2024", 2024.0),
        ("FY2024", 2024.0),
        ("2024-H1", 2024.0),
        ("2024-H2", 2024.5),
        ("2024-Q1", 2024.0),
        ("2024-Q3", 2024.5),
        ("2024-03", 2024 + 2 / 12),
        ("2024-03-15", 2024 + 74 / 366),
        ("2023-12-31", 2023 + 364 / 365),
    ],
)
def test_store_periods(period: str, year: float) -> None:
    assert period_year(period) == pytest.approx(year)


@pytest.mark.parametrize("bad", ["2024-13", "2024-Q5", "24", "2024-02-30", "FY24", ""])
def test_unknown_periods_are_errors(bad: str) -> None:
    with pytest.raises(PeriodError):
        period_year(bad)


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("2015", 2015.0),
        ("FY2015", 2015.0),
        ("2015-16", 2015.0),
        ("2015/2016", 2015.0),
        ("2011-12", 2011.0),
        ("1999-00", 1999.0),
        ("2015-18", 2015.0),  # a multi-year survey: its first year, as sdg-build reads it
        ("2015–2020", 2015.0),
        ("2015.0", 2015.0),
    ],
)
def test_table_years_take_the_first_year_of_a_range(cell: str, year: float) -> None:
    assert table_year(cell) == year


@pytest.mark.parametrize("bad", ["2018-15", "2015-2030", "20x5", "2015.5", "year"])
def test_bad_table_years(bad: str) -> None:
    with pytest.raises(PeriodError):
        table_year(bad)


def test_point_from_a_period() -> None:
    assert Point.at("FY2023", 47.3, ["provisional"]) == Point(
        "FY2023", 2023.0, 47.3, ["provisional"]
    )
