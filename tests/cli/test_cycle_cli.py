"""``ipkpi cycle``: the whole cycle from the command line, and every option documented."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ipkpi.cli.cycle_cmd import cycle
from ipkpi.cli.main import cli

DOC = (Path(__file__).parents[2] / "docs" / "cycle.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "command"), sorted(cycle.commands.items()))
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    assert f"ipkpi cycle {name}" in DOC
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert any(option in DOC for option in parameter.opts), (name, parameter.opts)


def test_open_template_status_lock_publish(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    run = CliRunner().invoke

    def ok(*args: str) -> str:
        result = run(cli, ["cycle", *args, *(["--db", db])])
        assert result.exit_code == 0, result.output
        return result.output

    out = ok(
        "open",
        "fu2026",
        "--name-ja",
        "計画2025 フォローアップ（2026年）",
        "--name-en",
        "Follow-up 2026",
        "--cutoff",
        "2025-12-31",
        "--due",
        "2026-02-28",
    )
    assert "check@1" in out
    target = tmp_path / "jpo.xlsx"
    assert "8 measures of JPO" in ok("template", "--ministry", "JPO", "-o", str(target))
    assert "no problem; 0 update(s)" in ok("import", str(target), "--dry-run")
    status = ok("status", "--lang", "en")
    assert "Japan Patent Office" in status and "24 measures have no ministry" in status
    unknown = run(cli, ["cycle", "template", "--ministry", "MEIT", "--db", db])
    assert unknown.exit_code != 0 and "did you mean METI" in unknown.output
    assert "Locked fu2026" in ok("lock")
    again = run(cli, ["cycle", "import", str(target), "--cycle", "fu2026", "--db", db])
    assert again.exit_code != 0 and "'説明 About'!B2" in again.output
    assert "Published fu2026" in ok("publish", "fu2026")
    twice = run(cli, ["cycle", "publish", "fu2026", "--db", db])
    assert twice.exit_code != 0 and "must be locked" in twice.output
