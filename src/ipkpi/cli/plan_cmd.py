"""``ipkpi plan …``: validate, show and describe plan files."""

from __future__ import annotations

import csv
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from ..paths import default_plan_dir
from ..plan import KIND_LABELS, KpiBase, Plan
from ..plan.loader import OBSERVATIONS_FILE, check_plan, load_plan
from ..plan.problems import PlanError, render
from ..plan.schema import write_schemas
from ..plan.summary import summarize
from ..settings import current
from ..text import Lang, parse_lang
from .render_kpi import kpi_panel, part_panel, section_panel

LANG_OPTION = click.option(
    "--lang",
    default="ja",
    show_default=True,
    type=click.Choice(["ja", "en"]),
    help="Language of the output.",
)
DIR_ARGUMENT = click.argument("directory", required=False, type=click.Path(path_type=Path))


def open_plan(directory: Path | None) -> Plan:
    """Load the plan or exit with every problem listed."""
    folder = directory or default_plan_dir()
    try:
        return load_plan(folder)
    except PlanError as exc:
        for problem in exc.problems:
            click.echo(render(problem, lang=current().lang), err=True)
        raise click.ClickException(
            f"{len(exc.problems)} problem(s) in {folder}: run 'ipkpi plan validate {folder}'"
        ) from None


@click.group()
def plan() -> None:
    """The plan as data: validate, show, export its JSON Schemas."""


@plan.command()
@DIR_ARGUMENT
def validate(directory: Path | None) -> None:
    """Check every plan file; list every problem with its file and line."""
    folder = directory or default_plan_dir()
    problems = check_plan(folder)
    if problems:
        err = Console(stderr=True)
        for problem in problems:
            click.echo(render(problem, lang=current().lang), err=True)
        err.print(f"{len(problems)} problem(s) in {folder}", style="bold red")
        raise SystemExit(1)
    loaded = load_plan(folder)
    click.echo(
        f"{folder}: valid — {len(loaded.parts)} parts, {len(loaded.kpis())} KPIs, "
        f"{sum(len(k.series) for k in loaded.kpis())} series, "
        f"{len(loaded.sources)} sources"
    )


@plan.command()
@click.argument("item", required=False)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help="Plan folder.")
@LANG_OPTION
def show(item: str | None, directory: Path | None, lang: str) -> None:
    """Print the plan as a tree, or one part, section or KPI (by id) in detail."""
    loaded = open_plan(directory)
    language = parse_lang(lang)
    console = Console()
    if item is None:
        console.print(plan_tree(loaded, language))
        return
    found_part = loaded.part(item)
    if found_part is not None:
        console.print(part_panel(found_part, language))
        return
    found_section = loaded.section(item)
    if found_section is not None:
        console.print(section_panel(found_section[0], found_section[1], language))
        return
    kpi = loaded.kpi(item)
    if kpi is not None:
        console.print(kpi_panel(loaded, kpi, language))
        return
    raise click.ClickException(
        f"no part, section or KPI with id {item!r}: 'ipkpi plan show' lists them all"
    )


@plan.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder for the *.schema.json files.",
)
def schema(out: Path) -> None:
    """Write the JSON Schemas of the plan files (for editors)."""
    for path in write_schemas(out):
        click.echo(path)


def plan_tree(loaded: Plan, lang: Lang) -> Tree:
    tree = Tree(f"[bold]{loaded.title.get(lang)}[/] ({loaded.id})")
    for part in loaded.parts:
        branch = tree.add(f"[bold]{part.number}. {part.title.get(lang)}[/] ({part.id})")
        for kpi in part.kpis:
            branch.add(_kpi_line(kpi, lang))
        for section in part.sections:
            node = branch.add(
                f"{section.title.get(lang)} ({part.id}.{section.id}) — "
                f"{len(section.measures)} measures"
            )
            for kpi in section.kpis:
                node.add(_kpi_line(kpi, lang))
    return tree


def _kpi_line(kpi: KpiBase, lang: Lang) -> str:
    kind = KIND_LABELS[getattr(kpi, "kind", "monitor")].get(lang)
    return f"[cyan]KPI[/] {kpi.title.get(lang)} [dim]({kpi.id}; {kind})[/]"


def shipped_series_with_data(directory: Path) -> set[str]:
    path = directory / OBSERVATIONS_FILE
    if not path.exists():
        return set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["series"] for row in csv.DictReader(handle)}


@click.command()
@click.option("--dir", "directory", type=click.Path(path_type=Path), help="Plan folder.")
@LANG_OPTION
def summary(directory: Path | None, lang: str) -> None:
    """Validate the plan and print its summary: KPIs by part and by kind, and data coverage."""
    folder = directory or default_plan_dir()
    loaded = open_plan(folder)
    language = parse_lang(lang)
    print_summary(Console(), loaded, shipped_series_with_data(folder), language)


def print_summary(console: Console, loaded: Plan, with_data: set[str], lang: Lang) -> None:
    result = summarize(loaded, with_data)
    subtitle = loaded.subtitle.get(lang) if loaded.subtitle else ""
    console.print(f"[bold]{loaded.title.get(lang)}[/] — {subtitle}")
    by_part = Table(title="KPIs by part" if lang == "en" else "部ごとのKPI")
    for header in (
        ("Part", "部"),
        ("Sections", "節"),
        ("Measures", "施策"),
        ("KPIs", "KPI"),
        ("With data", "データあり"),
    ):
        by_part.add_column(
            header[0] if lang == "en" else header[1],
            justify="left" if header[0] == "Part" else "right",
        )
    for part_summary, part in zip(result.parts, loaded.parts, strict=True):
        by_part.add_row(
            f"{part.number}. {part.title.get(lang)}",
            str(part_summary.sections),
            str(part_summary.measures),
            str(part_summary.kpis),
            str(part_summary.kpis_with_data),
        )
    by_part.add_row(
        "Total" if lang == "en" else "計",
        "",
        "",
        str(result.kpis),
        str(result.kpis_with_data),
        style="bold",
    )
    console.print(by_part)
    by_kind = Table(title="KPIs by kind" if lang == "en" else "種類ごとのKPI")
    by_kind.add_column("Kind" if lang == "en" else "種類")
    by_kind.add_column("KPIs", justify="right")
    for kind, label in KIND_LABELS.items():
        if result.by_kind.get(kind):
            by_kind.add_row(label.get(lang), str(result.by_kind[kind]))
    console.print(by_kind)
    console.print(
        f"{result.series_with_data}/{result.series} series and "
        f"{result.kpis_with_data}/{result.kpis} KPIs have data"
        if lang == "en"
        else f"データのある系列 {result.series_with_data}/{result.series}、"
        f"KPI {result.kpis_with_data}/{result.kpis}"
    )
