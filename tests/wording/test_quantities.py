"""Values with their units read the same in every view: one scale per series, English in English."""

from __future__ import annotations

import pytest

from ipkpi.units import UNITS
from ipkpi.wording import NOUNS, Wording, exact, number, quantity


def test_piracy_reads_in_one_scale_per_language() -> None:
    # ux-review item 14: 3億 (the plan's baseline, in 億) stood above 140百万 (the series').
    page = Wording.of("accesses_month_million", [63.98, 540.0, 140.0, 300.0, 100.0])
    assert page.quantity(300.0, "ja") == "3億アクセス/月"
    assert page.quantity(140.0, "ja") == "1.4億アクセス/月"
    assert page.quantity(63.98, "ja") == "0.64億アクセス/月"
    assert page.quantity(140.0, "en") == "140 million accesses/month"
    assert page.quantity(300.0, "en", approximate=True) == "about 300 million accesses/month"
    assert page.symbol("ja") == "億アクセス/月" and page.symbol("en") == "million accesses/month"
    assert page.scaled(140.0, "ja") == pytest.approx(1.4)


@pytest.mark.parametrize(
    ("value", "unit", "ja", "en"),
    [
        (3.0, "accesses_month_oku", "3億アクセス/月", "300 million accesses/month"),
        (5.8, "jpy_cho", "5.8兆円", "5.8 trillion yen"),
        (15073.0, "jpy_oku", "1.51兆円", "1.51 trillion yen"),
        (33019.0, "count", "33,019件", "33,019"),
        (1297113.0, "count", "130万件", "1.3 million"),
        (13.0, "rank", "13位", "rank 13"),
        (47.3, "percent", "47.3%", "47.3%"),
        (300.0, "per_million", "300人/100万人", "300 per million"),
        (14000.0, "enterprises", "14,000社", "14,000 firms"),
    ],
)
def test_a_lone_value_reads_in_its_own_scale(value: float, unit: str, ja: str, en: str) -> None:
    assert quantity(value, unit, "ja") == ja
    assert quantity(value, unit, "en") == en


def test_english_has_no_japanese_counters_or_abbreviations() -> None:
    for code in UNITS:
        for value in (1.0, 200.0, 3e4, 5e6):
            text = quantity(value, code, "en", approximate=True)
            assert not {"約", "件", "×", "社", "円"} & set(text), (code, text)
            assert text.startswith("about ")


def test_numbers_are_grouped_never_exponential() -> None:
    assert number(12346.0) == "12,346"
    assert number(1.4) == "1.4" and number(3.0) == "3"
    assert number(0.000123) == "0.000123"
    assert number(-0.0001) == "-0.0001" and number(-0.00001, 2) == "-0.00001"
    assert number(0.0004, 1) == "0.0004" and number(-0.0, 3) == "0"
    assert number(float("nan")) == "—" and number(None) == "—"
    assert exact(63.98) == "63.98" and exact(1297113.0) == "1,297,113"


def test_every_unit_dimension_is_worded() -> None:
    assert {u.dimension for u in UNITS.values()} <= set(NOUNS)


def test_a_table_cell_keeps_every_digit_in_the_series_scale() -> None:
    """The piracy table: 63.98 百万アクセス/月 reads 0.6398 in the page's 億 (and 63.98 million)."""
    piracy = Wording.of("accesses_month_million", [63.98, 316.31, 540.0])
    assert piracy.exact(63.98, "ja") == "0.6398" and piracy.heading("ja") == "億アクセス/月"
    assert piracy.exact(316.31, "en") == "316.31"
    assert piracy.heading("en") == "million accesses/month"
    cases = Wording.of("count", [26607.0, 33019.0])
    assert cases.exact(33019.0, "ja") == "33,019" and cases.heading("ja") == "件"
    assert cases.heading("en") == "count"  # never an empty unit cell, never 件
    assert cases.exact(None, "en") == "—"


def test_a_number_remembered_reads_as_when_first_worded() -> None:
    # kept by value (a page words each value several times): an int and the float it equals
    # read alike, the sign and the digits asked for are part of what is kept
    first = [number(1.455), number(1.4549999999999998), number(-0.0001, 1), number(33019)]
    assert first == ["1.46", "1.46", "-0.0001", "33,019"]
    again = [number(1.455), number(33019.0), number(0.25, sign=True), number(0.25), number(0.25, 1)]
    assert again == ["1.46", "33,019", "+0.25", "0.25", "0.3"]
    assert number(-0.0) == number(0.0) == "0" and number(float("nan")) == "—"
