"""Placing periods and decimal years on a chart's time axis (ISO dates for Vega-Lite)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..periods import PeriodError, parse_period


def year_date(year: float) -> str:
    """The ISO date a decimal year falls on (2024.5 → 2024-07-02)."""
    whole = int(year)
    start = dt.date(whole, 1, 1)
    days = (dt.date(whole + 1, 1, 1) - start).days
    return (start + dt.timedelta(days=round((year - whole) * days))).isoformat()


@lru_cache(maxsize=8192)
def period_date(period: str, year: float | None) -> str:
    """The first day of ``period``; its decimal year when the period cannot be read."""
    try:
        return parse_period(period).start.isoformat()
    except PeriodError:
        if year is None:
            return period
        return year_date(year)
