"""Reading indicator tables: every problem at once, each with its row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.assessment import AssessmentInputError
from ipkpi.assessment.table_io import build_batch, read_csv

from .helpers import FIXTURES, fixture_batch


def _problems(obs: str, targets: str) -> list[str]:
    oc, orows = read_csv(FIXTURES / obs, "observations")
    tc, trows = read_csv(FIXTURES / targets, "targets")
    with pytest.raises(AssessmentInputError) as err:
        build_batch(oc, orows, tc, trows, obs_source=obs, targets_source=targets)
    return [str(p) for p in err.value.problems]


def test_every_problem_is_listed_with_row_and_column() -> None:
    problems = _problems("bad_observations.csv", "bad_targets.csv")
    assert problems == [
        "bad_observations.csv, row 2, column value: not a number: 'abc' — write a number such as "
        "1234.5",
        "bad_observations.csv, row 3, column year: series 'a' already has a value for 2015 "
        "(bad_observations.csv:2) — keep one row per year",
        "bad_observations.csv, row 4, column series: blank series name — name the series",
        "bad_observations.csv, row 5, column year: not a year: '20x5' — use 2015, FY2015 or "
        "2015-16",
        "bad_observations.csv, row 6, column value: not a finite number: 'inf' — write a number",
        "bad_observations.csv, row 7, column series: series 'c' has no row in the targets table "
        "(its direction is needed) — add a row with its direction (increase or decrease)",
        "bad_targets.csv, row 2, column direction: unknown direction 'up' — write increase or "
        "decrease",
        "bad_targets.csv, row 2, column target: not a number: 'x' — write a number such as 1234.5",
        "bad_targets.csv, row 3, column series: series 'a' appears twice (first at "
        "bad_targets.csv:2) — keep one row per series",
        "bad_targets.csv, row 3, column target_year: the target year must be after the base year "
        "— check target_year and base_year",
        "bad_targets.csv, row 5, column series: series 'ghost' has a target but no observations "
        "— add its observations or remove its target row",
    ]


def test_missing_columns_are_named() -> None:
    problems = _problems("observations_missing_value_column.csv", "targets_missing_columns.csv")
    needs = "the table needs series, direction, target, target_year, base_year, limit"
    assert problems[:4] == [
        "observations_missing_value_column.csv, column value: missing column 'value' — "
        "the table needs series, year, value",
        f"targets_missing_columns.csv, column base_year: missing column 'base_year' — {needs}",
        f"targets_missing_columns.csv, column limit: missing column 'limit' — {needs}",
        f"targets_missing_columns.csv, column target_year: missing column 'target_year' — {needs}",
    ]


def test_blank_values_are_missing_observations() -> None:
    batch = fixture_batch("gaps_and_blank_values")
    assert batch.years.tolist() == [2012, 2016, 2018, 2020, 2021]
    assert batch.periods == ["2012", "2016", "2018", "2020", "2021"]


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(AssessmentInputError, match="empty"):
        read_csv(empty, "observations")
