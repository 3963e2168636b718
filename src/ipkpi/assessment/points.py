"""Years in indicator tables, and the points the assessment reads.

:class:`~ipkpi.points.Point` and :func:`~ipkpi.points.period_year` live in :mod:`ipkpi.points`
(below the store and the assessment); they are re-exported here for the assessment's modules.
:func:`table_year` reads the year column of ``ipkpi assess-table`` files.
"""

from __future__ import annotations

import re

from ..points import PeriodError, Point, period_year
from ..problems import notation as says

__all__ = ["PeriodError", "Point", "period_year", "table_year"]

_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^FY(\d{4})$")
#: The longest reference period read as a range of years (a survey over 2015–2018 is 2015).
MAX_RANGE_YEARS = 10
_RANGE = re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")


def table_year(cell: str) -> float:
    """A year from an indicator table's year column.

    Besides a plain year it accepts ``FY2015`` and a reference period spanning years,
    ``2015-16``, ``2015/2016`` or ``2015-18``, which counts as its first year (Open SDG,
    progress-methods.md §4, "range years → first year"; Statistics Canada rule 1a, §1).
    ``2011-12`` is therefore FY2011, never December 2011. A range of more than
    :data:`MAX_RANGE_YEARS` years, or running backwards, is refused.
    """
    text = cell.strip()
    if m := _YEAR.match(text) or _FISCAL.match(text):
        return float(m.group(1))
    if m := _RANGE.match(text):
        first, second = int(m.group(1)), m.group(2)
        end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if end < first:
            end += 100
        if 1 <= end - first <= MAX_RANGE_YEARS:
            return float(first)
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if value.is_integer() and 1000 <= value <= 9999:
        return value
    raise PeriodError(says.PERIOD_NOT_A_YEAR(text=cell))
