"""Observations as analyses see them: a period, its position in time, a value.

The store hands over, per series id, a list of :class:`Point`; the assessment, the follow-up
and the charts read them. ``year`` places the period on a continuous time axis in years (the
start of the period, :attr:`ipkpi.periods.Period.year_fraction`): ``FY2024`` → 2024.0,
``2024-H2`` → 2024.5, ``2024-03`` → 2024 + 2/12. Growth rates are then per year whatever the
frequency. This module sits below both the store and the assessment, so neither imports the
other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .periods import PeriodError, parse_period

__all__ = ["PeriodError", "Point", "period_year"]


@dataclass(frozen=True)
class Point:
    """One observation of a series: ``period`` as published, ``year`` its start in years."""

    period: str
    year: float
    value: float
    flags: list[str] = field(default_factory=list)

    @classmethod
    def at(cls, period: str, value: float, flags: list[str] | None = None) -> Point:
        """A point whose ``year`` is worked out from its period string."""
        return cls(period, period_year(period), float(value), list(flags or []))


def period_year(period: str) -> float:
    """The start of a period in years (``ipkpi.periods``): FY2024 → 2024.0, 2024-03 → 2024.17."""
    return parse_period(period).year_fraction
