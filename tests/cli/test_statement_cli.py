"""``ipkpi statement`` and ``ipkpi milestone``: import (all or nothing) and list, each option
documented in docs/statements.md."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.cli.statement_cmd import milestone, statement

DOC = (Path(__file__).parents[2] / "docs" / "statements.md").read_text(encoding="utf-8")
PIRACY = "protection.piracy.publication_piracy_access"
HEADER = "kpi,review_date,status,text_ja,text_en,author_role,author_role_en,written_on\n"


@pytest.mark.parametrize(
    ("group", "name", "command"),
    [("statement", n, c) for n, c in sorted(statement.commands.items())]
    + [("milestone", n, c) for n, c in sorted(milestone.commands.items())],
)
def test_every_command_and_option_is_documented(
    group: str, name: str, command: click.Command
) -> None:
    assert f"ipkpi {group} {name}" in DOC
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert any(option in DOC for option in parameter.opts), (name, parameter.opts)


def test_import_then_list_and_a_refused_file(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + f"{PIRACY},2026-06-30,順調,改善傾向,Improving,事務局,Secretariat,2026-07-01\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke
    result = run(cli, ["statement", "import", str(good), "--db", db, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "good.csv: recorded 1 row(s): 1 new, 0 revising an earlier one" in result.output
    result = run(cli, ["statement", "list", "--db", db, "--format", "json", "--lang", "en"])
    [row] = json.loads(result.stdout)
    assert (row["kpi"], row["status"], row["status_label"], row["text"], row["author_role"]) == (
        PIRACY,
        "on_track",
        "On track",
        "Improving",
        "Secretariat",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + f"{PIRACY},2026-06-31,,評価,,事務局,,2026-07-01\n", encoding="utf-8")
    result = run(cli, ["statement", "import", str(bad), "--db", db])
    assert result.exit_code == 1
    assert "bad.csv、2行目、列 review_date: 評価基準日が日付として読めません" in result.output
    assert "[statement.empty_cell]" in result.output
    assert "bad.csv: 何も取り込んでいません" in result.output
    result = run(cli, ["statement", "list", "--db", db, "--format", "csv"])
    assert result.stdout.count("\n") == 2  # the header and the one good row


def test_status_shows_the_statement_beside_the_computed_verdict(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + f"{PIRACY},2026-06-30,delayed,検討中,Under study,事務局,,2026-07-01\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke
    assert run(cli, ["statement", "import", str(good), "--db", db]).exit_code == 0
    result = run(cli, ["status", "--db", db, "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = {r["kpi"]: r for r in json.loads(result.stdout)["kpis"]}
    piracy = rows[PIRACY]
    assert piracy["status"]  # the computed verdict, as before
    assert piracy["statement"]["text_en"] == "Under study"
    assert piracy["statement_text"] == (
        "Secretariat's assessment (Delayed): Under study "
        "[Review date 2026-06-30; 事務局; written 2026-07-01]"
    )
    other = rows["ipx.gii_rank"]
    assert other["statement"] is None
    assert other["statement_text"] == "Secretariat's assessment: not written"
    narrow = run(cli, ["status", "--db", db], env={"COLUMNS": "80"})
    assert "事務局評価：未記入" in narrow.output
    assert "事務局評価（遅れ）：検討中" in narrow.output
