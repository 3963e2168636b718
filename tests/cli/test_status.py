"""`ipkpi status` on the shipped plan: a verdict, or an honest not_available/pending/monitor,
for every KPI, with the pace needed next to the pace achieved."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.cli.status_cmd import sparkline

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"


@pytest.fixture(scope="module")
def status_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("status") / "store.db"
    result = CliRunner().invoke(
        cli, ["status", "--plan", str(PLAN), "--db", str(db), "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["kpi"]: row for row in data["kpis"]}


def test_every_kpi_has_a_verdict_or_says_why_not(status_json: dict[str, Any]) -> None:
    rows = status_json["kpis"]
    assert len(rows) == 24
    for row in rows:
        assert row["status"], row["kpi"]
        if row["status"] == "not_available":
            assert row["reason"], f"{row['kpi']}: not_available without a reason"
    kinds = {row["kpi"]: (row["kind"], row["status"]) for row in rows}
    assert kinds["creation.investment.pending"] == ("pending", "pending")
    assert kinds["utilization.data.pending"] == ("pending", "pending")
    # 状況把握 KPIs get a trend, never a verdict against a target.
    assert by_id(status_json)["protection.piracy.customs_suspensions"]["method"] == "trend"


def test_agrifood_exports_pace_needed_from_the_latest_value(status_json: dict[str, Any]) -> None:
    # MAFF 2025: 1兆7,005億円 (data-sources.md §2.3); target 5兆円 by 2030 (kpis.md).
    row = by_id(status_json)["protection.regional.agrifood_exports"]
    assert row["latest_period"] == "2025"
    assert row["latest_value"] == pytest.approx(1.7005)
    assert row["unit"] == "jpy_cho"
    assert row["pace_kind"] == "growth"
    assert row["pace_needed"] == pytest.approx((5 / 1.7005) ** (1 / 5) - 1)
    # The pace achieved is the headline's own observed rate since its base period, the same
    # number its sentence gives; it is well below the need.
    assert 0 < row["pace_achieved"] < row["pace_needed"]
    assert row["pace_since"]


def test_gii_rank_uses_the_linear_rank_rule(status_json: dict[str, Any]) -> None:
    # GII 2025: Japan 12th (data-sources.md §2.1); goal top 4 by 2035.
    row = by_id(status_json)["ipx.gii_rank"]
    assert row["latest_value"] == 12
    # one place better after the 2024 baseline (13th): too early; the linear rule says on track
    assert (row["method"], row["status"]) == ("evidence", "too_early")
    assert (row["computed_method"], row["computed_status"]) == ("linear", "substantial_progress")
    assert (row["evidence_count"], row["evidence_needed"]) == (1, 2)
    assert row["pace_kind"] == "places"
    assert row["pace_needed"] == pytest.approx((4 - 12) / (2035 - 2025))


def test_csv_has_the_documented_columns() -> None:
    result = CliRunner().invoke(cli, ["status", "--plan", str(PLAN), "--format", "csv",
                                      "--db", ":memory:"])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = result.stdout[result.stdout.index("part,") :]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 24
    assert list(rows[0])[:4] == ["part", "kpi", "title", "kind"]


def test_as_of_before_any_data_has_no_values(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["status", "--plan", str(PLAN), "--db", str(tmp_path / "s.db"), "--format", "json",
         "--as-of", "2000-01-01"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["vintage"] is None
    assert all(row["latest_value"] is None for row in data["kpis"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "yesterday"], "ipkpi status の --as-of に「yesterday」は指定できません"),
        (["--method", "magic"], "ipkpi status の --method に「magic」は指定できません"),
        (["--lang", "fr"], "ipkpi status の --lang に「fr」は指定できません"),
        (["--format", "xml"], "ipkpi status の --format に「xml」は指定できません"),
        (["--format", "xml", "--lang", "en"], "'xml' is not a value of --format for ipkpi status"),
    ],
)
def test_bad_options_are_clear_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["status", "--plan", str(PLAN), *args], prog_name="ipkpi")
    assert result.exit_code == 2
    assert message in result.output


def test_sparkline_scales_to_the_range() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5]) == "▄▄"
    assert sparkline([]) == ""


@pytest.mark.parametrize("method", ["opensdg", "eurostat", "unsd", "dns", "forecast"])
def test_status_method_shows_that_methods_verdicts(
    method: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    db = tmp_path_factory.mktemp("method") / "store.db"
    result = CliRunner().invoke(cli, ["status", "--plan", str(PLAN), "--db", str(db),
                                      "--format", "json", "--method", method])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = by_id(json.loads(result.stdout[result.stdout.index("{") :]))
    assert {row["method"] for row in rows.values()} == {method}
    piracy = rows["protection.piracy.publication_piracy_access"]
    # each method by its own base-year rule (as assess-table applies it), not the headline's:
    # Open SDG's from 2020-01 (64百万, before the surge) reads 悪化, Eurostat's 大きな進展
    if method == "opensdg":
        assert piracy["status"] == "deterioration"
    if method == "eurostat":
        assert piracy["status"] == "substantial_progress"
        # a rank is judged by the linear rule: Eurostat's growth rule does not apply to it
        assert rows["ipx.gii_rank"]["status"] == "not_available"
        assert rows["ipx.gii_rank"]["reason"].startswith("この方法はこのKPIの評価に用いない")
