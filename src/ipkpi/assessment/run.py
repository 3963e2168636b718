"""One entry point for every method: a batch in, a verdict table out; one series, one verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._outcome import pace
from .batch import SeriesBatch
from .chunks import in_slices
from .points import Point
from .table import VerdictTable
from .verdict import Verdict


def assess(
    batch: SeriesBatch, method: str, *, with_pace: bool = True, **options: Any
) -> VerdictTable:
    """Assess every series of ``batch`` by ``method``.

    With ``with_pace`` (default), series with a target and a target year also get the pace
    needed from their latest value to the target by that year and the pace achieved over the
    last five years (``extra["pace_needed"]``, ``extra["pace_recent"]``), in the rate kind of
    the method: compound growth for growth-rate methods, change a year for linear ones.
    """
    from .registry import METHODS, method_of  # the registry imports what imports this

    found = method_of(method) if method in METHODS else None
    if found is None or found.kernel is None:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    paced = with_pace and found.pace
    return in_slices(_assess_slice, batch, kernel=found.kernel, paced=paced, **options)


def _assess_slice(batch: SeriesBatch, *, kernel: Any, paced: bool, **options: Any) -> VerdictTable:
    """One slice of series: the kernel's table, and the pace when asked for."""
    table: VerdictTable = kernel(batch, **options)
    if paced:
        scale: np.ndarray | bool = table.rate_kind == "growth"
        if "log_model" in table.extra:
            scale = table.extra["log_model"] == 1
        with np.errstate(all="ignore"):
            needed, recent = pace(
                batch, table.current_index, batch.target, table.target_year, scale
            )
        table.extra["pace_needed"] = needed
        table.extra["pace_recent"] = recent
    return table


def batch_of_one(
    points: Sequence[Point] | tuple[Sequence[float], Sequence[float]],
    *,
    direction: str | int | None,
    target: float | None = None,
    target_year: float | None = None,
    base_year: float | None = None,
    limit: float | None = None,
    percent: bool | None = None,
    series_id: str = "series",
) -> SeriesBatch:
    """A batch holding one series, from points or from (years, values)."""
    if isinstance(points, tuple):
        years, values = (list(map(float, points[0])), list(map(float, points[1])))
        periods = None
    else:
        years = [p.year for p in points]
        values = [p.value for p in points]
        periods = [p.period for p in points]

    def one(x: float | None) -> list[float]:
        return [np.nan if x is None else float(x)]

    return SeriesBatch.build(
        years,
        values,
        [0, len(years)],
        direction=[direction],
        target=one(target),
        target_year=one(target_year),
        base_year=one(base_year),
        limit=one(limit),
        percent=[-1 if percent is None else int(percent)],
        ids=[series_id],
        periods=periods,
    )


def assess_series(
    points: Sequence[Point] | tuple[Sequence[float], Sequence[float]],
    method: str,
    *,
    direction: str | int | None,
    target: float | None = None,
    target_year: float | None = None,
    base_year: float | None = None,
    limit: float | None = None,
    percent: bool | None = None,
    series_id: str = "series",
    **options: Any,
) -> Verdict:
    """Assess one series: the same kernel as for a million, on a batch of one."""
    batch = batch_of_one(
        points,
        direction=direction,
        target=target,
        target_year=target_year,
        base_year=base_year,
        limit=limit,
        percent=percent,
        series_id=series_id,
    )
    return assess(batch, method, **options).verdict(0)
