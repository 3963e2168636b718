"""``ipkpi ministries``: the code list for people and for other systems, documented."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.cli.ministries_cmd import COLUMNS
from ipkpi.ministries import ministries

DOC = (Path(__file__).parents[2] / "docs" / "ministries.md").read_text(encoding="utf-8")


def test_csv_lists_every_body_in_order_with_its_parent() -> None:
    result = CliRunner().invoke(cli, ["ministries", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == COLUMNS
    assert [r["code"] for r in rows] == [m.code for m in ministries()]
    jpo = next(r for r in rows if r["code"] == "JPO")
    assert (jpo["name_ja"], jpo["name_en"], jpo["parent"]) == (
        "特許庁",
        "Japan Patent Office",
        "METI",
    )


def test_json_and_the_english_table() -> None:
    rows = json.loads(CliRunner().invoke(cli, ["ministries", "--format", "json"]).stdout)
    assert rows[0]["code"] == "CAS"
    table = CliRunner().invoke(cli, ["ministries", "--lang", "en"]).stdout
    assert "Japan Patent Office" in table and "特許庁" not in table


def test_the_command_options_and_every_kind_are_documented() -> None:
    assert "ipkpi ministries --format csv" in DOC and "--lang en" in DOC
    for body in ministries():
        assert f"`{body.kind}`" in DOC
