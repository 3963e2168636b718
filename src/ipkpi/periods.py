"""Periods: the years, fiscal years (年度), halves, quarters, months and days values refer to.

A :class:`Period` has one canonical spelling (``2024``, ``FY2024``, ``2024-H1``, ``2024-Q1``,
``FY2024-H1``, ``FY2024-Q1``, ``2024-03``, ``2024-03-15``), first and last days, and a decimal
year for charts and trends. Fiscal halves (上期/下期) and fiscal quarters (第1四半期 …) are parts
of a fiscal year: FY2024-H1 is April–September 2024, FY2024-Q4 is January–March 2025.
:func:`parse_period` reads the spellings Japanese sources use: ``2024年``, ``2024年度``,
``令和6年度``, ``R6``, ``平成31年4月``, ``2015-16``, ``2024年第1四半期``, ``2024年度上期``,
``令和6年度第3四半期``, ``FY2024 Q3``, ``1Q FY2024``, full-width digits, and the SDMX forms
(``2024-S1``, ``2024-M03``, ``2024-04-01/P1Y``, and the ranges ``2024-04-01/P6M`` and
``2024-04-01/P3M`` for fiscal halves and quarters). Era years are checked against the exact
first and last day of each era. Anything else is a :class:`PeriodError` that says what was
expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from .eras import EraError, era_year
from .problems import NotationError
from .problems import notation as says
from .text import Text

MIN_YEAR = 1900
MAX_YEAR = 2100
FISCAL_YEAR_START_MONTH = 4
EXAMPLES = (
    "2024, 2024年, FY2024, 2024年度, 令和6年度, 2024-H1, 2024-Q1, FY2024-H1 (2024年度上期), "
    "FY2024-Q1 (2024年度第1四半期), 2024-03, 2024-03-15"
)


class PeriodError(NotationError):
    """A text that is not a period, or a period outside the plausible years."""


#: Period kinds as problems name them.
_KIND_WORDS = {
    "year": Text(ja="暦年", en="year"),
    "fiscal_year": Text(ja="年度", en="fiscal year"),
    "half": Text(ja="半期", en="half"),
    "quarter": Text(ja="四半期", en="quarter"),
    "fiscal_half": Text(ja="年度の半期", en="fiscal half"),
    "fiscal_quarter": Text(ja="年度の四半期", en="fiscal quarter"),
    "month": Text(ja="月", en="month"),
    "date": Text(ja="日付", en="date"),
}


class PeriodKind(Enum):
    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"
    HALF = "half"
    QUARTER = "quarter"
    FISCAL_HALF = "fiscal_half"
    FISCAL_QUARTER = "fiscal_quarter"
    MONTH = "month"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time a value refers to.

    ``index`` is the half (1–2), quarter (1–4) or month (1–12); ``day`` is set for dates. For
    a fiscal half or quarter, ``year`` is the fiscal year (the year of its 1 April) and
    ``index`` counts from April: FY2024-Q4 is January–March 2025.
    """

    kind: PeriodKind
    year: int
    index: int = 0
    day: int = 0

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(
                says.PERIOD_YEAR_OUTSIDE(year=self.year, first=MIN_YEAR, last=MAX_YEAR)
            )
        limit = _PARTS.get(self.kind, 12)
        name = _KIND_WORDS[self.kind.value]
        if self.kind in (PeriodKind.YEAR, PeriodKind.FISCAL_YEAR):
            if self.index or self.day:
                raise PeriodError(says.PERIOD_NO_SUBPERIOD(kind=name))
        elif not 1 <= self.index <= limit:
            raise PeriodError(says.PERIOD_NO_SUCH_PART(kind=name, index=self.index, limit=limit))
        if self.kind is PeriodKind.DATE:
            last = calendar.monthrange(self.year, self.index)[1]
            if not 1 <= self.day <= last:
                month = f"{self.year}-{self.index:02d}"
                raise PeriodError(says.PERIOD_NO_SUCH_DAY(month=month, day=self.day))

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, year)

    @classmethod
    def fiscal_year(cls, year: int) -> Period:
        """年度 ``year``: April ``year`` to March ``year + 1``."""
        return cls(PeriodKind.FISCAL_YEAR, year)

    @classmethod
    def fiscal_half(cls, year: int, half: int) -> Period:
        """年度 ``year``'s 上期 (1: April–September) or 下期 (2: October–March)."""
        return cls(PeriodKind.FISCAL_HALF, year, half)

    @classmethod
    def fiscal_quarter(cls, year: int, quarter: int) -> Period:
        """年度 ``year``'s 第 ``quarter`` 四半期: 1 is April–June ``year``, 4 January–March."""
        return cls(PeriodKind.FISCAL_QUARTER, year, quarter)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, year, month)

    @classmethod
    def date(cls, year: int, month: int, day: int) -> Period:
        return cls(PeriodKind.DATE, year, month, day)

    # -- spans --------------------------------------------------------------------------------
    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return dt.date(self.year, 1, 1)
        if kind is PeriodKind.FISCAL_YEAR:
            return dt.date(self.year, FISCAL_YEAR_START_MONTH, 1)
        if kind is PeriodKind.HALF:
            return dt.date(self.year, 6 * (self.index - 1) + 1, 1)
        if kind is PeriodKind.QUARTER:
            return dt.date(self.year, 3 * (self.index - 1) + 1, 1)
        if kind in (PeriodKind.FISCAL_HALF, PeriodKind.FISCAL_QUARTER):
            month0 = FISCAL_YEAR_START_MONTH - 1 + _MONTHS[kind] * (self.index - 1)
            return dt.date(self.year + month0 // 12, month0 % 12 + 1, 1)
        return dt.date(self.year, self.index, self.day or 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        months = _MONTHS.get(self.kind)
        if months is None:
            return self.start
        first = self.start
        month0 = first.month - 1 + months
        following = dt.date(first.year + month0 // 12, month0 % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def year_fraction(self) -> float:
        """The decimal year of the period's start, for charts and trend fits.

        A fiscal year counts as the calendar year it starts in (FY2024 → 2024.0), as Open SDG
        places a range on its first year: a 年度 series and a calendar-year target then share
        one axis. Halves, quarters and months are fractions of their year (2024-Q2 → 2024.25,
        2024-03 → 2024 + 2/12); a date is its day of the year (2024-03-15 → 2024 + 74/366).
        Fiscal halves and quarters are fractions of their fiscal year by the same rule
        (FY2024-H2 → 2024.5, FY2024-Q2 → 2024.25, FY2024-Q4 → 2024.75): a fiscal series sits
        on the axis of its fiscal years, three months before its calendar dates.
        """
        kind = self.kind
        if kind in (PeriodKind.YEAR, PeriodKind.FISCAL_YEAR):
            return float(self.year)
        if kind in (PeriodKind.HALF, PeriodKind.FISCAL_HALF):
            return self.year + (self.index - 1) / 2
        if kind in (PeriodKind.QUARTER, PeriodKind.FISCAL_QUARTER):
            return self.year + (self.index - 1) / 4
        if kind is PeriodKind.MONTH:
            return self.year + (self.index - 1) / 12
        days = 366 if calendar.isleap(self.year) else 365
        return self.year + (self.start.timetuple().tm_yday - 1) / days

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return f"{self.year}"
        if kind is PeriodKind.FISCAL_YEAR:
            return f"FY{self.year}"
        if kind is PeriodKind.HALF:
            return f"{self.year}-H{self.index}"
        if kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        if kind is PeriodKind.FISCAL_HALF:
            return f"FY{self.year}-H{self.index}"
        if kind is PeriodKind.FISCAL_QUARTER:
            return f"FY{self.year}-Q{self.index}"
        if kind is PeriodKind.MONTH:
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-{self.index:02d}-{self.day:02d}"

    def sdmx(self) -> str:
        """The SDMX TIME_PERIOD spelling.

        SDMX has no fiscal periods: a fiscal year, half or quarter is a reporting range from
        its first day (FY2024 → ``2024-04-01/P1Y``, FY2024-H2 → ``2024-10-01/P6M``,
        FY2024-Q4 → ``2025-01-01/P3M``). Calendar halves are semesters (``2024-S1``).
        """
        if self.kind is PeriodKind.FISCAL_YEAR:
            return f"{self.year}-{FISCAL_YEAR_START_MONTH:02d}-01/P1Y"
        if self.kind in (PeriodKind.FISCAL_HALF, PeriodKind.FISCAL_QUARTER):
            return f"{self.start.isoformat()}/P{_MONTHS[self.kind]}M"
        if self.kind is PeriodKind.HALF:
            return f"{self.year}-S{self.index}"
        return str(self)


#: How many halves or quarters a year has, and how many months each kind of period spans.
_PARTS = {
    PeriodKind.HALF: 2,
    PeriodKind.QUARTER: 4,
    PeriodKind.FISCAL_HALF: 2,
    PeriodKind.FISCAL_QUARTER: 4,
}
_MONTHS = {
    PeriodKind.YEAR: 12,
    PeriodKind.FISCAL_YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.FISCAL_HALF: 6,
    PeriodKind.FISCAL_QUARTER: 3,
    PeriodKind.MONTH: 1,
}


# -- parsing ----------------------------------------------------------------------------------
_HALF_WORDS = {"上半期": 1, "上期": 1, "前半": 1, "下半期": 2, "下期": 2, "後半": 2}
_MONTH_SPANS = {
    (1, 3): ("Q", 1),
    (4, 6): ("Q", 2),
    (7, 9): ("Q", 3),
    (10, 12): ("Q", 4),
    (1, 6): ("H", 1),
    (7, 12): ("H", 2),
}
#: Months of a fiscal year: 2024年度4-6月期 is FY2024-Q1, 2024年度1-3月期 is FY2024-Q4.
_FISCAL_MONTH_SPANS = {
    (4, 6): ("Q", 1),
    (7, 9): ("Q", 2),
    (10, 12): ("Q", 3),
    (1, 3): ("Q", 4),
    (4, 9): ("H", 1),
    (10, 3): ("H", 2),
}
#: A half or quarter after a fiscal year (2024年度上期, FY2024-Q1, 令和6年度第3四半期). Indexes
#: take any number, so that 第5四半期 or H3 is an error that says which ones exist.
_FISCAL_PART = (
    r"(?:(?P<w>上半期|上期|前半|下半期|下期|後半)|第(?P<q>\d+)四半期|(?P<q2>\d+)Q|Q(?P<q3>\d+)"
    r"|H(?P<h>\d+)|(?P<h2>\d+)H|(?P<s1>\d{1,2})[-~〜](?P<s2>\d{1,2})月期?)"
)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<y>\d{4})年?"), "year"),
    (re.compile(r"(?P<y>\d{4})年度|FY(?P<y2>\d{4})|(?P<y3>\d{4})FY"), "fiscal"),
    (re.compile(r"(?P<y>\d{4})[-/](?P<end>\d{2}|\d{4})"), "range"),
    (re.compile(r"(?P<y>\d{4})-04-01/P1Y"), "fiscal"),
    (
        re.compile(r"(?:(?P<y>\d{4})年度|FY(?P<y2>\d{4})|(?P<y3>\d{4})FY)[-/]?" + _FISCAL_PART),
        "fiscal_part",
    ),
    (
        re.compile(r"(?:Q(?P<q3>\d+)|(?P<q2>\d+)Q|H(?P<h>\d+)|(?P<h2>\d+)H)[-/]?FY(?P<y>\d{4})"),
        "fiscal_part",
    ),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-01/P(?P<n>[36])M"), "fiscal_range"),
    (re.compile(r"(?P<y>\d{4})-?[HS](?P<i>[12])|[HS](?P<i2>[12])-?(?P<y2>\d{4})"), "half"),
    (re.compile(r"(?P<y>\d{4})年(?P<w>上半期|上期|前半|下半期|下期|後半)"), "half_word"),
    (re.compile(r"(?P<y>\d{4})-?Q(?P<i>[1-4])|Q(?P<i2>[1-4])-?(?P<y2>\d{4})"), "quarter"),
    (re.compile(r"(?P<y>\d{4})年?第(?P<i>[1-4])四半期"), "quarter"),
    (re.compile(r"(?P<y>\d{4})年(?P<m1>\d{1,2})[-~〜](?P<m2>\d{1,2})月期?"), "month_span"),
    (
        re.compile(r"(?P<y>\d{4})(?:年(?P<m>\d{1,2})月|[-/.]M?(?P<m2>\d{1,2})|M(?P<m3>\d{2}))"),
        "month",
    ),
    (
        re.compile(
            r"(?P<y>\d{4})(?:年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
            r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
        ),
        "date",
    ),
]
_ERA = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])(?P<n>元|\d{1,2})"
    r"(?:(?P<fy>年度)(?:-?"
    + _FISCAL_PART
    + r")?|年?(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?|\.(?P<m2>\d{1,2})(?:\.(?P<d2>\d{1,2}))?)"
)


