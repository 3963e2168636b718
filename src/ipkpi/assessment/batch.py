"""Many series in flat arrays: the input of every vectorized kernel.

A :class:`SeriesBatch` holds ragged series CSR-style: all years and values end to end, and
``offsets`` so that series ``i`` is ``years[offsets[i]:offsets[i + 1]]``, sorted by year with
no year twice. Per-series settings (desired direction, target, target year, base year,
natural limit) are arrays of one entry per series; NaN means "not given". Directions are
+1 (increase is better), -1 (decrease is better) or 0 (not given: only the trend can be read).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..problems import inputs as says
from .errors import AssessmentInputError

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
I8 = NDArray[np.int8]


def direction_code(value: object) -> int:
    """+1 for increase, -1 for decrease, 0 for none; anything else is an error."""
    if value is None:
        return 0
    if isinstance(value, int | float | np.integer | np.floating):
        if value in (1, -1, 0):
            return int(value)
    elif isinstance(value, str):
        word = value.strip().lower()
        if word in ("increase", "+1", "1"):
            return 1
        if word in ("decrease", "-1"):
            return -1
        if word == "":
            return 0
    raise ValueError(f"unknown direction {value!r}: use 'increase' or 'decrease'")


def _per_series(values: ArrayLike | None, n: int, name: str) -> F64:
    if values is None:
        return np.full(n, np.nan)
    out = np.asarray(values, dtype=np.float64)
    if out.shape != (n,):
        raise ValueError(f"{name} must have one entry per series ({n}), not shape {out.shape}")
    return out


@dataclass(frozen=True, eq=False)
class SeriesBatch:
    """Ragged annual (or finer) series, ready for the kernels. Build it with :meth:`build`."""

    years: F64
    values: F64
    offsets: I64
    direction: I8
    target: F64
    target_year: F64
    base_year: F64
    limit: F64
    percent: I8 = field(repr=False)
    """1: values are percentages, 0: they are not, -1: unknown (UNSD's 1-pp rule)."""
    ids: Sequence[str] | None = None
    periods: Sequence[str] | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        years: ArrayLike,
        values: ArrayLike,
        offsets: ArrayLike,
        *,
        direction: ArrayLike | Sequence[object],
        target: ArrayLike | None = None,
        target_year: ArrayLike | None = None,
        base_year: ArrayLike | None = None,
        limit: ArrayLike | None = None,
        percent: ArrayLike | None = None,
        ids: Sequence[str] | None = None,
        periods: Sequence[str] | None = None,
    ) -> SeriesBatch:
        """Check and normalise: drop missing values, sort each series, refuse duplicate years."""
        y = np.ascontiguousarray(years, dtype=np.float64)
        v = np.ascontiguousarray(values, dtype=np.float64)
        off = np.ascontiguousarray(offsets, dtype=np.int64)
        if y.shape != v.shape or y.ndim != 1:
            raise ValueError("years and values must be 1-D arrays of the same length")
        if off.ndim != 1 or off.size == 0 or off[0] != 0 or off[-1] != y.size:
            raise ValueError("offsets must start at 0 and end at the number of points")
        if np.any(np.diff(off) < 0):
            raise ValueError("offsets must not decrease")
        n = off.size - 1
        if ids is not None and len(ids) != n:
            raise ValueError(f"ids must have one entry per series ({n})")
        if periods is not None and len(periods) != y.size:
            raise ValueError("periods must have one entry per point")
        if np.any(~np.isfinite(y)):
            raise ValueError("every year must be a finite number")
        d = np.asarray(direction)
        if d.dtype.kind in "iuf":
            dirs = d.astype(np.int8)
            if np.any((dirs != 1) & (dirs != -1) & (dirs != 0)):
                raise ValueError("direction codes must be +1, -1 or 0")
        else:
            dirs = np.fromiter((direction_code(x) for x in d), dtype=np.int8, count=d.size)
        if dirs.shape != (n,):
            raise ValueError(f"direction must have one entry per series ({n})")
        pct = (
            np.full(n, -1, dtype=np.int8)
            if percent is None
            else np.asarray(percent, dtype=np.int8).reshape(n)
        )
        y, v, off, periods = _drop_missing(y, v, off, periods)
        y, v, periods = _sort_within(y, v, off, periods)
        _refuse_duplicates(y, off, ids)
        return cls(
            years=y,
            values=v,
            offsets=off,
            direction=dirs,
            target=_per_series(target, n, "target"),
            target_year=_per_series(target_year, n, "target_year"),
            base_year=_per_series(base_year, n, "base_year"),
            limit=_per_series(limit, n, "limit"),
            percent=pct,
            ids=ids,
            periods=periods,
        )

    @property
    def n(self) -> int:
        return int(self.offsets.size - 1)

    @cached_property
    def lengths(self) -> I64:
        return np.diff(self.offsets)

    @cached_property
    def seg(self) -> I64:
        """The series number of every point."""
        return np.repeat(np.arange(self.n, dtype=np.int64), self.lengths)

    @cached_property
    def last(self) -> I64:
        """Index of each series' latest point, -1 for an empty series."""
        return np.where(self.lengths > 0, self.offsets[1:] - 1, -1)

    def series_id(self, i: int) -> str:
        return self.ids[i] if self.ids is not None else str(i)

    @cached_property
    def _year_keys(self) -> tuple[F64, float, float]:
        """Every point's ``series + (year − first year) / span``: one sorted array for all.

        Series follow each other and years are sorted within each, so the keys increase
        through the batch and one binary search finds a year's place in any series.
        """
        first = float(self.years.min())
        span = float(self.years.max()) - first + 1.0
        keys = (self.years - first) / span
        keys += self.seg
        return keys, first, span

    def count_before(self, bound: F64 | float, *, inclusive: bool = False) -> I64:
        """Per series, how many points have a year below ``bound`` (or at most it).

        A binary search over :attr:`_year_keys` (``O(n log N)``, no pass over every point per
        call). A year equal to the bound maps to the same key (the same arithmetic), so the
        boundary is exact; years closer than ~10⁻⁷ of the batch's span apart are not told apart.
        A NaN bound counts nothing.
        """
        n = self.n
        if self.years.size == 0:
            return np.zeros(n, dtype=np.int64)
        keys, first, span = self._year_keys
        b = np.broadcast_to(np.asarray(bound, dtype=np.float64), (n,))
        f = (b - first) / span
        # Keys of one series lie in [0, 1 − 1/span) above its number: a bound outside its years
        # is moved half a step outside them, never into a neighbour's.
        gap = 0.5 / span
        np.clip(f, -gap, 1.0 - gap, out=f)
        f[np.isnan(f)] = -gap
        f += np.arange(n, dtype=np.float64)
        found = np.searchsorted(keys, f, side="right" if inclusive else "left")
        return found - self.offsets[:-1]

    def first_at_or_after(self, bound: F64 | float) -> I64:
        """Index of the first point with year >= bound, -1 when there is none (NaN → -1)."""
        idx = self.offsets[:-1] + self.count_before(bound)
        ok = (idx < self.offsets[1:]) & ~np.isnan(np.broadcast_to(bound, (self.n,)))
        return np.where(ok, idx, -1)

    def last_at_or_before(self, bound: F64 | float) -> I64:
        """Index of the last point with year <= bound, -1 when there is none."""
        idx = self.offsets[:-1] + self.count_before(bound, inclusive=True) - 1
        return np.where(idx >= self.offsets[:-1], idx, -1)

    def last_before(self, bound: F64 | float) -> I64:
        """Index of the last point with year < bound, -1 when there is none."""
        idx = self.offsets[:-1] + self.count_before(bound) - 1
        return np.where(idx >= self.offsets[:-1], idx, -1)

    def take(self, index: I64, array: F64) -> F64:
        """``array[index]`` with NaN where the index is -1."""
        safe = np.where(index >= 0, index, 0)
        return np.where(index >= 0, array[safe] if array.size else np.nan, np.nan)


