"""Periods as Japanese sources write them, read into one canonical form."""

from __future__ import annotations

import datetime as dt

import pytest

from ipkpi.periods import Period, PeriodError, PeriodKind, parse_period


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024", "2024"),
        ("2024年", "2024"),
        ("２０２４年", "2024"),
        ("2024年度", "FY2024"),
        ("FY2024", "FY2024"),
        ("fy 2024", "FY2024"),
        ("令和6年度", "FY2024"),
        ("Ｒ６年度", "FY2024"),
        ("R6", "2024"),
        ("令和元年", "2019"),
        ("平成30年", "2018"),
        ("H30", "2018"),
        ("昭和64年", "1989"),
        ("2015-16", "FY2015"),
        ("2015-2016", "FY2015"),
        ("2015/16", "FY2015"),
        ("2024-H1", "2024-H1"),
        ("2024H2", "2024-H2"),
        ("H1 2024", "2024-H1"),
        ("2024-S1", "2024-H1"),
        ("2024年上半期", "2024-H1"),
        ("2024年下期", "2024-H2"),
        ("2024年1-6月", "2024-H1"),
        ("2024Q1", "2024-Q1"),
        ("2024-Q3", "2024-Q3"),
        ("Q4 2024", "2024-Q4"),
        ("2024年第2四半期", "2024-Q2"),
        ("2024年1-3月期", "2024-Q1"),
        ("2024年10～12月期", "2024-Q4"),
        ("2024年3月", "2024-03"),
        ("2024-03", "2024-03"),
        ("2024/3", "2024-03"),
        ("2024-M03", "2024-03"),
        ("2008-09", "2008-09"),  # ISO 8601 wins: September 2008, not FY2008
        ("平成31年4月", "2019-04"),
        ("令和元年5月", "2019-05"),
        ("2024-03-15", "2024-03-15"),
        ("2024/3/15", "2024-03-15"),
        ("2024年3月15日", "2024-03-15"),
        ("R6.3.15", "2024-03-15"),
        ("令和元年5月1日", "2019-05-01"),
        ("2024-04-01/P1Y", "FY2024"),
        ("  2024 ", "2024"),
        # fiscal halves (上期 April–September, 下期 October–March) and quarters (from April)
        ("2024年度上期", "FY2024-H1"),
        ("2024年度上半期", "FY2024-H1"),
        ("2024年度前半", "FY2024-H1"),
        ("2024年度下期", "FY2024-H2"),
        ("2024年度下半期", "FY2024-H2"),
        ("2024年度後半", "FY2024-H2"),
        ("2024年度 上期", "FY2024-H1"),
        ("FY2024-H1", "FY2024-H1"),
        ("FY2024H2", "FY2024-H2"),
        ("fy2024 h1", "FY2024-H1"),
        ("1H FY2024", "FY2024-H1"),
        ("H2 FY2024", "FY2024-H2"),
        ("2024年度4-9月", "FY2024-H1"),
        ("2024年度10～3月", "FY2024-H2"),
        ("2024年度第1四半期", "FY2024-Q1"),
        ("２０２４年度第３四半期", "FY2024-Q3"),
        ("2024年度1Q", "FY2024-Q1"),
        ("2024年度Q2", "FY2024-Q2"),
        ("FY2024-Q3", "FY2024-Q3"),
        ("FY2024 Q3", "FY2024-Q3"),
        ("FY2024Q4", "FY2024-Q4"),
        ("1Q FY2024", "FY2024-Q1"),
        ("Q2 FY2024", "FY2024-Q2"),
        ("2024年度4-6月期", "FY2024-Q1"),
        ("2024年度1-3月期", "FY2024-Q4"),  # January–March 2025
        ("令和6年度上期", "FY2024-H1"),
        ("令和6年度下半期", "FY2024-H2"),
        ("令和6年度第1四半期", "FY2024-Q1"),
        ("令和6年度第3四半期", "FY2024-Q3"),
        ("R6年度第2四半期", "FY2024-Q2"),
        ("Ｒ６年度第４四半期", "FY2024-Q4"),
        ("令和元年度上期", "FY2019-H1"),
        ("2024-04-01/P6M", "FY2024-H1"),
        ("2024-10-01/P6M", "FY2024-H2"),
        ("2024-04-01/P3M", "FY2024-Q1"),
        ("2025-01-01/P3M", "FY2024-Q4"),
    ],
)
def test_japanese_and_iso_spellings_read_to_one_canonical_period(text: str, canonical: str) -> None:
    assert str(parse_period(text)) == canonical


