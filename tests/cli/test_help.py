"""``--help`` as a reader meets it: Japanese by default, English with ``--lang en`` or
``IPKPI_LANG=en``, every line within an 80-column terminal counted by display width (a
Japanese character takes two columns)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from ipkpi.cli.help_format import HelpMixin, Option
from ipkpi.cli.main import cli
from ipkpi.cli.width import cells

JA = {"IPKPI_LANG": None, "COLUMNS": "80"}
EN = {"IPKPI_LANG": "en", "COLUMNS": "80"}


def every_command() -> list[tuple[list[str], click.Command]]:
    """Every group and command with its words after ``ipkpi``, the top (``[]``) first."""
    context = click.Context(cli)
    found: list[tuple[list[str], click.Command]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        found.append((path, command))
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, [*path, name])

    walk(cli, [])
    return found


def help_of(args: list[str], env: dict[str, str | None]) -> str:
    result = CliRunner(env=env).invoke(cli, [*args, "--help"], terminal_width=80, prog_name="ipkpi")
    assert result.exit_code == 0, result.output
    return result.output


def test_the_top_help_is_japanese_by_default():
    lines = help_of([], JA).splitlines()
    assert lines[0] == "使い方：ipkpi [オプション] コマンド [引数]..."
    assert lines[2].startswith("  ipkpi — 知的財産推進計画2025 のフォローアップ：計画、データ、")
    assert "オプション：" in lines and "コマンド：" in lines
    assert "  -h, --help      このヘルプを表示して終了します。" in lines
    assert "  --lang [ja|en]  ヘルプの言語。この下のコマンドの出力の言語にもなります（コマン" in (
        lines
    )
    assert "  status        部ごとの全KPI：最新値、目標、判定、必要ペースと実績、推移。" in lines


def test_the_top_help_is_english_with_the_setting():
    lines = help_of([], EN).splitlines()
    assert lines[0] == "Usage: ipkpi [OPTIONS] COMMAND [ARGS]..."
    assert "Options:" in lines and "Commands:" in lines
    assert "  -h, --help      Show this message and exit." in lines


@pytest.mark.parametrize("where", [["--lang", "en", "--help"], ["--help", "--lang=en"]])
def test_lang_en_anywhere_on_the_line_makes_a_commands_help_english(where: list[str]):
    result = CliRunner(env=JA).invoke(cli, ["status", *where], terminal_width=80, prog_name="ipkpi")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ipkpi status [OPTIONS]\n")
    assert "  --lang [ja|en]                  Language of the output. [default: ja]" in (
        result.output.splitlines()
    )


def test_lang_ja_on_the_line_wins_over_the_setting():
    result = CliRunner(env=EN).invoke(cli, ["status", "--lang", "ja", "--help"], prog_name="ipkpi")
    assert result.output.startswith("使い方：ipkpi status [オプション]\n")


def test_a_default_and_a_range_are_said_in_japanese():
    lines = help_of(["status"], JA).splitlines()
    assert "  --lang [ja|en]                  出力の言語。［既定値：ja］" in lines
    imports = help_of(["data", "import"], JA)
    assert "［既定値：20、0以上］" in imports and "[default" not in imports


@pytest.mark.parametrize("env", [JA, EN], ids=["ja", "en"])
@pytest.mark.parametrize("path", [p for p, _ in every_command()], ids=lambda p: " ".join(p) or "-")
def test_every_help_fits_80_columns(path: list[str], env: dict[str, str | None]):
    lines = help_of(path, env).splitlines()
    wide = [line for line in lines if cells(line) > 80]
    assert not wide, wide


@pytest.mark.parametrize(("path", "command"), every_command(), ids=lambda v: str(v))
def test_every_command_and_option_says_itself_in_both_languages(
    path: list[str], command: click.Command
):
    assert isinstance(command, HelpMixin), path
    assert command.help_ja and command.help, path
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name != "version":
            assert isinstance(param, Option), (path, param.opts)
            assert param.words.ja and param.words.en, (path, param.opts)


#: Four or more English words in a row: a sentence, not an id, a path or a placeholder.
ENGLISH = re.compile(r"\b[A-Za-z]+(?:,? [a-z]+){3,}\b")


@pytest.mark.parametrize("path", [p for p, _ in every_command()], ids=lambda p: " ".join(p) or "-")
def test_japanese_help_has_no_english_sentence(path: list[str]):
    said = help_of(path, JA)
    for words in ("Usage", "Options", "Commands", "Show this", "default:", "[OPTIONS]"):
        assert words not in said, (path, words)
    assert not ENGLISH.findall(said), path
