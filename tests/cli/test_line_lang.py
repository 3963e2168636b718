"""The errors about a command line, as a reader meets them at 80 columns: one rule for a group
and a command (``--lang`` on the line, else ``IPKPI_LANG``, else Japanese; never the locale),
the top group's own options included (``ipkpi --formt``), and a group given no command shows
its help in that language (``ipkpi --lang en``), as ``ipkpi`` alone does."""

from __future__ import annotations

import io
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from ipkpi import __version__
from ipkpi.cli.choice import in_its_language
from ipkpi.cli.help_format import Context
from ipkpi.cli.main import cli

PLAN = str(Path(__file__).parents[2] / "plans" / "ip2025")
BASE = {"IPKPI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80"}
#: A server's C locale and a Japanese desktop's: the errors do not depend on them.
LOCALES = {"C": {**BASE, "LANG": "C"}, "ja": {**BASE, "LANG": "ja_JP.UTF-8"}}
ENGLISH = {**BASE, "LANG": "ja_JP.UTF-8", "IPKPI_LANG": "en"}


def run(args: list[str], env: dict[str, str]) -> Result:
    return CliRunner(env=env).invoke(cli, args, terminal_width=80, prog_name="ipkpi")


def top_error(error: str) -> list[str]:
    return [
        "使い方：ipkpi [オプション] コマンド [引数]...",
        "詳しくは「ipkpi --help」で確認できます。",
        "",
        f"エラー：{error}",
    ]


def top_error_en(error: str) -> list[str]:
    return [
        "Usage: ipkpi [OPTIONS] COMMAND [ARGS]...",
        "Try 'ipkpi --help' for help.",
        "",
        f"Error: {error}",
    ]


TOP_PARSE = [
    (
        ["--formt"],
        "ipkpi に --formt というオプションはありません。",
        "No such option '--formt'.",
    ),
    (
        ["--lan", "en"],
        "ipkpi に --lan というオプションはありません。「--lang」のことですか？",
        "No such option '--lan'. Did you mean '--lang'?",
    ),
    (
        ["--verison"],
        "ipkpi に --verison というオプションはありません。「--version」のことですか？",
        "No such option '--verison'. Did you mean '--version'?",
    ),
    (
        ["-x", "status"],
        "ipkpi に -x というオプションはありません。",
        "No such option '-x'.",
    ),
    (
        ["--lang"],
        "ipkpi の --lang には値の指定が必要です。",
        "Option '--lang' requires an argument.",
    ),
    (
        ["--version=1"],
        "ipkpi の --version には値を指定できません。",
        "Option '--version' does not take a value.",
    ),
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("args", "ja", "en"), TOP_PARSE, ids=lambda v: str(v))
def test_the_top_groups_own_parse_errors_are_in_the_lines_language(
    locale: str, args: list[str], ja: str, en: str
):
    japanese = run(args, LOCALES[locale])
    assert japanese.exit_code == 2
    assert japanese.stdout == ""
    assert japanese.stderr.splitlines() == top_error(ja)
    assert run(args, ENGLISH).stderr.splitlines() == top_error_en(en)
    # --lang en on the line, before or after the mistake, under any locale
    if args != ["--lang"]:
        english = run(["--lang", "en", *args], LOCALES[locale])
        assert english.exit_code == 2
        assert english.stderr.splitlines() == top_error_en(en)
        assert run([*args, "--lang=en"], LOCALES[locale]).stderr.splitlines()[-1] == f"Error: {en}"


def test_an_option_without_its_value_is_said_for_a_command_too():
    said = run(["status", "--lang"], LOCALES["C"])
    assert said.exit_code == 2
    assert said.output.splitlines() == [
        "使い方：ipkpi status [オプション]",
        "詳しくは「ipkpi status --help」で確認できます。",
        "",
        "エラー：ipkpi status の --lang には値の指定が必要です。",
    ]


