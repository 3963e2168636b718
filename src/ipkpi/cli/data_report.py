"""What ``ipkpi data`` prints: the import's progress, its report, a data file's problems.

Report lines go to stderr unwrapped (stdout is for exported data); tables are rich's.
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
from .help_format import reader_lang

_PHASES = {"read": "reading the file", "check": "checking rows", "write": "writing observations"}


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
            label = _PHASES.get(phase, phase)
            if total:
                # Through the bar's console, so the line is printed above a live bar.
                self.bar.console.print(
                    f"{label} ({total:,})…", soft_wrap=True, markup=False, highlight=False
                )
            self.tasks[phase] = self.bar.add_task(label, total=total or None)
        self.bar.update(self.tasks[phase], completed=done, total=total or None)


_WORDS = {
    "en": {
        "head": "{n} problem{s}; nothing was imported:",
        "more": "… and {n} more (--show N lists up to {kept} of them). By problem:",
    },
    "ja": {
        "head": "{n} 件の問題があります。何も取り込んでいません:",
        "more": "… ほかに {n} 件（--show N で {kept} 件まで表示）。問題の種類ごとに:",
    },
}


def print_problems(error: DataFileError, show: int) -> None:
    """One line per problem (complete, greppable), then counts by kind for a long list.

    In the reader's language (a ``--lang`` on the line, a group's included, else ``IPKPI_LANG``
    or the locale), each line with its code."""
    lang = reader_lang()
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
    if report.status == "already_imported":
        when = report.vintage.recorded_at.strftime("%Y-%m-%d %H:%M") if report.vintage else "?"
        say(
            f"{report.file}: already imported (same content, vintage recorded {when} UTC); "
            "nothing added"
        )
        return
    verb = "would change" if report.status == "dry_run" else "imported"
    say(
        f"{report.file}: {verb}: {report.new_count:,} new, {report.revised_count:,} revised, "
        f"{report.unchanged_count:,} unchanged"
    )
    lang = reader_lang()
    for warning in report.warnings:
        say(f"  {_NOTE[lang]}{warning.full(lang)}")
    # A dry run lists what would change; a done import lists only the revisions.
    statuses = ("new", "revised") if report.status == "dry_run" else ("revised",)
    changes = report.changes(statuses, limit=show) if show else []
    if changes:
        table = Table()
        for column in ("row", "series", "period", "value", "was", "change"):
            table.add_column(column)
        for c in changes:
            was = "" if c.old_value is None else f"{c.old_value:,.10g}"
            table.add_row(str(c.row), c.series, c.period, f"{c.value:,.10g}", was, c.status)
        console.print(table)
        listed = report.revised_count + (report.new_count if report.status == "dry_run" else 0)
        if listed > len(changes):
            say(f"… and {listed - len(changes):,} more (--show N lists more)")


_NOTE = {"en": "note: ", "ja": "注意: "}


def say(text: str) -> None:
    """A line of the report, on stderr, never wrapped (stdout is for exported data)."""
    click.echo(text, err=True)
