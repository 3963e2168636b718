"""Observations as the assessment sees them: a period, its position in time, a value.

The store hands over, per series id, a list of :class:`Point`. ``year`` places the period on a
continuous time axis in years (the start of the period): ``FY2024`` → 2024.0, ``2024-H2`` →
2024.5, ``2024-03`` → 2024 + 2/12. Growth rates are then per year whatever the frequency.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^FY(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")


class PeriodError(ValueError):
    """A period string none of the known forms match."""


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
    """The start of a store period in years: 2024, FY2024, 2024-H1, 2024-Q1, 2024-03, 2024-03-15."""
    text = period.strip()
    if m := _YEAR.match(text) or _FISCAL.match(text):
        return float(m.group(1))
    if m := _HALF.match(text):
        return int(m.group(1)) + (int(m.group(2)) - 1) / 2
    if m := _QUARTER.match(text):
        return int(m.group(1)) + (int(m.group(2)) - 1) / 4
    if m := _MONTH.match(text):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return int(m.group(1)) + (month - 1) / 12
    if m := _DAY.match(text):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
        else:
            days = 366 if calendar.isleap(day.year) else 365
            return day.year + (day.timetuple().tm_yday - 1) / days
    raise PeriodError(
        f"unknown period {period!r}: use 2024, FY2024, 2024-H1, 2024-Q1, 2024-03 or 2024-03-15"
    )


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