#: A mistyped command and ``--lang fr`` on the top group, a command and a sub-group: the last
#: line (the usage line above is in the same language, test above and test_group_lang).
SAME_RULE = [
    (
        ["statu"],
        "エラー：ipkpi に statu というコマンドはありません。「status」のことですか？",
        "Error: No such command 'statu'. Did you mean 'status'?",
    ),
    (
        ["--lang", "fr"],
        "エラー：ipkpi の --lang に「fr」は指定できません。指定できる値：ja、en。（例：--lang ja）",
        "Error: 'fr' is not a value of --lang for ipkpi. Allowed values: ja, en. "
        "For example: --lang ja",
    ),
    (
        ["status", "--lang", "fr"],
        "エラー：ipkpi status の --lang に「fr」は指定できません。指定できる値：ja、en。"
        "（例：--lang ja）",
        "Error: 'fr' is not a value of --lang for ipkpi status. Allowed values: ja, en. "
        "For example: --lang ja",
    ),
    (
        ["data", "--lang", "fr"],
        "エラー：ipkpi data の --lang に「fr」は指定できません。指定できる値：ja、en。"
        "（例：--lang ja）",
        "Error: 'fr' is not a value of --lang for ipkpi data. Allowed values: ja, en. "
        "For example: --lang ja",
    ),
]


@pytest.mark.parametrize(("args", "ja", "en"), SAME_RULE, ids=lambda v: str(v))
def test_a_group_and_a_command_speak_the_same_language_under_any_locale(
    args: list[str], ja: str, en: str
):
    path = " ".join(["ipkpi", *(word for word in args[:1] if word in ("status", "data"))])
    for locale in LOCALES.values():
        result = run(args, locale)
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert lines[0].startswith(f"使い方：{path} [オプション]")
        assert lines[1:] == [f"詳しくは「{path} --help」で確認できます。", "", ja]
    english = run(args, ENGLISH)
    assert english.exit_code == 2
    lines = english.stderr.splitlines()
    assert lines[0].startswith(f"Usage: {path} [OPTIONS]")
    assert lines[1:] == [f"Try '{path} --help' for help.", "", en]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_group_given_no_command_shows_its_help_as_the_group_alone_does(locale: str):
    env = LOCALES[locale]
    alone = run([], env)
    assert alone.exit_code == 2 and alone.stdout == ""
    assert alone.stderr.splitlines()[:3] == [
        "使い方：ipkpi [オプション] コマンド [引数]...",
        "",
        "  ipkpi — 知的財産推進計画2025 のフォローアップ：計画、データ、判定、ダッシュ",
    ]
    assert run(["--lang", "ja"], env).stderr == alone.stderr
    english = run(["--lang", "en"], env)
    assert english.exit_code == 2 and english.stdout == ""
    lines = english.stderr.splitlines()
    assert lines[:4] == [
        "Usage: ipkpi [OPTIONS] COMMAND [ARGS]...",
        "",
        "  ipkpi — 知的財産推進計画2025 follow-up: plan, data, verdicts, dashboard and",
        "  report.",
    ]
    assert "  -h, --help      Show this message and exit." in lines
    assert "Missing command." not in english.output
    assert english.stderr == run([], {**env, "IPKPI_LANG": "en"}).stderr
    # a sub-group given options but no command: its help, in the line's language
    data = run(["data", "--lang", "en"], env)
    assert data.exit_code == 2
    assert data.stderr.splitlines()[:3] == [
        "Usage: ipkpi data [OPTIONS] COMMAND [ARGS]...",
        "",
        "  Observations: import files, export them, see a series' revisions.",
    ]
    assert run(["data", "--db", "x.db"], env).stderr == run(["data"], env).stderr
    assert run(["data"], env).stderr.startswith("使い方：ipkpi data [オプション] コマンド")


