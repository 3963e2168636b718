"""``ipkpi assess-table``: any indicator set, from two CSV files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli

FIXTURES = Path(__file__).parents[1] / "assessment" / "fixtures"
OBS = str(FIXTURES / "worked_examples_observations.csv")
TARGETS = str(FIXTURES / "worked_examples_targets.csv")
COLUMNS = [
    "series",
    "method",
    "status",
    "score",
    "progress",
    "base_year",
    "base_value",
    "current_year",
    "current_value",
    "observed_rate",
    "required_rate",
    "explanation",
]


def run(*args: str) -> tuple[int, str, str]:
    # English words unless the test chooses with --lang (the rule: --lang, else IPKPI_LANG).
    env = {"IPKPI_LANG": None if "--lang" in args else "en"}
    result = CliRunner(env=env).invoke(cli, ["assess-table", *args])
    return result.exit_code, result.stdout, result.stderr


def test_csv_output_has_the_documented_columns_and_open_sdg_statuses() -> None:
    code, out, err = run(
        OBS, "--targets", TARGETS, "--method", "opensdg", "--format", "csv", "--lang", "en"
    )
    assert code == 0
    # Example A sets no direction: Open SDG's default applies, and it is said, not silent.
    assert err == (
        "warning: 1 series without a direction, assessed as lower-is-better, Open SDG's default "
        "(note direction_defaulted): sdg-build_pr318_indicator_1-1-1. Write increase or "
        "decrease in the targets table.\n"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == COLUMNS
    assert {r["series"]: r["status"] for r in rows} == {
        "sdg-build_pr318_indicator_1-1-1": "deterioration",
        "sdg-build_indicator_3-3-3": "deterioration",
        "sdg-build_temp_indicator_1-2-1": "substantial_progress",
        "sdg-build_temp_indicator_3-2-1": "target_achieved",
        "open-sdg_indicator_1-5-3": "deterioration",
        "open-sdg_indicator_1-5-4": "substantial_progress",
    }
    b = next(r for r in rows if r["series"] == "sdg-build_indicator_3-3-3")
    assert float(b["score"]) == pytest.approx(-2.9408, abs=1e-4)
    assert (b["base_year"], b["current_year"]) == ("2015", "2019")
    assert b["explanation"].startswith("Open SDG (Statistics Canada) method: Deterioration.")


@pytest.mark.parametrize(
    "method", ["opensdg", "eurostat", "unsd", "dns", "forecast", "linear", "trend"]
)
def test_every_method_runs_in_every_format(method: str) -> None:
    for fmt in ("table", "csv", "json"):
        code, out, err = run(OBS, "--targets", TARGETS, "--method", method, "--format", fmt)
        assert code == 0, err
        assert "open-sdg_indicator_1-5-4" in out


def test_json_carries_the_whole_verdict() -> None:
    code, out, _ = run(OBS, "--targets", TARGETS, "--method", "opensdg", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    f = next(r for r in rows if r["series"] == "open-sdg_indicator_1-5-4")
    assert f["status"] == "substantial_progress"
    assert f["thresholds"] == {"high": 0.95, "med": 0.6, "low": 0.0}
    assert (f["target"], f["target_year"]) == (9.0, 2030.0)
    assert f["explanation"].startswith("Open SDG")


def test_table_output_shows_statuses_and_sentences() -> None:
    code, out, _ = run(OBS, "--targets", TARGETS, "--method", "opensdg", "--lang", "en")
    assert code == 0
    assert "substantial_progress" in out and "Target achieved" in out


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "verdicts.csv"
    code, out, _ = run(
        OBS, "--targets", TARGETS, "--method", "eurostat", "--format", "csv", "-o", str(target)
    )
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
    assert [p.name for p in tmp_path.iterdir()] == ["verdicts.csv"]


def test_bad_input_lists_every_problem_and_exits_non_zero() -> None:
    code, _, err = run(
        str(FIXTURES / "bad_observations.csv"),
        "--targets",
        str(FIXTURES / "bad_targets.csv"),
        "--method",
        "opensdg",
    )
    assert code == 1
    assert "11 problems" in err
    assert "bad_observations.csv, row 2, column value: not a number: 'abc'" in err


def test_missing_columns_and_files(tmp_path: Path) -> None:
    code, _, err = run(
        OBS, "--targets", str(FIXTURES / "targets_missing_columns.csv"), "--method", "opensdg"
    )
    assert code == 1 and "missing column 'limit'" in err
    code, _, err = run(str(tmp_path / "nope.csv"), "--targets", TARGETS, "--method", "opensdg")
    assert code == 1 and "cannot read the observations file" in err


def test_bad_input_writes_no_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, _, _ = run(
        str(FIXTURES / "bad_observations.csv"),
        "--targets",
        str(FIXTURES / "bad_targets.csv"),
        "--method",
        "opensdg",
        "-o",
        str(target),
    )
    assert code == 1 and not target.exists()


def test_unknown_method_and_language() -> None:
    code, _, err = run(OBS, "--targets", TARGETS, "--method", "magic")
    assert code == 2 and "opensdg" in err
    code, _, err = run(OBS, "--targets", TARGETS, "--method", "opensdg", "--lang", "fr")
    assert code == 2 and "の --lang に「fr」は指定できません。指定できる値：ja、en。" in err


def test_other_methods_say_a_series_without_direction_is_not_assessed() -> None:
    code, out, err = run(OBS, "--targets", TARGETS, "--method", "eurostat", "--format", "csv")
    assert code == 0
    assert "1 series without a direction, not available (no_direction)" in err
    rows = {r["series"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["sdg-build_pr318_indicator_1-1-1"]["status"] == "not_available"
