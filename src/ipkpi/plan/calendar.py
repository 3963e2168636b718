"""When a series' next figures are expected, from its release calendar (``releases.yaml``).

Nothing is guessed: a month is worked out only from what the release records, in this order.

- ``lag``: the release gives ``lag_months`` (read from the dates of past releases). The period
  after the latest one held is expected that many months after its end, moved on to the next
  month the release lists in ``months`` when it lists any. A series with no figures yet waits
  for the latest period whose release month has come.
- ``rhythm``: the release lists only its usual months ("yearly, around August"): the next
  such month from the reference month. Which period it will bring is not known.
- ``announced``: the release gives ``first_expected``, a month the publisher announced.
- ``unknown``: none of these (an irregular publication): the month is shown as unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..periods import Period, PeriodError, PeriodKind, parse_period
from ..text import Lang
from .release import Release

Basis = Literal["lag", "rhythm", "announced", "unknown"]
State = Literal["overdue", "due", "upcoming", "unknown"]

STATES: tuple[State, ...] = ("overdue", "due", "upcoming", "unknown")

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The kind of period a series of each frequency holds.
_FREQUENCY_KIND = {
    "annual": PeriodKind.YEAR,
    "fiscal": PeriodKind.FISCAL_YEAR,
    "half": PeriodKind.HALF,
    "quarterly": PeriodKind.QUARTER,
    "fiscal_half": PeriodKind.FISCAL_HALF,
    "fiscal_quarterly": PeriodKind.FISCAL_QUARTER,
    "monthly": PeriodKind.MONTH,
}


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month (``2026-09``)."""

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """``YYYY-MM`` → a month; ValueError otherwise."""
        year, _, month = text.partition("-")
        if len(year) != 4 or len(month) != 2 or not (year + month).isdigit():
            raise ValueError(text)
        found = cls(int(year), int(month))
        if not 1 <= found.month <= 12:
            raise ValueError(text)
        return found

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def text(self, lang: Lang) -> str:
        """``2026年9月`` / ``September 2026``."""
        if lang == "en":
            return f"{_MONTH_NAMES[self.month - 1]} {self.year}"
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Expectation:
    """The next figures a release should bring: which period (when known) and in which month."""

    release: Release
    basis: Basis
    month: Month | None = None
    period: str | None = None

    def state(self, reference: Month) -> State:
        """overdue (the month has passed), due (this month), upcoming, or unknown."""
        if self.month is None:
            return "unknown"
        if self.month < reference:
            return "overdue"
        return "due" if self.month == reference else "upcoming"


def expect(release: Release, latest: str | None, frequency: str, reference: Month) -> Expectation:
    """What ``release`` should bring next, given the latest period held (None: nothing yet).

    ``frequency`` is the series' (``annual``, ``fiscal``, ``monthly`` …); ``reference`` is the
    month the question is asked in.
    """
    if release.lag_months is not None:
        found = _by_lag(release, release.lag_months, latest, frequency, reference)
        if found is not None:
            return found
    if release.first_expected and latest is None:
        return Expectation(release, "announced", Month.parse(release.first_expected))
    if release.months and release.rhythm != "irregular":
        return Expectation(release, "rhythm", _listed_from(release, reference))
    return Expectation(release, "unknown")


def _by_lag(
    release: Release, lag: int, latest: str | None, frequency: str, reference: Month
) -> Expectation | None:
    if latest is not None:
        try:
            held = parse_period(latest)
        except PeriodError:
            return None
        following = _shift(held, release.step_months or _length(held))
        if following is None:
            return None
        return Expectation(release, "lag", _release_month(release, following, lag), str(following))
    kind = _FREQUENCY_KIND.get(frequency)
    if kind is None:
        return None
    # Nothing held yet: the latest period whose figures should be out by the reference month.
    candidate = _containing(kind, dt.date(reference.year, reference.month, 1))
    for _ in range(48):
        if candidate is None:
            return None
        month = _release_month(release, candidate, lag)
        if month <= reference:
            return Expectation(release, "lag", month, str(candidate))
        candidate = _shift(candidate, -(release.step_months or _length(candidate)))
    return None


def _release_month(release: Release, period: Period, lag: int) -> Month:
    month = Month.of(period.end).plus(lag)
    if release.months:
        for _ in range(12):
            if month.month in release.months:
                break
            month = month.plus(1)
    return month


def _listed_from(release: Release, reference: Month) -> Month:
    month = reference
    for _ in range(12):
        if month.month in release.months:
            break
        month = month.plus(1)
    return month


def _length(period: Period) -> int:
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _shift(period: Period, months: int) -> Period | None:
    """The period of the same kind that starts ``months`` after ``period`` starts."""
    if period.kind is PeriodKind.DATE:
        return None
    start = Month.of(period.start).plus(months)
    try:
        return _containing(period.kind, dt.date(start.year, start.month, 1))
    except PeriodError:
        return None


def _containing(kind: PeriodKind, day: dt.date) -> Period | None:
    """The period of ``kind`` that holds ``day``."""
    y, m = day.year, day.month
    fiscal_year = y if m >= 4 else y - 1
    fiscal_month = (m - 4) % 12
    if kind is PeriodKind.YEAR:
        return Period.calendar_year(y)
    if kind is PeriodKind.FISCAL_YEAR:
        return Period.fiscal_year(fiscal_year)
    if kind is PeriodKind.HALF:
        return Period(PeriodKind.HALF, y, (m - 1) // 6 + 1)
    if kind is PeriodKind.QUARTER:
        return Period(PeriodKind.QUARTER, y, (m - 1) // 3 + 1)
    if kind is PeriodKind.FISCAL_HALF:
        return Period.fiscal_half(fiscal_year, fiscal_month // 6 + 1)
    if kind is PeriodKind.FISCAL_QUARTER:
        return Period.fiscal_quarter(fiscal_year, fiscal_month // 3 + 1)
    if kind is PeriodKind.MONTH:
        return Period.month(y, m)
    return None