def _drop_missing(
    y: F64, v: F64, off: I64, periods: Sequence[str] | None
) -> tuple[F64, F64, I64, Sequence[str] | None]:
    missing = np.isnan(v)
    if not missing.any():
        return y, v, off, periods
    keep = ~missing
    kept = np.concatenate(([0], np.cumsum(keep)))
    new_periods = None if periods is None else [p for p, k in zip(periods, keep, strict=True) if k]
    return y[keep], v[keep], kept[off].astype(np.int64), new_periods


def _sort_within(
    y: F64, v: F64, off: I64, periods: Sequence[str] | None
) -> tuple[F64, F64, Sequence[str] | None]:
    if y.size < 2:
        return y, v, periods
    seg = np.repeat(np.arange(off.size - 1), np.diff(off))
    step = np.diff(y)
    same_series = seg[1:] == seg[:-1]
    if not np.any(same_series & (step < 0)):
        return y, v, periods
    order = np.lexsort((y, seg))
    new_periods = None if periods is None else [periods[i] for i in order]
    return y[order], v[order], new_periods


def _refuse_duplicates(y: F64, off: I64, ids: Sequence[str] | None) -> None:
    if y.size < 2:
        return
    seg = np.repeat(np.arange(off.size - 1), np.diff(off))
    dup = (np.diff(y) == 0) & (seg[1:] == seg[:-1])
    if not dup.any():
        return
    problems = []
    for k in np.flatnonzero(dup)[:50]:
        i = int(seg[k])
        name = ids[i] if ids is not None else str(i)
        year = float(y[k])
        shown = int(year) if year.is_integer() else year
        problems.append(says.TABLE_YEAR_REPEATED.at(f"series {name}", column="year", year=shown))
    raise AssessmentInputError(problems, title="duplicate periods")