def test_a_commands_failure_in_japanese_is_labelled_in_japanese():
    args = ["plan", "show", "gii_rnk", "--plan", PLAN]
    said = run(args, LOCALES["C"])
    assert said.exit_code == 1
    assert said.stderr.splitlines() == [
        "エラー：ID「gii_rnk」の部・節・KPIはありません。「ipx.gii_rank」のことですか？"
        "一覧は「ipkpi plan show」で表示されます。"
    ]
    english = run([*args, "--lang", "en"], LOCALES["C"])
    assert english.stderr.splitlines() == [
        "Error: no part, section or KPI with id 'gii_rnk'. Did you mean 'ipx.gii_rank'? "
        "'ipkpi plan show' lists them all."
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_version_is_said_in_the_lines_language(locale: str):
    said = run(["--version"], LOCALES[locale])
    assert said.exit_code == 0
    assert said.stdout == f"ipkpi バージョン {__version__}\n"
    assert run(["--version", "--lang", "en"], LOCALES[locale]).stdout == (
        f"ipkpi, version {__version__}\n"
    )
    assert run(["--version"], ENGLISH).stdout == f"ipkpi, version {__version__}\n"


def test_a_mistyped_command_of_a_sub_group_is_refused_in_the_lines_language():
    said = run(["data", "vintges"], LOCALES["C"])
    assert said.exit_code == 2
    assert said.stderr.splitlines() == [
        "使い方：ipkpi data [オプション] コマンド [引数]...",
        "詳しくは「ipkpi data --help」で確認できます。",
        "",
        "エラー：ipkpi data に vintges というコマンドはありません。「vintages」のことですか？",
    ]
    english = run(["data", "--lang", "en", "vintges"], LOCALES["C"]).stderr.splitlines()
    assert english[-1] == "Error: No such command 'vintges'. Did you mean 'vintages'?"


#: click's own refusals by type (a path, a number, a date): the last line in Japanese, and in
#: English with the group's --lang en.
BY_TYPE = [
    (
        ["cycle", "import", "nofile.xlsx"],
        "エラー：ipkpi cycle import の FILE に指定したファイル「nofile.xlsx」がありません。",
        "Error: Invalid value for 'FILE': File 'nofile.xlsx' does not exist.",
    ),
    (
        ["plan", "diff", "no-such-plan", PLAN],
        "エラー：ipkpi plan diff の PREVIOUS_DIR に指定したフォルダ「no-such-plan」がありません。",
        "Error: Invalid value for 'PREVIOUS_DIR': Directory 'no-such-plan' does not exist.",
    ),
    (
        ["cycle", "import", PLAN],
        "エラー：ipkpi cycle import の FILE にはファイルを指定してください。"
        f"「{PLAN}」はフォルダです。",
        f"Error: Invalid value for 'FILE': File '{PLAN}' is a directory.",
    ),
    (
        ["notify", "due", "--days", "abc"],
        "エラー：ipkpi notify due の --days に「abc」は指定できません。"
        "0以上366以下の整数で指定してください。",
        "Error: Invalid value for '--days': 'abc' is not a valid integer range.",
    ),
    (
        ["notify", "due", "--days", "400"],
        "エラー：ipkpi notify due の --days に「400」は指定できません。"
        "0以上366以下の整数で指定してください。",
        "Error: Invalid value for '--days': 400 is not in the range 0<=x<=366.",
    ),
    (
        ["data", "import", "x.csv", "--max-file-size", "0"],
        "エラー：ipkpi data import の --max-file-size に「0」は指定できません。"
        "1以上の整数で指定してください。",
        "Error: Invalid value for '--max-file-size': 0 is not in the range x>=1.",
    ),
    (
        ["notify", "due", "--today", "2026-13-01"],
        "エラー：ipkpi notify due の --today に「2026-13-01」は指定できません。"
        "YYYY-MM-DD の形式で指定してください。",
        "Error: Invalid value for '--today': '2026-13-01' does not match the format '%Y-%m-%d'.",
    ),
]


@pytest.mark.parametrize(("args", "ja", "en"), BY_TYPE, ids=lambda v: str(v))
def test_a_value_refused_by_its_type_is_said_in_the_lines_language(
    args: list[str], ja: str, en: str
):
    path = " ".join(["ipkpi", *args[:2]])
    said = run(args, LOCALES["C"])
    assert said.exit_code == 2
    lines = said.stderr.splitlines()
    assert lines[0].startswith(f"使い方：{path} [オプション]")
    assert lines[1:] == [f"詳しくは「{path} --help」で確認できます。", "", ja]
    english = run([args[0], "--lang", "en", *args[1:]], LOCALES["C"])
    assert english.exit_code == 2
    lines = english.stderr.splitlines()
    assert lines[0].startswith(f"Usage: {path} [OPTIONS]")
    assert lines[1:] == [f"Try '{path} --help' for help.", "", en]


def test_words_of_clicks_not_known_are_english_with_an_english_usage_line():
    """Never 「使い方：」 above an English "Error:" (a message of click's this CLI cannot say)."""
    ctx = Context(cli, info_name="ipkpi")
    exc = in_its_language(click.UsageError("Something new.", ctx))
    assert exc.format_message() == "Something new."
    buffer = io.StringIO()
    exc.show(buffer)
    assert buffer.getvalue().splitlines()[0] == "Usage: ipkpi [OPTIONS] COMMAND [ARGS]..."
