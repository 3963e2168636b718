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


COLUMNS = (
    "status",
    "score",
    "progress",
    "target",
    "target_year",
    "observed_rate",
    "required_rate",
    "reason",
    "notes",
    "rule",
)
"""The per-series columns of a verdict table, copied as they are."""
INDICES = ("base_index", "current_index")
"""The columns that index points: shifted by the slice's first point (-1 stays -1)."""


def in_slices(
    run: Callable[..., VerdictTable], batch: SeriesBatch, size: int = SLICE, **options: Any
) -> VerdictTable:
    """``run(batch, **options)`` slice by slice, the tables joined into one over ``batch``.

    The table's columns are allocated once, after the first slice, and each slice's table is
    copied into them at once: its arrays are then freed, and the next slice's come from the
    same heap memory, still in cache (keeping every slice's table until a final concatenation
    held them all alive: fresh pages for every slice, and every column written twice).
    """
    n = batch.n
    if n <= size:
        return run(batch, **options)
    first: VerdictTable | None = None
    columns: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for lo in range(0, n, size):
        hi = min(lo + size, n)
        sliced = {k: _sliced(v, n, lo, hi) for k, v in options.items()}
        part = run(slice_batch(batch, lo, hi), **sliced)
        if first is None:
            first = part
            columns = {c: _like(getattr(part, c), n) for c in COLUMNS + INDICES}
            extra = {k: _like(v, n) for k, v in part.extra.items()}
        place(part, columns, extra, lo, hi, int(batch.offsets[lo]))
    if first is None:  # n > size: there was a slice; this keeps the type checker sure
        raise ValueError("no slice to join")
    return replace(first, batch=batch, extra=extra, **columns)


def _like(column: Any, n: int) -> Any:
    return np.empty((n, *column.shape[1:]), dtype=column.dtype)


def place(
    part: VerdictTable,
    columns: dict[str, Any],
    extra: dict[str, Any],
    lo: int,
    hi: int,
    start: int,
) -> None:
    """Copy slice ``lo``–``hi``'s table into the whole batch's columns; point indices shifted."""
    for c in COLUMNS:
        columns[c][lo:hi] = getattr(part, c)
    for c in INDICES:
        src, dst = getattr(part, c), columns[c][lo:hi]
        np.add(src, start, out=dst)
        dst[src < 0] = -1
    for k, v in extra.items():
        v[lo:hi] = part.extra[k]