def parse_period(text: str, *, bare_year_is_fiscal: bool = False) -> Period:
    """The period ``text`` names, or a :class:`PeriodError` saying what was expected.

    ``bare_year_is_fiscal`` reads a bare year (``2024``) as a fiscal year, for a column headed
    年度; explicit forms (``2024年``, ``FY2024``) keep their own meaning.
    """
    return _parse(str(text), bare_year_is_fiscal)


@lru_cache(maxsize=65536)
def _parse(text: str, bare_year_is_fiscal: bool) -> Period:
    cleaned = _normalise(text)
    if not cleaned:
        raise PeriodError(says.PERIOD_EMPTY())
    try:
        found = _match(cleaned, bare_year_is_fiscal)
    except (PeriodError, EraError) as exc:
        raise PeriodError(says.PERIOD_IN_TEXT(text=text.strip(), detail=exc.message)) from None
    if found is None:
        raise PeriodError(says.PERIOD_UNREADABLE(text=text.strip(), examples=EXAMPLES))
    return found


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper().replace("～", "~")


def _match(text: str, bare_year_is_fiscal: bool) -> Period | None:
    era = _ERA.fullmatch(text)
    if era:
        return _era_period(era, bare_year_is_fiscal and not text.endswith("年"))
    for pattern, kind in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        year = int(g.get("y") or g.get("y2") or g["y3"])
        if kind == "year":
            fiscal = bare_year_is_fiscal and not text.endswith("年")
            return Period.fiscal_year(year) if fiscal else Period.calendar_year(year)
        if kind == "fiscal":
            return Period.fiscal_year(year)
        if kind == "fiscal_part":
            return _fiscal_part(year, g) or Period.fiscal_year(year)
        if kind == "fiscal_range":
            return _fiscal_range(year, int(g["m"]), int(g["n"]))
        if kind == "range":
            found = _range(year, g["end"])
            if found is not None:
                return found
            continue
        if kind == "half":
            return Period(PeriodKind.HALF, year, int(g.get("i") or g["i2"]))
        if kind == "half_word":
            return Period(PeriodKind.HALF, year, _HALF_WORDS[g["w"]])
        if kind == "quarter":
            return Period(PeriodKind.QUARTER, year, int(g.get("i") or g["i2"]))
        if kind == "month_span":
            return _month_span(year, int(g["m1"]), int(g["m2"]))
        if kind == "month":
            return Period.month(year, int(g.get("m") or g.get("m2") or g["m3"]))
        return Period.date(year, int(g.get("m") or g["m2"]), int(g.get("d") or g["d2"]))
    return None


