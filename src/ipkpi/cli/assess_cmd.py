"""``ipkpi assess-table``: assess any indicator set from two CSV files.

Thin: read and validate (every problem at once), call the core, format. The rules live in
:mod:`ipkpi.assessment`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..assessment import METHODS, AssessmentInputError, assess
from ..assessment.batch import SeriesBatch
from ..assessment.table import verdict_rows
from ..assessment.table_io import OUTPUT_COLUMNS, build_batch, read_csv
from ..files import write_text
from ..spreadsheet import safe_row
from ..text import parse_lang, t
from .choice import Choice
from .help_format import Command, option
from .options import LANG_OPTION, format_option


@click.command(
    "assess-table",
    cls=Command,
    help_ja="""OBSERVATIONS.csv の全系列を評価します。評価方法は --method で指定します。
    OBSERVATIONS.csv の列は series、year、value です。""",
)
@click.argument("observations", type=click.Path(dir_okay=False, path_type=Path))
@option(
    "--targets",
    "targets",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t(
        "目標の CSV（列は series、direction、target、target_year、base_year、limit）。",
        "CSV with columns series,direction,target,target_year,base_year,limit.",
    ),
)
@option(
    "--method",
    "method",
    required=True,
    type=Choice(METHODS),
    help=t(
        "評価方法（docs/assessment.md を参照）。", "Assessment method (see docs/assessment.md)."
    ),
)
@format_option(["table", "csv", "json"])
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t(
        "標準出力の代わりに、このファイルに書き出します。",
        "Write to this file instead of standard output.",
    ),
)
@LANG_OPTION
def assess_table(
    observations: Path, targets: Path, method: str, fmt: str, output: Path | None, lang: str
) -> None:
    """Assess every series of OBSERVATIONS.csv (columns series,year,value) by METHOD."""
    language = parse_lang(lang)
    try:
        obs_cols, obs_rows = read_csv(observations, "observations")
        tgt_cols, tgt_rows = read_csv(targets, "targets")
        batch = build_batch(
            obs_cols,
            obs_rows,
            tgt_cols,
            tgt_rows,
            obs_source=observations.name,
            targets_source=targets.name,
        )
    except AssessmentInputError as exc:
        raise click.ClickException(exc.text(language)) from None
    _warn_unset_directions(batch, method)
    rows = verdict_rows(assess(batch, method), language, details=fmt == "json")
    text = _render(rows, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text, newline="")


def _warn_unset_directions(batch: SeriesBatch, method: str) -> None:
    """Say on stderr which series have no direction and what the method makes of that: Open
    SDG's silent lower-is-better default is a known trap, so it is never silent here."""
    ids = batch.ids or [str(i) for i in range(batch.direction.size)]
    unset = [sid for sid, d in zip(ids, batch.direction.tolist(), strict=True) if d == 0]
    if not unset:
        return
    shown = ", ".join(unset[:10]) + (f" and {len(unset) - 10} more" if len(unset) > 10 else "")
    effect = (
        "assessed as lower-is-better, Open SDG's default (note direction_defaulted)"
        if method == "opensdg"
        else "not available (no_direction)"
    )
    click.echo(
        f"warning: {len(unset)} series without a direction, {effect}: {shown}. "
        "Write increase or decrease in the targets table.",
        err=True,
    )


def _render(rows: list[dict[str, object]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(OUTPUT_COLUMNS)
        for row in rows:
            writer.writerow(safe_row(_csv_cell(row[c]) for c in OUTPUT_COLUMNS))
        return buffer.getvalue()
    table = Table(*OUTPUT_COLUMNS[:-1], show_lines=False)
    for row in rows:
        table.add_row(*[_csv_cell(row[c], digits=4) for c in OUTPUT_COLUMNS[:-1]])
    console = Console(file=io.StringIO(), width=200, color_system=None, force_terminal=False)
    console.print(table)
    for row in rows:
        console.print(f"{row['series']}: {row['explanation']}", highlight=False, soft_wrap=True)
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def _csv_cell(value: object, digits: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.{digits}g}" if digits else repr(value)
    return str(value)
