"""The CLI as a reader meets it: the same option names everywhere, output that fits the
terminal, Japanese without raw ids or English words, ranks the right way up, suggestions for
mistyped ids, and a KPI's history by its id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ipkpi.cli.help_format import HelpMixin
from ipkpi.cli.main import COMMANDS, SUMMARIES, cli
from ipkpi.cli.status_cmd import sparkline
from ipkpi.cli.width import cells

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"
#: What an option is for → its one name. A command that has the thing spells it so.
NAMES = {"plan_dir": "--plan", "db": "--db", "lang": "--lang", "fmt": "--format",
         "format_": "--format", "as_of": "--as-of"}  # fmt: skip


def every_command() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    context = click.Context(cli)

    def walk(command: click.Command, name: str) -> None:
        if isinstance(command, click.Group):
            for sub in command.list_commands(context):
                child = command.get_command(context, sub)
                assert child is not None
                walk(child, f"{name} {sub}".strip())
        else:
            found.append((name, command))

    walk(cli, "")
    return found


def test_every_command_is_registered_and_found():
    names = {name.split()[0] for name, _command in every_command()}
    assert names == set(COMMANDS)


@pytest.mark.parametrize(("name", "command"), every_command(), ids=lambda v: str(v))
def test_the_same_thing_has_the_same_option_name(name: str, command: click.Command):
    for param in command.params:
        if isinstance(param, click.Option) and param.name in NAMES:
            assert NAMES[param.name] in param.opts, f"{name}: {param.opts} for {param.name}"
        if isinstance(param, click.Option):
            assert "--dir" not in param.opts, name
        if isinstance(param, click.Option) and param.name == "lang":
            assert isinstance(param.type, click.Choice) and set(param.type.choices) == {"ja", "en"}


def test_the_help_list_says_what_each_command_says_of_itself():
    """``ipkpi --help`` reads SUMMARIES so as not to import every command: each line must be the
    command's own short help, in Japanese (the first sentence of its ``help_ja``) and in English
    (its docstring), or the list would drift from the commands."""
    context = click.Context(cli)
    assert set(SUMMARIES) == set(COMMANDS)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert isinstance(command, HelpMixin), name
        assert SUMMARIES[name].en == command.get_short_help_str(limit=1000), name
        assert SUMMARIES[name].ja == command.short_help_in("ja", limit=1000), name
        assert command.help_ja.startswith(SUMMARIES[name].ja), name


@pytest.mark.parametrize(("lang", "heading"), [("ja", "コマンド："), ("en", "Commands:")])
def test_help_lists_every_command_in_a_narrow_terminal(lang: str, heading: str):
    env = {"IPKPI_LANG": lang, "COLUMNS": "80"}
    result = CliRunner(env=env).invoke(cli, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert all(cells(line) <= 80 for line in lines)
    listed = {line.split()[0] for line in lines[lines.index(heading) + 1 :] if line.strip()}
    assert listed == set(COMMANDS)
    status = next(line for line in lines if line.startswith("  status "))
    said = status.split(maxsplit=1)[1]
    if lang == "en":  # cut at a word; the Japanese lines are written to fit
        assert said.endswith("...") and SUMMARIES["status"].en.startswith(said.removesuffix("..."))
    else:
        assert said == SUMMARIES["status"].ja


def test_a_mistyped_command_gets_a_suggestion():
    result = CliRunner(env={"IPKPI_LANG": "en"}).invoke(cli, ["stauts"])
    assert result.exit_code == 2
    assert "No such command 'stauts'. Did you mean 'status'?" in result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("cli") / "store.db")


def run(db: str, *args: str, columns: int = 80) -> str:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(
        cli, [*args, "--plan", str(PLAN), "--db", db]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_status_fits_an_80_column_terminal_and_keeps_ids_whole(db: str, lang: str):
    out = run(db, "status", "--lang", lang)
    widths = [click.unstyle(line).rstrip() for line in out.splitlines()]
    from rich.cells import cell_len

    assert max(cell_len(line) for line in widths) <= 80
    for kpi_id in ("protection.piracy.publication_piracy_access", "ipx.gii_rank"):
        assert any(line.startswith(f"{kpi_id} · ") for line in widths), kpi_id


def test_status_in_japanese_shows_no_method_ids_nor_english_flags(db: str):
    out = run(db, "status", columns=160) + run(db, "status")
    for raw in ("linear", "opensdg", "pending", "trend", "eurostat"):
        assert not re.search(rf"(?<![.\w]){raw}(?![.\w])", out), raw  # ids may hold the word
    assert "線形ギャップ法" in out  # the GII rank's method, by its name
    assert "単独では" in out and not re.search(r"法: ", out)  # 「線形ギャップ法：順調」


def test_the_rank_sparkline_rises_when_the_rank_improves():
    # 13th → 12th → 4th: better each time, so each bar is taller.
    assert sparkline([13, 12, 4], upside_down=True) == "▁▂█"
    assert sparkline([13, 12, 4]) == "█▇▁"


def test_the_gii_row_is_drawn_upside_down(db: str):
    out = run(db, "status")
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ipx.gii_rank · "))
    history = next(line for line in lines[start:] if line.startswith("推移"))
    bars = history.split()[1]
    # GII 2025: Japan 12th, the best of the series' last years (data-sources.md §2.1): top bar.
    assert bars[-1] == "█"


def test_history_of_a_kpi_lists_each_of_its_series(db: str):
    out = run(db, "data", "history", "ipx.gii_rank", "--lang", "en", columns=200)
    assert "Global Innovation Index rank (ipx.gii_rank)" in out
    assert "(ipx.gii_rank.jpn):" in out and "(ipx.gii_rank.kor):" in out
    assert "Recorded (UTC)" in out


def test_history_in_japanese_words_its_headers_and_flags(db: str):
    out = run(db, "data", "history", "ipx.gii_rank.jpn", columns=200)
    assert "記録日時（UTC）" in out and "注記" in out
    assert "derived" not in out and "† 増減率などから算出" in out


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["data", "history", "ipx.gii_rnk", "--lang", "en"], "Did you mean 'ipx.gii_rank'"),
        (
            ["data", "history", "ipx.gii_rnk"],
            "エラー：系列「ipx.gii_rnk」の観測値はストアにありません。「ipx.gii_rank」、"
            "「ipx.gii_rank.kor」または「ipx.gii_rank.jpn」のことですか？\n",
        ),
        (["plan", "show", "gii_rank", "--lang", "en"], "Did you mean 'ipx.gii_rank'?"),
    ],
)
def test_a_mistyped_id_gets_the_nearest_ids(db: str, args: list[str], wanted: str):
    store = ["--db", db] if args[0] == "data" else []
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, [*args, "--plan", str(PLAN), *store])
    assert result.exit_code == 1
    assert wanted in result.output


def test_plan_show_says_measures_in_japanese_and_roles_by_name():
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["plan", "show", "--plan", str(PLAN)])
    assert "施策 3件" in result.stdout and "measures" not in result.stdout
    kpi = CliRunner(env={"COLUMNS": "120"}).invoke(
        cli, ["plan", "show", "protection.piracy.publication_piracy_access", "--plan", str(PLAN)]
    )
    assert "│ 参考" in kpi.stdout and " context " not in kpi.stdout
    assert "…" not in kpi.stdout  # nothing cut off


def test_summary_counts_in_the_store_as_the_dashboard_does(db: str):
    out = run(db, "summary", "--lang", "en", columns=120)
    assert re.search(r"\d+/\d+ series and \d+/24 KPIs have data", out)


def test_the_summarys_total_row_adds_up_and_its_japanese_has_no_english(db: str):
    """plans/ip2025: 13 sections and 45 measures (the report's measure table has 45 rows)."""
    ja = run(db, "summary", columns=120)
    total = next(line for line in ja.splitlines() if "│ 計 " in line)
    assert [int(n) for n in re.findall(r"\d+", total)] == [13, 45, 24, 13]
    assert "KPIs" not in ja
    en = run(db, "summary", "--lang", "en", columns=120)
    total = next(line for line in en.splitlines() if "│ Total " in line)
    assert [int(n) for n in re.findall(r"\d+", total)] == [13, 45, 24, 13]


def test_status_before_the_first_vintage_says_there_are_no_data_yet(db: str):
    """The shipped data's vintage is dated by publication (plans/ip2025/plan.yaml); 2000-01-01
    is before it. The title said 「— —時点のデータ」 / "data as of —"."""
    ja = run(db, "status", "--as-of", "2000-01-01", columns=160)
    assert "この時点ではまだデータがありません（最初のデータ版は " in ja and "—時点" not in ja
    en = run(db, "status", "--as-of", "2000-01-01", "--lang", "en", columns=160)
    assert "no data yet at this date (the first vintage is " in en and "as of —" not in en
    body = json.loads(run(db, "status", "--as-of", "2000-01-01", "--format", "json"))
    assert (body["as_of"], body["vintage"]) == ("2000-01-01", None)
