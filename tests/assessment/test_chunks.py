"""A batch assessed a slice of series at a time gives the same table, value for value."""

from __future__ import annotations

import numpy as np
import pytest

from ipkpi.assessment import SeriesBatch
from ipkpi.assessment.chunks import in_slices
from ipkpi.assessment.registry import METHODS, method_of
from ipkpi.assessment.run import _assess_slice

COLUMNS = (
    "status", "score", "progress", "base_index", "current_index", "observed_rate",
    "required_rate", "reason", "notes", "rule",
)  # fmt: skip


def batch(n: int = 3_000, seed: int = 11) -> SeriesBatch:
    """Random walks of 0–15 annual points (some empty, some negative), 70 % with targets."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 16, size=n)
    seg = np.repeat(np.arange(n), lengths)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    pos = np.arange(lengths.sum()) - starts[seg]
    years = (2024 - lengths + 1)[seg] + pos
    values = np.exp(rng.normal(2, 1, size=n))[seg] * np.exp(np.cumsum(rng.normal(0, 0.1, seg.size)))
    values[rng.random(seg.size) < 0.02] *= -1
    target = np.where(rng.random(n) < 0.7, rng.uniform(1, 40, n), np.nan)
    return SeriesBatch.build(
        years.astype(float),
        values,
        np.concatenate(([0], np.cumsum(lengths))),
        direction=rng.choice([1, -1, 0], size=n),
        target=target,
        target_year=np.where(rng.random(n) < 0.8, 2030.0, np.nan),
    )


@pytest.mark.parametrize("method", METHODS)
def test_slices_give_the_same_table(method: str) -> None:
    b, found = batch(), method_of(method)
    whole = _assess_slice(b, kernel=found.kernel, paced=found.pace)
    sliced = in_slices(_assess_slice, b, 257, kernel=found.kernel, paced=found.pace)
    for name in COLUMNS:
        a, c = getattr(whole, name), getattr(sliced, name)
        assert np.array_equal(a, c, equal_nan=a.dtype.kind == "f"), name
    assert whole.extra.keys() == sliced.extra.keys()
    for key, column in whole.extra.items():
        assert np.array_equal(column, sliced.extra[key], equal_nan=True), key
    assert sliced.verdict(2_999) == whole.verdict(2_999)
