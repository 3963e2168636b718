"""Entry point of the ``ipkpi`` command. Each command group lives in its own module.

The modules are imported when their command runs, not before: ``ipkpi summary`` does not pay
for the store, the charts or the web server (``benchmarks/bench_cli.py`` measures it).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import click

from .. import __version__
from ..text import t
from .help_format import Group, help_lang
from .width import shortened

#: Command name → "module:attribute" under ``ipkpi.cli``.
COMMANDS = {
    "plan": "plan_cmd:plan",
    "summary": "plan_cmd:summary",
    "assess-table": "assess_cmd:assess_table",
    "serve": "web_cmd:serve",
    "build-site": "web_cmd:build_site",
    "report": "report_cmd:report",
    "status": "status_cmd:status",
    "data": "data_cmd:data",
    "ministries": "ministries_cmd:ministries_command",
    "cycle": "cycle_cmd:cycle",
    "admin": "admin_cmd:admin",
    "statement": "statement_cmd:statement",
    "milestone": "statement_cmd:milestone",
    "store": "store_cmd:store",
    "notify": "notify_cmd:notify",
}


#: Command name → its one-line help in Japanese and English, so that ``ipkpi --help`` lists the
#: commands without importing them all (the store, the charts, the report: 2 s).
#: ``tests/cli/test_consistency.py`` holds each line to the command's own first sentence
#: (its ``help_ja`` and its docstring).
SUMMARIES = {
    "admin": t(
        "利用者と役割：登録、府省庁の役割の付与、停止、監査記録。",
        "People and roles: create users, grant ministry roles, disable accounts, the audit.",
    ),
    "assess-table": t(
        "OBSERVATIONS.csv の全系列を評価します。",
        "Assess every series of OBSERVATIONS.csv (columns series,year,value) by METHOD.",
    ),
    "build-site": t(
        "ダッシュボードを静的サイトとして OUT に書き出します。",
        "Write the dashboard as a static site into OUT (relative links: any host, any path).",
    ),
    "cycle": t(
        "点検サイクル：開始、テンプレート、取込み、締切、公開、状況。",
        "The review cycle: open, ministry templates, import, lock, publish, status.",
    ),
    "data": t(
        "観測値：ファイルの取込み・書出し、系列の改定履歴。",
        "Observations: import files, export them, see a series' revisions.",
    ),
    "milestone": t(
        "工程の完了（日付、決定、出典）の記録：取込み、一覧。",
        "Milestone completions (date, decision, source) recorded as data: import, list.",
    ),
    "ministries": t(
        "府省庁コード一覧：施策や所属に指定できる全コード（建制順）。",
        "The 府省庁 code list: every code a measure or a membership may name, in 建制順.",
    ),
    "notify": t("電子メールによる通知。", "E-mail notifications."),
    "plan": t(
        "データとしての計画：検証、表示、JSON Schema の書出し。",
        "The plan as data: validate, show, export its JSON Schemas.",
    ),
    "report": t(
        "フォローアップ報告書とそのスライド・表を書き出します。",
        "Write the follow-up report (PDF, HTML, Markdown), its deck (PPTX) or its tables (XLSX).",
    ),
    "serve": t(
        "ダッシュボードを配信します（日本語は /、英語は /en/）。",
        "Serve the dashboard (Japanese at /, English at /en/) after printing the plan's summary.",
    ),
    "statement": t(
        "事務局評価（KPI・点検日ごとの評価文）：取込み、一覧。",
        "The secretariat's written judgement per KPI and review date: import, list.",
    ),
    "status": t(
        "部ごとの全KPI：最新値、目標、判定、必要ペースと実績、推移。",
        "Every KPI by part: latest value, goal, verdict, pace needed vs achieved, history.",
    ),
    "store": t(
        "データベースのバックアップ、復元、移行、点検。",
        "Back up, restore, migrate and check the store (docs/deploy.md).",
    ),
    "summary": t(
        "計画を検証し、部・種類別のKPI数とデータの有無を表示します。",
        "Validate the plan and print its summary: KPIs by part and by kind, and data coverage.",
    ),
}


def say_version(ctx: click.Context, _param: click.Parameter, asked: bool) -> None:
    """``--version``: 「ipkpi バージョン 0.1.0」, or click's "ipkpi, version 0.1.0" in English."""
    if not asked or ctx.resilient_parsing:
        return
    said = "ipkpi バージョン {}" if help_lang(ctx) == "ja" else "ipkpi, version {}"
    click.echo(said.format(__version__))
    ctx.exit()


class LazyGroup(Group):
    """A group whose commands are imported on first use."""

    def command_rows(self, ctx: click.Context, width: int) -> Iterable[tuple[str, str]]:
        """The command list from :data:`SUMMARIES`: ``--help`` imports no command module."""
        lang = help_lang(ctx)
        names = self.list_commands(ctx)
        limit = width - 6 - max(len(name) for name in names)
        return [(name, shortened(SUMMARIES[name].get(lang), limit)) for name in names]

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"{__package__}.{module_name}")
        command: click.Command = getattr(module, attribute)
        self.add_command(command, cmd_name)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """A command's usage error (unknown option, missing argument) in the command line's
        language (:func:`.choice.in_its_language`); a failure said in Japanese labelled
        「エラー：」, not "Error:" (:func:`.choice.in_its_words`)."""
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            from .choice import in_its_language

            raise in_its_language(exc) from None
        except click.ClickException as exc:
            from .choice import in_its_words

            raise in_its_words(exc) from None


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help_ja="ipkpi — 知的財産推進計画2025 のフォローアップ：計画、データ、判定、"
    "ダッシュボード、報告書。",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=say_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """ipkpi — 知的財産推進計画2025 follow-up: plan, data, verdicts, dashboard and report."""


def main() -> None:
    cli()