def _range(year: int, second: str) -> Period | None:
    """``2015-16`` or ``2015-2016``: the fiscal year starting in 2015.

    ``2024-03`` is a month (ISO 8601 wins), so a two-digit range must not be a month number.
    """
    if len(second) == 2 and 1 <= int(second) <= 12:
        return None
    end = int(second) if len(second) == 4 else (year // 100) * 100 + int(second)
    if len(second) == 2 and end <= year:  # 2024-13: not a range ending in 2013, a month typo
        raise PeriodError(says.PERIOD_NO_SUCH_MONTH(month=int(second)))
    if end != year + 1:
        raise PeriodError(says.PERIOD_RANGE_NOT_ONE_YEAR())
    return Period.fiscal_year(year)


def _month_span(year: int, first: int, last: int) -> Period:
    found = _MONTH_SPANS.get((first, last))
    if found is None:
        raise PeriodError(says.PERIOD_MONTHS_NOT_A_PART(first=first, last=last))
    kind = PeriodKind.QUARTER if found[0] == "Q" else PeriodKind.HALF
    return Period(kind, year, found[1])


def _fiscal_part(year: int, g: dict[str, str]) -> Period | None:
    """The half or quarter of fiscal year ``year`` the groups of :data:`_FISCAL_PART` name."""
    if "w" in g:
        return Period.fiscal_half(year, _HALF_WORDS[g["w"]])
    quarter = g.get("q") or g.get("q2") or g.get("q3")
    if quarter is not None:
        return Period.fiscal_quarter(year, int(quarter))
    half = g.get("h") or g.get("h2")
    if half is not None:
        return Period.fiscal_half(year, int(half))
    if "s1" in g:
        first, last = int(g["s1"]), int(g["s2"])
        found = _FISCAL_MONTH_SPANS.get((first, last))
        if found is None:
            raise PeriodError(says.PERIOD_FISCAL_MONTHS_NOT_A_PART(first=first, last=last))
        if found[0] == "Q":
            return Period.fiscal_quarter(year, found[1])
        return Period.fiscal_half(year, found[1])
    return None


def _fiscal_range(year: int, month: int, months: int) -> Period:
    """An SDMX range of 3 or 6 months from the first of ``month``: a fiscal quarter or half.

    SDMX has no fiscal periods, so :meth:`Period.sdmx` writes them as ranges (FY2024-Q4 is
    ``2025-01-01/P3M``); calendar quarters and halves have their own SDMX forms (2024-Q1,
    2024-S1), so a range is read as fiscal.
    """
    offset = (month - FISCAL_YEAR_START_MONTH) % 12
    if not 1 <= month <= 12 or offset % months:
        starts = _RANGE_STARTS[months == 6]
        part = Text(ja="半期", en="half") if months == 6 else Text(ja="四半期", en="quarter")
        raise PeriodError(says.PERIOD_BAD_FISCAL_RANGE(months=months, part=part, starts=starts))
    fiscal_year = year if month >= FISCAL_YEAR_START_MONTH else year - 1
    kind = PeriodKind.FISCAL_HALF if months == 6 else PeriodKind.FISCAL_QUARTER
    return Period(kind, fiscal_year, offset // months + 1)


_RANGE_STARTS = {
    True: Text(ja="4月1日か10月1日", en="1 April or 1 October"),
    False: Text(ja="4月・7月・10月・1月の1日", en="1 April, July, October or January"),
}


def _era_period(m: re.Match[str], bare_year_is_fiscal: bool) -> Period:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    number = 1 if g["n"] == "元" else int(g["n"])
    month = int(g.get("m") or g.get("m2") or 0)
    day = int(g.get("d") or g.get("d2") or 0)
    if "fy" in g:
        # A half or quarter of an era's 年度 is checked as that 年度 is: 平成31年度 (FY2019) is
        # valid, so its 下期 (October 2019 to March 2020, all in 令和) is FY2019-H2 too.
        year = era_year(g["era"], number)
        return _fiscal_part(year, g) or Period.fiscal_year(year)
    if bare_year_is_fiscal and not month:
        return Period.fiscal_year(era_year(g["era"], number))
    if not month:
        return Period.calendar_year(era_year(g["era"], number))
    # Build the period first (a bad month or day is reported as such), then check the era.
    period = Period.date(2000, month, day) if day else Period.month(2000, month)
    year = era_year(g["era"], number, month=month, day=day or None)
    return Period(period.kind, year, period.index, period.day)
