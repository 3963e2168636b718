"""Japanese eras (元号): era years to Gregorian years, exact at the changes of era.

平成 ended on 30 April 2019 and 令和 began on 1 May 2019, so 平成31年4月 is April 2019,
令和元年5月 is May 2019, and 令和元年4月 or 平成31年5月 name no month at all. A year of an era
is valid when any of its days falls in the era (平成31年 and 令和元年 are both 2019).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .problems import Message, NotationError
from .problems import notation as says
from .text import Text


class EraError(NotationError):
    """An era year, month or day outside the era."""


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    first_day: dt.date
    last_day: dt.date | None

    def label(self, year: int) -> str:
        return f"{self.name}{'元' if year == 1 else year}年"


ERAS: tuple[Era, ...] = (
    Era("明治", "M", dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
    Era("大正", "T", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    Era("昭和", "S", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("平成", "H", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("令和", "R", dt.date(2019, 5, 1), None),
)
_BY_NAME = {key: era for era in ERAS for key in (era.name, era.letter)}


def era(name: str) -> Era:
    found = _BY_NAME.get(name)
    if found is None:
        raise EraError(says.ERA_UNKNOWN(name=name))
    return found


def era_year(name: str, year: int, *, month: int | None = None, day: int | None = None) -> int:
    """The Gregorian year of ``year`` of era ``name``, checked against the era's span.

    With ``month`` (and ``day``), that month (day) must have days inside the era.
    """
    found = era(name)
    if year < 1:
        raise EraError(says.ERA_YEAR_ZERO(era=found.name))
    gregorian = found.first_day.year + year - 1
    first, last = _span(gregorian, month, day)
    era_last = found.last_day or dt.date.max
    if last < found.first_day or first > era_last:
        raise EraError(_outside(found, year, gregorian, month, day))
    return gregorian


def _span(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is not None:
        return dt.date(year, month, day), dt.date(year, month, day)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def _outside(found: Era, year: int, gregorian: int, month: int | None, day: int | None) -> Message:
    what = found.label(year) + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    first = found.first_day.isoformat()
    if found.last_day is None:
        bounds = Text(ja=f"{first} から", en=f"{found.name} began on {first}")
    else:
        last = found.last_day.isoformat()
        bounds = Text(
            ja=f"{first} から {last} まで", en=f"{found.name} began on {first} and ended on {last}"
        )
    when = f"{gregorian}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    other = _era_of(gregorian, month, day)
    if other:
        return says.ERA_OUTSIDE_WITH_SUGGESTION(
            what=what, era=found.name, bounds=bounds, when=when, other=other
        )
    return says.ERA_OUTSIDE(what=what, era=found.name, bounds=bounds)


def _era_of(year: int, month: int | None, day: int | None) -> str | None:
    """How ``year``(-``month``-``day``) is written in the era it falls in, when that is one era."""
    try:
        first, last = _span(year, month, day)
    except ValueError:
        return None
    for candidate in ERAS:
        end = candidate.last_day or dt.date.max
        if candidate.first_day <= first and last <= end:
            label = candidate.label(year - candidate.first_day.year + 1)
            return label + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    return None
