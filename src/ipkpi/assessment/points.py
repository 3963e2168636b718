"""Observations as the assessment sees them: a period, its position in time, a value.

The store hands over, per series id, a list of :class:`Point`. ``year`` places the period on a
continuous time axis in years (the start of the period): ``FY2024`` → 2024.0, ``2024-H2`` →
2024.5, ``2024-03`` → 2024 + 2/12. Growth rates are then per year whatever the frequency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..periods import PeriodError, parse_period

__all__ = ["PeriodError", "Point", "period_year", "table_year"]

_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^FY(\d{4})$")
_RANGE = re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")


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


def table_year(cell: str) -> float:
    """A year from an indicator table's year column.

    Besides a plain year it accepts ``FY2015`` and a reference period spanning two years,
    ``2015-16`` or ``2015/2016``, which counts as its first year (Open SDG, progress-methods.md
    §4; Statistics Canada rule 1a, §1). ``2011-12`` is therefore FY2011, never December 2011.
    """
    text = cell.strip()
    if m := _YEAR.match(text) or _FISCAL.match(text):
        return float(m.group(1))
    if m := _RANGE.match(text):
        first, second = int(m.group(1)), m.group(2)
        end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if end < first:
            end += 100
        if end - first == 1:
            return float(first)
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if value.is_integer() and 1000 <= value <= 9999:
        return value
    raise PeriodError(f"not a year: {cell!r} (use 2015, FY2015 or 2015-16)")