@pytest.mark.parametrize(
    "canonical",
    [
        "2024",
        "FY2024",
        "2024-H1",
        "2024-Q1",
        "FY2024-H1",
        "FY2024-H2",
        "FY2024-Q1",
        "FY2024-Q4",
        "2024-03",
        "2024-03-15",
    ],
)
def test_the_canonical_form_reads_back_to_the_same_period(canonical: str) -> None:
    period = parse_period(canonical)
    assert str(period) == canonical
    assert parse_period(str(period)) == period


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("令和1年4月", "令和 began on 2019-05-01"),
        ("令和元年4月30日", "2019-04-30 is 平成31年4月30日"),
        ("平成31年5月", "2019-05 is 令和元年5月"),
        ("平成32年", "2020 is 令和2年"),
        ("昭和64年2月", "1989-02 is 平成元年2月"),
        ("1850", "outside 1900–2100"),
        ("2150年度", "outside 1900–2100"),
        ("2024年13月", "month 13 does not exist"),
        ("2023-02-29", "has no day 29"),
        ("2015-17", "a fiscal year as a range spans one year"),
        ("2024年4-5月", "not a quarter or a half"),
        ("last year", "cannot read 'last year' as a period"),
        ("2024年度第5四半期", "'2024年度第5四半期': fiscal quarter 5 does not exist \\(1–4\\)"),
        ("FY2024-Q0", "fiscal quarter 0 does not exist \\(1–4\\)"),
        ("FY2024-H3", "'FY2024-H3': fiscal half 3 does not exist \\(1–2\\)"),
        ("令和6年度第5四半期", "fiscal quarter 5 does not exist"),
        ("2024年度4-5月", "months 4–5 are not a quarter or a half of the fiscal year"),
        ("平成32年度上期", "2020 is 令和2年"),
        ("令和0年度第1四半期", "令和 years start at 1"),
        ("2150年度上期", "outside 1900–2100"),
        ("2024-02-01/P3M", "read as a fiscal quarter: it must start on 1 April, July, October"),
        ("2024-07-01/P6M", "read as a fiscal half: it must start on 1 April or 1 October"),
        ("", "the period is empty"),
    ],
)
def test_impossible_or_unreadable_periods_are_errors_that_say_why(text: str, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


def test_era_changes_are_exact_to_the_day() -> None:
    assert str(parse_period("平成31年4月30日")) == "2019-04-30"
    assert str(parse_period("令和元年5月1日")) == "2019-05-01"
    assert str(parse_period("昭和64年1月7日")) == "1989-01-07"
    assert str(parse_period("平成元年1月8日")) == "1989-01-08"
    with pytest.raises(PeriodError):
        parse_period("平成元年1月7日")
    # A year of an era is any year with a day in it; both are 2019 and FY2019.
    assert parse_period("平成31年度") == parse_period("令和元年度") == Period.fiscal_year(2019)


def test_fiscal_halves_and_quarters_of_an_era_year_are_checked_as_its_fiscal_year() -> None:
    # 平成31年度 is FY2019 (1 April 2019 was in 平成), so its parts are FY2019's parts, even the
    # ones that fall wholly in 令和; 平成32年度 names no fiscal year, so neither do its parts.
    assert (
        parse_period("平成31年度下期")
        == parse_period("令和元年度下期")
        == Period.fiscal_half(2019, 2)
    )
    assert parse_period("平成31年度第1四半期") == Period.fiscal_quarter(2019, 1)
    assert parse_period("H31年度第4四半期") == Period.fiscal_quarter(2019, 4)
    assert parse_period("昭和63年度下期").end == dt.date(1989, 3, 31)
    for text in ("平成32年度上期", "平成32年度第1四半期"):
        with pytest.raises(PeriodError, match="平成32年 is not in the 平成 era"):
            parse_period(text)


def test_a_bare_year_under_a_nendo_header_is_a_fiscal_year() -> None:
    assert str(parse_period("2024", bare_year_is_fiscal=True)) == "FY2024"
    assert str(parse_period("R6", bare_year_is_fiscal=True)) == "FY2024"
    assert str(parse_period("2024年", bare_year_is_fiscal=True)) == "2024"
    assert str(parse_period("2024-03", bare_year_is_fiscal=True)) == "2024-03"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("FY2024", dt.date(2024, 4, 1), dt.date(2025, 3, 31)),
        ("2024-H2", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        ("2024-Q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024-03-15", dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
        ("FY2024-H1", dt.date(2024, 4, 1), dt.date(2024, 9, 30)),
        ("FY2024-H2", dt.date(2024, 10, 1), dt.date(2025, 3, 31)),
        ("FY2024-Q1", dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        ("FY2024-Q2", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("FY2024-Q3", dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
        ("FY2024-Q4", dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
        ("FY2023-Q4", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    ],
)
def test_periods_know_their_first_and_last_days(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024.0),
        ("FY2024", 2024.0),  # a range counts as its first year (Open SDG)
        ("2024-H2", 2024.5),
        ("2024-Q2", 2024.25),
        ("2024-03", 2024 + 2 / 12),
        ("2024-03-15", 2024 + 74 / 366),
        ("2023-03-15", 2023 + 73 / 365),
        # fiscal parts are fractions of their fiscal year, which counts as its first year
        ("FY2024-H1", 2024.0),
        ("FY2024-H2", 2024.5),
        ("FY2024-Q1", 2024.0),
        ("FY2024-Q2", 2024.25),
        ("FY2024-Q4", 2024.75),
    ],
)
def test_year_fraction_is_the_decimal_year_of_the_start(text: str, year: float) -> None:
    assert parse_period(text).year_fraction == pytest.approx(year, abs=1e-12)


def test_sdmx_spellings() -> None:
    assert parse_period("FY2024").sdmx() == "2024-04-01/P1Y"
    assert parse_period("2024-H1").sdmx() == "2024-S1"
    assert parse_period("2024-Q1").sdmx() == "2024-Q1"
    assert parse_period("2024-03").sdmx() == "2024-03"
    assert parse_period("FY2024-H1").sdmx() == "2024-04-01/P6M"
    assert parse_period("FY2024-H2").sdmx() == "2024-10-01/P6M"
    assert parse_period("FY2024-Q1").sdmx() == "2024-04-01/P3M"
    assert parse_period("FY2024-Q4").sdmx() == "2025-01-01/P3M"


@pytest.mark.parametrize(
    "canonical", ["FY2024", "FY2024-H1", "FY2024-H2", "FY2024-Q1", "FY2024-Q2", "FY2024-Q4"]
)
def test_sdmx_ranges_read_back_to_the_same_fiscal_period(canonical: str) -> None:
    period = parse_period(canonical)
    assert parse_period(period.sdmx()) == period


def test_periods_sort_by_time() -> None:
    texts = ["2025", "FY2024", "2024-Q1", "2024-03", "2024", "2024-H2"]
    ordered = [str(p) for p in sorted(parse_period(t) for t in texts)]
    assert ordered == ["2024-Q1", "2024", "2024-03", "FY2024", "2024-H2", "2025"]


def test_fiscal_periods_sort_by_time_among_each_other() -> None:
    texts = ["FY2025-Q1", "FY2024-Q4", "FY2024-H2", "FY2024-Q3", "FY2024", "FY2024-Q2"]
    texts += ["FY2024-H1", "FY2024-Q1", "FY2023-Q4"]
    ordered = [str(p) for p in sorted(parse_period(t) for t in texts)]
    assert ordered == [
        "FY2023-Q4",
        "FY2024-Q1",
        "FY2024-H1",
        "FY2024",
        "FY2024-Q2",
        "FY2024-Q3",
        "FY2024-H2",
        "FY2024-Q4",
        "FY2025-Q1",
    ]


def test_kinds() -> None:
    assert parse_period("2024年度").kind is PeriodKind.FISCAL_YEAR
    assert parse_period("2024年3月").kind is PeriodKind.MONTH
    assert parse_period("2024年度上期").kind is PeriodKind.FISCAL_HALF
    assert parse_period("2024年度第1四半期").kind is PeriodKind.FISCAL_QUARTER
    # 年 without 度 stays a calendar half or quarter
    assert parse_period("2024年上期") == Period(PeriodKind.HALF, 2024, 1)
    assert parse_period("2024年第1四半期") == Period(PeriodKind.QUARTER, 2024, 1)
