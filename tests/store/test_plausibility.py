"""Values a series of its kind cannot hold are refused, each naming the cell and what to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipkpi.store import DataFileError, SeriesInfo, Store, import_file
from ipkpi.store.numbers import parse_number
from ipkpi.text import Text

from .conftest import snapshot

KINDS = {
    code: SeriesInfo(code, unit, Text(ja=code, en=code), "irregular")
    for code, unit in (
        ("t.rank", "rank"),
        ("t.count", "count"),
        ("t.persons", "persons_man"),
        ("t.share", "percent"),
        ("t.points", "pp"),
        ("t.money", "jpy_oku"),
        ("t.index", "index"),
        ("t.accesses", "accesses_month_oku"),
    )
}


def problems_of(store: Store, tmp_path: Path, rows: str) -> list[tuple[int, str, str, str]]:
    path = tmp_path / "values.csv"
    path.write_text("series,period,value\n" + rows, encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, KINDS, recorded_at=None)
    assert snapshot(store) == before
    return [(p.row, p.column, p.value, p.code) for p in caught.value.problems]


def test_ranks_counts_and_shares_by_kind(store: Store, tmp_path: Path) -> None:
    rows = (
        "t.rank,2020,-3\nt.rank,2021,0\nt.rank,2022,2.5\nt.rank,2023,13\n"
        "t.count,2020,-5\nt.count,2021,3.5\nt.count,2022,0\n"
        "t.persons,2020,1.2345\nt.persons,2021,1.23456\n"
        "t.share,2020,150\nt.share,2021,-1\nt.share,2022,100\n"
        "t.points,2020,-120\nt.points,2021,-3.5\n"
        "t.money,2020,▲12\nt.index,2020,-40\nt.accesses,2020,-1\n"
    )
    assert problems_of(store, tmp_path, rows) == [
        (2, "value", "-3", "data.value.rank"),
        (3, "value", "0", "data.value.rank"),
        (4, "value", "2.5", "data.value.rank"),
        (6, "value", "-5", "data.value.count"),
        (7, "value", "3.5", "data.value.count"),
        # 1.2345 万人 is 12,345 persons; 1.23456 万人 is 12,345.6.
        (10, "value", "1.23456", "data.value.count"),
        (11, "value", "150", "data.value.share_range"),
        (12, "value", "-1", "data.value.share_range"),
        (14, "value", "-120", "data.value.points_range"),
        (18, "value", "-1", "data.value.negative"),
    ]


def test_only_the_notations_people_type_are_numbers(store: Store, tmp_path: Path) -> None:
    rows = (
        "t.index,2020,1_000\nt.index,2021,١٢٣\nt.index,2022,nan\nt.index,2023,inf\n"
        "t.index,2024,1e-400\nt.index,2025,1e400\nt.index,2019,1e17\nt.index,2018,1e-13\n"
        't.index,2017,"1,000"\nt.index,2016,１２３\n'
    )
    assert problems_of(store, tmp_path, rows) == [
        (2, "value", "1_000", "data.value.notation"),
        (3, "value", "١٢٣", "data.value.notation"),
        (4, "value", "nan", "data.value.not_number"),
        (5, "value", "inf", "data.value.not_number"),
        (6, "value", "1e-400", "data.value.underflow"),
        (7, "value", "1e400", "data.value.overflow"),
        (8, "value", "1e17", "data.value.too_large"),
        (9, "value", "1e-13", "data.value.too_small"),
    ]


def test_the_parser_reads_what_people_type() -> None:
    assert [parse_number(t) for t in ("1,234", "１２３", "▲5", "△1.5", "1e6", " 7 ")] == [
        1234.0, 123.0, -5.0, -1.5, 1e6, 7.0,
    ]  # fmt: skip
    assert [parse_number(t) for t in ("1_000", "١٢٣", "nan", "Infinity", "12,34")] == [None] * 5


def test_periods_past_the_horizon_are_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    path.write_text("series,period,value\nt.index,2026,1\nt.index,2027,2\nt.index,2090,3\n")
    before = snapshot(store)
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, KINDS, recorded_at=dt.datetime(2025, 6, 1))
    assert snapshot(store) == before
    problems = caught.value.problems
    assert [(p.row, p.value, p.code) for p in problems] == [
        (3, "2027", "data.period.beyond_horizon"),
        (4, "2090", "data.period.beyond_horizon"),
    ]
    problem = problems[0]
    assert "2026-12-31" in problem.reason
    assert "翌年の末" in problem.message.hint("ja")


def test_each_rule_is_documented_in_both_languages() -> None:
    from ipkpi.problems import observations as says

    doc = (Path(__file__).parents[2] / "docs" / "data.md").read_text(encoding="utf-8")
    rules = [
        says.NUMBER_NOTATION, says.UNDERFLOW, says.OVERFLOW, says.IMPLAUSIBLY_LARGE,
        says.IMPLAUSIBLY_SMALL, says.RANK_NOT_POSITIVE_WHOLE, says.COUNT_NOT_WHOLE,
        says.NEGATIVE, says.SHARE_OUT_OF_RANGE, says.POINTS_OUT_OF_RANGE,
        says.PERIOD_BEYOND_HORIZON,
    ]  # fmt: skip
    for rule in rules:
        assert f"`{rule.code}`" in doc
        for text in (rule.en, rule.ja):
            assert text.split("{")[0].strip("（") in doc, (rule.code, text)
