"""``ipkpi data due``: the shipped plan's data due or overdue in a month, by publisher."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ipkpi.cli.main import cli


def _run(tmp_path: Path, *args: str) -> str:
    db = str(tmp_path / "s.db")
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["data", "due", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_september_2026_lists_gii_as_due_and_npa_as_overdue(tmp_path: Path):
    found = json.loads(_run(tmp_path, "--month", "2026-09", "--format", "json", "--lang", "en"))
    assert found["month"] == "2026-09"
    by_release = {i["release_id"]: i for i in found["items"]}
    gii = by_release["wipo-gii"]
    assert (gii["state_id"], gii["latest"], gii["expected_period"]) == ("due", "2025", "2026")
    assert gii["publisher"] == "World Intellectual Property Organization (WIPO)"
    npa = by_release["npa-economic-crimes"]
    assert (npa["state_id"], npa["expected_month"]) == ("overdue", "2026-03")
    assert "maff-exports" not in by_release  # upcoming (2027-02): listed only with --all
    assert "courts-patent-statistics" not in by_release


def test_all_lists_upcoming_and_unknown_dates_too(tmp_path: Path):
    found = json.loads(_run(tmp_path, "--month", "2026-12", "--all", "--format", "json"))
    by_release = {i["release_id"]: i for i in found["items"]}
    assert by_release["maff-exports"]["state_id"] == "upcoming"
    courts = by_release["courts-patent-statistics"]
    assert (courts["state_id"], courts["expected"], courts["latest"]) == ("unknown", "未定", "なし")
    # Discontinued bases (agri-food old basis) await nothing: one row per KPI and release.
    assert [i["kpi_id"] for i in found["items"]].count("protection.regional.agrifood_exports") == 1


def test_the_table_is_grouped_by_publisher_in_japanese(tmp_path: Path):
    out = _run(tmp_path, "--month", "2026-09")
    assert "2026年9月時点で公表予定・公表予定を過ぎたデータ" in out
    assert "警察庁" in out and "予定超過" in out and "今月予定" in out


def test_a_bad_month_says_how_to_write_it(tmp_path: Path):
    result = CliRunner().invoke(
        cli, ["data", "due", "--db", str(tmp_path / "s.db"), "--month", "2026-9", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "is not a month: write it as YYYY-MM (e.g. 2026-09)" in result.output


def test_a_plan_without_releases_has_nothing_due(tmp_path: Path):
    fixture = Path(__file__).parents[1] / "web" / "fixtures" / "webplan"
    db = str(tmp_path / "w.db")
    args = ["data", "due", "--plan", str(fixture), "--db", db, "--month", "2026-12", "--lang", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("No data is due or overdue in December 2026.")
    assert "┃" not in result.stdout  # no empty table
