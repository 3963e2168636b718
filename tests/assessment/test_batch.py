"""Ragged series in flat arrays."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipkpi.assessment import AssessmentInputError, SeriesBatch


def test_series_are_sorted_and_missing_values_dropped() -> None:
    b = SeriesBatch.build(
        [2016, 2015, 2017, 2020],
        [2, 1, np.nan, 5],
        [0, 3, 4],
        direction=["increase", "decrease"],
        periods=["b", "a", "c", "d"],
    )
    assert b.years.tolist() == [2015, 2016, 2020]
    assert b.values.tolist() == [1, 2, 5]
    assert b.offsets.tolist() == [0, 2, 3]
    assert b.periods == ["a", "b", "d"]
    assert b.direction.tolist() == [1, -1]


def test_duplicate_years_are_an_error_naming_each() -> None:
    with pytest.raises(AssessmentInputError) as err:
        SeriesBatch.build(
            [2015, 2015, 2016, 2016], [1, 2, 3, 4], [0, 2, 4], direction=[1, 1], ids=["a", "b"]
        )
    assert [str(p) for p in err.value.problems] == [
        "series a, column year: year 2015 appears more than once — keep one value per period",
        "series b, column year: year 2016 appears more than once — keep one value per period",
    ]


def test_lookups_handle_empty_series() -> None:
    b = SeriesBatch.build(
        [2014, 2016, 2017, 2015], [1, 2, 3, 4], [0, 0, 3, 3, 4, 4], direction=[1] * 5
    )
    assert b.first_at_or_after(2015.0).tolist() == [-1, 1, -1, 3, -1]
    assert b.last_at_or_before(2016.0).tolist() == [-1, 1, -1, 3, -1]
    assert b.last_before(2016.0).tolist() == [-1, 0, -1, 3, -1]
    per_series = np.array([2000, 2017, 2000, 2016, 2000], dtype=float)
    assert b.first_at_or_after(per_series).tolist() == [-1, 2, -1, -1, -1]


def test_unknown_direction_is_an_error() -> None:
    with pytest.raises(ValueError, match="use 'increase' or 'decrease'"):
        SeriesBatch.build([2015], [1], [0, 1], direction=["up"])


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=8),
    data=st.data(),
)
def test_count_before_is_the_per_point_count(lengths: list[int], data: st.DataObject) -> None:
    """The binary search over the batch's keys counts exactly what a pass over points does."""
    years: list[float] = []
    for k in lengths:
        picked = data.draw(st.sets(st.integers(1990, 2030), min_size=k, max_size=k))
        years += [float(y) + data.draw(st.sampled_from([0.0, 0.25, 0.5])) for y in sorted(picked)]
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    b = SeriesBatch.build(years, [1.0] * len(years), offsets, direction=[1] * len(lengths))
    bounds = np.array(
        data.draw(
            st.lists(
                st.one_of(st.floats(1985, 2035), st.sampled_from([2000.0, 2010.25, np.nan])),
                min_size=len(lengths),
                max_size=len(lengths),
            )
        )
    )
    for inclusive in (False, True):
        expected = [
            sum((y <= c) if inclusive else (y < c) for y in b.years[lo:hi])
            for lo, hi, c in zip(b.offsets[:-1], b.offsets[1:], bounds, strict=True)
        ]
        assert b.count_before(bounds, inclusive=inclusive).tolist() == expected
