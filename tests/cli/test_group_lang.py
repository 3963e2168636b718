"""``--lang`` on a group: ``ipkpi --lang en --help``, ``ipkpi data --help --lang en`` and
``ipkpi --lang en status`` as a reader of ``ipkpi status --lang en --help`` types them. A group's
``--lang`` is the language of its help and the default ``--lang`` of the commands below it; a
command's own ``--lang`` wins; ``--lang fr`` is refused as a command refuses it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from ipkpi.cli.main import cli

from .test_help import every_command

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"
#: No IPKPI_LANG and a Japanese locale; ``ENGLISH``: IPKPI_LANG=en.
JAPANESE = {
    "IPKPI_LANG": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANG": "ja_JP.UTF-8",
    "COLUMNS": "80",
}
ENGLISH = {**JAPANESE, "IPKPI_LANG": "en"}
GROUPS = [path for path, command in every_command() if isinstance(command, click.Group)]


def run(args: list[str], env: dict[str, str] = JAPANESE) -> Result:
    return CliRunner(env=env).invoke(cli, args, terminal_width=80, prog_name="ipkpi")


def test_every_group_is_walked():
    assert [" ".join(p) for p in GROUPS] == [
        "", "admin", "cycle", "data", "milestone", "notify", "plan", "statement", "store",
    ]  # fmt: skip


@pytest.mark.parametrize("path", GROUPS, ids=lambda p: " ".join(p) or "-")
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_groups_lang_en_makes_its_help_english(path: list[str], where: str):
    args = (
        [*path, "--lang", "en", "--help"] if where == "before" else [*path, "--help", "--lang=en"]
    )
    result = run(args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Usage: {' '.join(['ipkpi', *path])} [OPTIONS] COMMAND [ARGS]...")
    assert "Options:" in lines and "Commands:" in lines
    # the group's own --lang, in English
    assert any(
        line.startswith("  --lang [ja|en]") and "Language of the help" in line for line in lines
    )


@pytest.mark.parametrize("path", GROUPS, ids=lambda p: " ".join(p) or "-")
def test_a_groups_help_shows_its_lang_in_japanese(path: list[str]):
    result = run([*path, "--help"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("  --lang [ja|en]")]
    assert len(rows) == 1 and rows[0].split("]", 1)[1].strip().startswith("ヘルプの言語。")


def test_the_top_groups_lang_reaches_a_groups_help():
    said = run(["--lang", "en", "data", "--help"]).output
    assert said.startswith("Usage: ipkpi data [OPTIONS] COMMAND [ARGS]...\n")
    assert "  export        Export the latest observations (or those known on a date)." in said


def test_a_commands_own_lang_wins_in_its_help():
    said = run(["--lang", "en", "status", "--lang", "ja", "--help"]).output
    assert said.startswith("使い方：ipkpi status [オプション]\n")
    assert "  -h, --help                      このヘルプを表示して終了します。" in said
    # under the group's --lang en, the command's --lang is en unless given: its help says so
    english = run(["--lang", "en", "status", "--help"]).output
    assert "  --lang [ja|en]                  Language of the output. [default: en]" in (
        english.splitlines()
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("group_lang") / "store.db")


def _titles(result: Result) -> dict[str, str]:
    assert result.exit_code == 0, result.output
    text = result.stdout[result.stdout.index("part,kpi,") :]
    return {row["kpi"]: row["title"] for row in csv.DictReader(io.StringIO(text))}


def test_the_top_groups_lang_is_the_lang_of_a_command_below(store: str):
    status = ["status", "--plan", str(PLAN), "--db", store, "--format", "csv"]
    english = _titles(run(["--lang", "en", *status]))
    assert english["ipx.gii_rank"] == "Global Innovation Index rank"
    japanese = _titles(run(status))
    assert japanese["ipx.gii_rank"] == "グローバルイノベーション指数の順位"
    # a command's own --lang beats the group's
    assert _titles(run(["--lang", "en", *status, "--lang", "ja"])) == japanese
    assert _titles(run(["--lang", "ja", *status, "--lang=en"])) == english


def test_a_sub_groups_lang_is_the_lang_of_its_commands(tmp_path: Path):
    db = str(tmp_path / "empty.db")
    assert "No vintages yet" in run(["data", "--lang", "en", "--db", db, "vintages"]).output
    assert "データ版はまだありません" in run(["data", "--db", db, "vintages"]).output
    nearest = run(["--lang", "en", "data", "--lang", "ja", "--db", db, "vintages"]).output
    assert "データ版はまだありません" in nearest


def test_a_bad_lang_on_a_group_is_refused_in_japanese():
    result = run(["--lang", "fr", "status"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "使い方：ipkpi [オプション] コマンド [引数]...",
        "詳しくは「ipkpi --help」で確認できます。",
        "",
        "エラー：ipkpi の --lang に「fr」は指定できません。指定できる値：ja、en。（例：--lang ja）",
    ]
    sub = run(["data", "--lang", "fr", "vintages"])
    assert sub.exit_code == 2
    assert sub.output.splitlines()[-1] == (
        "エラー：ipkpi data の --lang に「fr」は指定できません。指定できる値：ja、en。"
        "（例：--lang ja）"
    )


def test_a_bad_lang_on_a_group_is_refused_in_english_under_english():
    expected = [
        "Usage: ipkpi data [OPTIONS] COMMAND [ARGS]...",
        "Try 'ipkpi data --help' for help.",
        "",
        "Error: 'fr' is not a value of --lang for ipkpi data. Allowed values: ja, en. "
        "For example: --lang ja",
    ]
    # the top group's --lang en, or IPKPI_LANG=en: the usage line is English too
    assert run(["--lang", "en", "data", "--lang", "fr", "vintages"]).output.splitlines() == expected
    assert run(["data", "--lang", "fr", "vintages"], ENGLISH).output.splitlines() == expected


def test_top_help_imports_no_command_module():
    code = (
        "import sys\n"
        "from ipkpi.cli.main import main\n"
        "sys.argv = ['ipkpi', '--lang', 'en', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import json\n"
        "names = sorted(m for m in sys.modules if m.startswith('ipkpi.'))\n"
        "print(json.dumps(names), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stderr))
    assert {m for m in loaded if m.startswith("ipkpi.cli.")} == {
        "ipkpi.cli.main", "ipkpi.cli.help_format", "ipkpi.cli.width", "ipkpi.cli.choice",
    }  # fmt: skip
    assert not any(m == "ipkpi.plan" or m.startswith("ipkpi.plan.") for m in loaded)


def test_a_groups_lang_is_the_lang_of_a_commands_problems(tmp_path: Path):
    """``data import`` has no --lang: its problems follow the group's (else the locale)."""
    fixtures = Path(__file__).parents[1] / "store" / "fixtures"
    bad = ["--db", str(tmp_path / "s.db"), "--plan", str(fixtures / "plan")]
    bad += ["import", str(fixtures / "non_numeric_value.csv")]
    english = run(["--lang", "en", "data", *bad])
    assert english.exit_code == 1
    assert "2 problems; nothing was imported:" in english.stderr
    japanese = run(["data", *bad])
    assert "2 件の問題があります。何も取り込んでいません：" in japanese.stderr
    assert "2 件の問題があります。" in run(["--lang", "en", "data", "--lang", "ja", *bad]).stderr
