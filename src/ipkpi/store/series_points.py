"""The store's observations as the assessment reads them: per series, a list of points.

A :class:`~ipkpi.points.Point` is the period as stored, its start as a decimal year
(:attr:`ipkpi.periods.Period.year_fraction`: FY2024 → 2024.0, 2024-Q2 → 2024.25), the value and
its flags; points are in time order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from ..periods import parse_period
from ..points import Point
from .store import AsOf, Store

__all__ = ["Point", "series_points"]


def series_points(
    store: Store, series_ids: Collection[str] | None = None, as_of: AsOf = None
) -> dict[str, list[Point]]:
    """The latest points of each series (or those known at ``as_of``), oldest period first."""
    out: dict[str, list[tuple[tuple[object, ...], Point]]] = defaultdict(list)
    for observation in store.observations(series_ids, as_of):
        period = parse_period(observation.period)
        point = Point(
            observation.period, period.year_fraction, observation.value, list(observation.flags)
        )
        out[observation.series].append((period.sort_key(), point))
    return {
        code: [p for _, p in sorted(points, key=lambda x: x[0])] for code, points in out.items()
    }
