"""What ``ipkpi data`` prints: the import's progress, its report, a data file's problems.

In the command line's language (:func:`.help_format.line_lang`: ``--lang`` on the line, a
group's included, else ``IPKPI_LANG``, else Japanese). Report lines go to stderr unwrapped
(stdout is for exported data); tables are rich's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..store import DataFileError, ImportReport
from ..text import Lang
from .help_format import line_lang

_PHASES: dict[Lang, dict[str, str]] = {
    "en": {"read": "reading the file", "check": "checking rows", "write": "writing observations"},
    "ja": {"read": "ファイルを読込み中", "check": "行を点検中", "write": "観測値を書込み中"},
}


@contextmanager
def progress(console: Console) -> Iterator[ProgressCallback]:
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    callback = ProgressCallback(bar)
    with bar:
        yield callback


class ProgressCallback:
    """Shows the import's phases on a rich progress bar; each phase is also logged once."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase not in self.tasks:
            label = _PHASES[line_lang()].get(phase, phase)
            if total:
                # Through the bar's console, so the line is printed above a live bar.
                self.bar.console.print(
                    f"{label} ({total:,})…", soft_wrap=True, markup=False, highlight=False
                )
            self.tasks[phase] = self.bar.add_task(label, total=total or None)
        self.bar.update(self.tasks[phase], completed=done, total=total or None)


_WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "head": "{n} problem{s}; nothing was imported:",
        "more": "… and {n} more (--show N lists up to {kept} of them). By problem:",
        "nothing": "{file}: nothing was imported",
        "again": "{file}: already imported (same content, vintage recorded {when} UTC); "
        "nothing added",
        "dry_run": "{file}: would change: {new} new, {revised} revised, {same} unchanged",
        "imported": "{file}: imported: {new} new, {revised} revised, {same} unchanged",
        "more_changes": "… and {n} more (--show N lists more)",
        "note": "note: ",
    },
    "ja": {
        "head": "{n} 件の問題があります。何も取り込んでいません：",
        "more": "… ほかに {n} 件（--show N で {kept} 件まで表示）。問題の種類ごとに：",
        "nothing": "{file} は取り込んでいません。",
        "again": "{file} は取込み済みです（内容が同じ。データ版の記録は {when} UTC）。"
        "何も追加していません。",
        "dry_run": "{file}：取り込むと、新規 {new} 件、改定 {revised} 件、変更なし {same} 件"
        "（確認のみ。書き込んでいません）",
        "imported": "{file}：取り込みました。新規 {new} 件、改定 {revised} 件、変更なし {same} 件",
        "more_changes": "… ほかに {n} 件（--show N でさらに表示）",
        "note": "注意：",
    },
}
#: The columns of the changes' table, by language.
_COLUMNS: dict[Lang, tuple[str, ...]] = {
    "en": ("row", "series", "period", "value", "was", "change"),
    "ja": ("行", "系列", "期間", "値", "前の値", "変更"),
}
_CHANGE: dict[Lang, dict[str, str]] = {
    "en": {"new": "new", "revised": "revised"},
    "ja": {"new": "新規", "revised": "改定"},
}


def nothing_imported(file: str) -> click.ClickException:
    """The failure that ends an import with problems (exit code 1)."""
    return click.ClickException(_WORDS[line_lang()]["nothing"].format(file=file))


def print_problems(error: DataFileError, show: int) -> None:
    """One line per problem (complete, greppable), then counts by kind for a long list.

    In the command line's language, each line with its code."""
    lang = line_lang()
    words = _WORDS[lang]
    total = error.total
    shown = max(show, 1)
    say(words["head"].format(n=f"{total:,}", s="s" if total != 1 else ""))
    for problem in error.problems[:shown]:
        say(f"  {problem.text(lang)}  [{problem.code}]")
    if total > shown:
        say(words["more"].format(n=f"{total - shown:,}", kept=f"{len(error.problems):,}"))
        for code, count in error.counts().most_common():
            say(f"  {count:>8,}  {error.example(code).text(lang)}  [{code}]")


def print_report(console: Console, report: ImportReport, show: int) -> None:
    lang = line_lang()
    words = _WORDS[lang]
    if report.status == "already_imported":
        when = report.vintage.recorded_at.strftime("%Y-%m-%d %H:%M") if report.vintage else "?"
        say(words["again"].format(file=report.file, when=when))
        return
    said = "dry_run" if report.status == "dry_run" else "imported"
    say(
        words[said].format(
            file=report.file,
            new=f"{report.new_count:,}",
            revised=f"{report.revised_count:,}",
            same=f"{report.unchanged_count:,}",
        )
    )
    for warning in report.warnings:
        say(f"  {words['note']}{warning.full(lang)}")
    # A dry run lists what would change; a done import lists only the revisions.
    statuses = ("new", "revised") if report.status == "dry_run" else ("revised",)
    changes = report.changes(statuses, limit=show) if show else []
    if changes:
        table = Table()
        for column in _COLUMNS[lang]:
            table.add_column(column)
        for c in changes:
            was = "" if c.old_value is None else f"{c.old_value:,.10g}"
            status = _CHANGE[lang].get(c.status, c.status)
            table.add_row(str(c.row), c.series, c.period, f"{c.value:,.10g}", was, status)
        console.print(table)
        listed = report.revised_count + (report.new_count if report.status == "dry_run" else 0)
        if listed > len(changes):
            say(words["more_changes"].format(n=f"{listed - len(changes):,}"))


def say(text: str) -> None:
    """A line of the report, on stderr, never wrapped (stdout is for exported data)."""
    click.echo(text, err=True)
