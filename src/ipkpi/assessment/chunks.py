"""Assessing a large batch a slice of series at a time, with the same result.

Every kernel works series by series (element-wise over per-series arrays), so a batch cut
into slices of consecutive series and assessed slice by slice gives the same table, value for
value. The slices keep each kernel's temporary arrays small (a 3-million-series batch made
dozens of 24 MB temporaries, each fresh pages from the kernel to be zeroed, and the cost grew
faster than the number of series); a slice's arrays are reused from the allocator's heap and
stay in cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from .batch import SeriesBatch
from .table import VerdictTable

SLICE = 1 << 16
"""Series per slice: 65,536 (per-series float arrays of 512 KB)."""


def slice_batch(batch: SeriesBatch, lo: int, hi: int) -> SeriesBatch:
    """Series ``lo``–``hi`` of ``batch`` as a batch of their own (views, no copies)."""
    a, b = int(batch.offsets[lo]), int(batch.offsets[hi])
    return SeriesBatch(
        years=batch.years[a:b],
        values=batch.values[a:b],
        offsets=batch.offsets[lo : hi + 1] - a,
        direction=batch.direction[lo:hi],
        target=batch.target[lo:hi],
        target_year=batch.target_year[lo:hi],
        base_year=batch.base_year[lo:hi],
        limit=batch.limit[lo:hi],
        percent=batch.percent[lo:hi],
        ids=None if batch.ids is None else batch.ids[lo:hi],
        periods=None if batch.periods is None else batch.periods[a:b],
    )


def _sliced(option: Any, n: int, lo: int, hi: int) -> Any:
    if isinstance(option, np.ndarray) and option.shape == (n,):
        return option[lo:hi]
    if isinstance(option, list | tuple) and len(option) == n:
        return option[lo:hi]
    return option


def in_slices(
    run: Callable[..., VerdictTable], batch: SeriesBatch, size: int = SLICE, **options: Any
) -> VerdictTable:
    """``run(batch, **options)`` slice by slice, the tables joined into one over ``batch``."""
    n = batch.n
    if n <= size:
        return run(batch, **options)
    parts: list[tuple[int, VerdictTable]] = []
    for lo in range(0, n, size):
        hi = min(lo + size, n)
        sliced = {k: _sliced(v, n, lo, hi) for k, v in options.items()}
        parts.append((int(batch.offsets[lo]), run(slice_batch(batch, lo, hi), **sliced)))
    return join(batch, parts)


def join(batch: SeriesBatch, parts: list[tuple[int, VerdictTable]]) -> VerdictTable:
    """The tables of consecutive slices as one table over ``batch``; point indices shifted."""
    first = parts[0][1]

    def cat(name: str) -> Any:
        return np.concatenate([getattr(t, name) for _, t in parts])

    def shifted(name: str) -> Any:
        return np.concatenate(
            [np.where(getattr(t, name) >= 0, getattr(t, name) + start, -1) for start, t in parts]
        )

    extra = {key: np.concatenate([t.extra[key] for _, t in parts]) for key in first.extra}
    return replace(
        first,
        batch=batch,
        status=cat("status"),
        score=cat("score"),
        progress=cat("progress"),
        base_index=shifted("base_index"),
        current_index=shifted("current_index"),
        target=cat("target"),
        target_year=cat("target_year"),
        observed_rate=cat("observed_rate"),
        required_rate=cat("required_rate"),
        reason=cat("reason"),
        notes=cat("notes"),
        rule=cat("rule"),
        extra=extra,
    )
