"""A value not among an option's choices is refused in the command's language: the command and
option, the value given, every value allowed and an example (or the one meant), with the usage
and where the help is. click's own message ("Invalid value for '--lang': 'xx' is not one of
'ja', 'en'.") was English under a Japanese command line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner, Result

from ipkpi.cli.choice import Choice
from ipkpi.cli.main import cli

from .test_consistency import every_command

BAD = "zz-bad"
#: A Japanese locale and no IPKPI_LANG: a command without ``--lang`` speaks Japanese too.
JAPANESE = {"IPKPI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.UTF-8"}


def run(args: list[str], env: dict[str, str]) -> Result:
    return CliRunner().invoke(cli, args, env=env, prog_name="ipkpi")


def choice_options() -> list[tuple[str, click.Command, click.Option]]:
    return [
        (name, command, param)
        for name, command in every_command()
        for param in command.params
        if isinstance(param, click.Option) and isinstance(param.type, click.Choice)
    ]


def _has_lang(command: click.Command) -> bool:
    return any(p.name == "lang" and isinstance(p.type, click.Choice) for p in command.params)


def test_every_choice_of_the_cli_says_its_failure_in_the_command_language():
    plain = [
        f"{name} {param.human_readable_name}"
        for name, command in every_command()
        for param in command.params
        if isinstance(param.type, click.Choice) and not isinstance(param.type, Choice)
    ]
    assert plain == []
    assert len(choice_options()) >= 15  # --lang, --format, --method, --kind, … of every command


@pytest.mark.parametrize(
    ("name", "option"), [(n, max(p.opts, key=len)) for n, _c, p in choice_options()]
)
def test_a_bad_choice_is_refused_in_japanese_with_the_values_allowed(name: str, option: str):
    command = dict(every_command())[name]
    param = next(p for p in command.params if option in getattr(p, "opts", ()))
    assert isinstance(param.type, click.Choice)
    allowed = [str(c) for c in param.type.choices]
    result = run([*name.split(), option, BAD], env=JAPANESE)
    assert result.exit_code == 2, result.output
    said = result.output
    assert f"エラー：ipkpi {name} の {option} に「{BAD}」は指定できません。" in said
    assert f"指定できる値：{'、'.join(allowed)}。（例：{option} {allowed[0]}）" in said
    assert said.startswith(f"使い方：ipkpi {name} ")
    assert f"詳しくは「ipkpi {name} --help」で確認できます。" in said
    assert "Invalid value" not in said and "Error" not in said and "Usage" not in said
    if _has_lang(command) and option != "--lang":
        english = run([*name.split(), option, BAD, "--lang", "en"], env=JAPANESE).output
        assert f"Error: '{BAD}' is not a value of {option} for ipkpi {name}." in english
        assert f"Allowed values: {', '.join(allowed)}." in english
        assert f"Try 'ipkpi {name} --help' for help." in english


def test_the_examples_of_the_issue_and_a_near_miss():
    vintages = run(["data", "vintages", "--lang", "xx"], env=JAPANESE)
    assert vintages.output.splitlines()[-1] == (
        "エラー：ipkpi data vintages の --lang に「xx」は指定できません。"
        "指定できる値：ja、en。（例：--lang ja）"
    )
    near = run(["status", "--format", "jsn"], env=JAPANESE)
    assert near.output.splitlines()[-1].endswith(
        "指定できる値：table、json、csv。「json」のことですか？"
    )
    # --lang=en anywhere on the line makes the message English, before or after the bad value
    first = run(["status", "--lang=en", "--format", "bad"], env=JAPANESE)
    assert first.output.splitlines()[-1] == (
        "Error: 'bad' is not a value of --format for ipkpi status. Allowed values: table, "
        "json, csv. For example: --format table"
    )


def test_a_command_without_lang_follows_ipkpi_lang():
    english = {**JAPANESE, "IPKPI_LANG": "en"}
    said = run(["data", "export", "--format", "nope"], env=english).output
    assert "Error: 'nope' is not a value of --format for ipkpi data export." in said
    japanese = run(["data", "export", "--format", "nope"], env=JAPANESE)
    assert "エラー：ipkpi data export の --format に「nope」は指定できません。" in japanese.output


def test_a_choice_argument_is_named_by_its_metavar():
    result = run(["admin", "grant", "a@example.jp", "CAO", "boss"], env=JAPANESE)
    assert result.exit_code == 2, result.output
    assert "エラー：ipkpi admin grant の ROLE に「boss」は指定できません。" in result.output
    assert "指定できる値：viewer、editor、approver。（例：viewer）" in result.output


def test_an_unknown_option_and_a_missing_argument_are_said_in_japanese_too():
    unknown = run(["status", "--formt", "table"], env=JAPANESE)
    assert unknown.exit_code == 2
    assert unknown.output.splitlines()[-1] == (
        "エラー：ipkpi status に --formt というオプションはありません。「--format」のことですか？"
    )
    assert unknown.output.startswith("使い方：ipkpi status ")
    english = run(["status", "--formt", "table", "--lang", "en"], env=JAPANESE).output
    assert "No such option '--formt'. Did you mean '--format'?" in english
    missing = run(["data", "import"], env=JAPANESE)
    assert missing.exit_code == 2
    assert (
        missing.output.splitlines()[-1] == "エラー：ipkpi data import には FILE の指定が必要です。"
    )
    reason = run(["data", "withdraw", "x.y", "2024"], env=JAPANESE).output
    assert reason.splitlines()[-1] == "エラー：ipkpi data withdraw には --reason の指定が必要です。"


def test_an_unknown_command_and_extra_words_are_said_in_japanese_too():
    typo = run(["statu"], env=JAPANESE)
    assert typo.exit_code == 2
    assert typo.output.startswith("使い方：ipkpi ")
    assert typo.output.splitlines()[-1] == (
        "エラー：ipkpi に statu というコマンドはありません。「status」のことですか？"
    )
    far = run(["xyzzy"], env=JAPANESE).output.splitlines()[-1]
    assert far == "エラー：ipkpi に xyzzy というコマンドはありません。"
    english = run(["statu"], env={**JAPANESE, "IPKPI_LANG": "en"}).output
    assert "No such command 'statu'. Did you mean 'status'?" in english
    extra = run(["status", "a", "b"], env=JAPANESE)
    assert extra.exit_code == 2
    assert extra.output.splitlines()[-1] == "エラー：ipkpi status に余分な引数があります：a b。"
    kept = run(["status", "a", "--lang", "en"], env=JAPANESE).output
    assert "Got unexpected extra argument (a)" in kept
