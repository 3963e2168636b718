"""``ipkpi plan …``: validate, show and describe plan files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from ..files import write_text
from ..paths import default_plan_dir
from ..plan import KIND_LABELS, KpiBase, Plan
from ..plan.lineage import LINEAGE_FILE, diff_markdown, next_plan, plan_diff, read_lineage
from ..plan.loader import check_plan, load_plan
from ..plan.lookup import plan_ids
from ..plan.problems import render
from ..plan.schema import write_schemas
from ..plan.summary import summarize
from ..text import Lang, parse_lang, t
from .help_format import Command, Group, line_lang, option
from .options import DB_OPTION, LANG_OPTION, PLAN_OPTION, open_plan
from .suggest import did_you_mean

if TYPE_CHECKING:
    from ..store.store import Store

DIR_ARGUMENT = click.argument("directory", required=False, type=click.Path(path_type=Path))
__all__ = ["LANG_OPTION", "open_plan", "plan", "print_summary", "summary"]


@click.group(cls=Group, help_ja="データとしての計画：検証、表示、JSON Schema の書出し。")
def plan() -> None:
    """The plan as data: validate, show, export its JSON Schemas."""


@plan.command(
    help_ja="計画の全ファイルを検証します。対象は DIRECTORY または --plan のフォルダで、すべての"
    "問題をファイルと行とともに示します。"
)
@DIR_ARGUMENT
@PLAN_OPTION
def validate(directory: Path | None, plan_dir: Path | None) -> None:
    """Check every plan file (DIRECTORY or --plan); list every problem with its file and line."""
    folder = directory or plan_dir or default_plan_dir()
    problems = check_plan(folder)
    if problems:
        err = Console(stderr=True)
        lang = line_lang()
        for problem in problems:
            click.echo(render(problem, lang=lang), err=True)
        said = f"{folder} に {len(problems)} 件の問題があります。"
        if lang == "en":
            said = f"{len(problems)} problem(s) in {folder}"
        err.print(said, style="bold red", markup=False, highlight=False, soft_wrap=True)
        raise SystemExit(1)
    loaded = load_plan(folder)
    parts, kpis = len(loaded.parts), len(loaded.kpis())
    series, sources = sum(len(k.series) for k in loaded.kpis()), len(loaded.sources)
    if line_lang() == "en":
        click.echo(
            f"{folder}: valid — {parts} parts, {kpis} KPIs, {series} series, {sources} sources"
        )
        return
    click.echo(f"{folder}：問題はありません。部 {parts}、KPI {kpis}、系列 {series}、出典 {sources}")


@plan.command(
    help_ja="計画をツリーで表示します。ID を指定すると、その部、節または KPI を詳しく表示します。"
)
@click.argument("item", required=False)
@PLAN_OPTION
@LANG_OPTION
def show(item: str | None, plan_dir: Path | None, lang: str) -> None:
    """Print the plan as a tree, or one part, section or KPI (by id) in detail."""
    # The panels read the follow-up (assessment, store): imported here, so `ipkpi summary`,
    # which shares this module, starts without them.
    from .render_kpi import kpi_panel, part_panel, section_panel

    loaded = open_plan(plan_dir)
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
    hint = did_you_mean(item, plan_ids(loaded), language)
    if language == "ja":
        raise click.ClickException(
            f"ID「{item}」の部・節・KPIはありません。{hint.strip()}"
            "一覧は「ipkpi plan show」で表示されます。"
        )
    raise click.ClickException(
        f"no part, section or KPI with id {item!r}.{hint} 'ipkpi plan show' lists them all."
    )


@plan.command(help_ja="計画ファイルの JSON Schema を書き出します（エディタ用）。")
@option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help=t("*.schema.json を書き出すフォルダ。", "Folder for the *.schema.json files."),
)
def schema(out: Path) -> None:
    """Write the JSON Schemas of the plan files (for editors)."""
    for path in write_schemas(out):
        click.echo(path)


def plan_tree(loaded: Plan, lang: Lang) -> Tree:
    from .render_kpi import measures_text

    tree = Tree(f"[bold]{loaded.title.get(lang)}[/] ({loaded.id})")
    for part in loaded.parts:
        branch = tree.add(f"[bold]{part.number}. {part.title.get(lang)}[/] ({part.id})")
        for kpi in part.kpis:
            branch.add(_kpi_line(kpi, lang))
        for section in part.sections:
            node = branch.add(
                f"{section.title.get(lang)} ({part.id}.{section.id}) — "
                f"{measures_text(len(section.measures), lang)}"
            )
            for kpi in section.kpis:
                node.add(_kpi_line(kpi, lang))
    return tree


def _kpi_line(kpi: KpiBase, lang: Lang) -> str:
    kind = KIND_LABELS[getattr(kpi, "kind", "monitor")].get(lang)
    return f"[cyan]KPI[/] {kpi.title.get(lang)} [dim]({kpi.id}; {kind})[/]"


@click.command(
    cls=Command,
    help_ja="""計画を検証し、部・種類別のKPI数とデータの有無を表示します。

    データの有無はデータベース（--db）上で、ダッシュボードと同じ方法で数えます。計画に同梱の
    観測値がまだ取り込まれていなければ、先に取り込みます。""",
)
@PLAN_OPTION
@DB_OPTION
@LANG_OPTION
def summary(plan_dir: Path | None, db: str | None, lang: str) -> None:
    """Validate the plan and print its summary: KPIs by part and by kind, and data coverage.

    Coverage is counted in the store (--db), as the dashboard counts it; the plan's shipped
    observations are loaded into it first when they are not there yet.
    """
    from .options import open_plan_and_store

    loaded, store = open_plan_and_store(plan_dir, db, Console(stderr=True))
    with store:
        with_data = ids_with_data(store)
    print_summary(Console(), loaded, with_data, parse_lang(lang))


def ids_with_data(store: Store) -> set[str]:
    """The series with observations and the milestones with a recorded completion (a milestone's
    data is its completion: ipkpi milestone import), as `summary` and `serve` both count them."""
    return set(store.series_ids()) | {c.kpi_id for c in store.completions()}


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
        str(sum(p.sections for p in result.parts)),
        str(sum(p.measures for p in result.parts)),
        str(result.kpis),
        str(result.kpis_with_data),
        style="bold",
    )
    console.print(by_part)
    by_kind = Table(title="KPIs by kind" if lang == "en" else "種類ごとのKPI")
    by_kind.add_column("Kind" if lang == "en" else "種類")
    by_kind.add_column("KPIs" if lang == "en" else "KPI", justify="right")
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


@plan.command(
    "next",
    help_ja="次の計画の案を作成します。施策と KPI を写し、lineage.yaml を書き出します（すべて"
    " carried：継続）。",
)
@click.argument("source", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@option(
    "--year",
    type=int,
    default=None,
    help=t("次の計画の年（既定：翌年）。", "Year of the next plan (default: +1)."),
)
def next_command(source: Path, target: Path, year: int | None) -> None:
    """Draft the next plan: copy measures and KPIs, write lineage.yaml (all 'carried')."""
    current = open_plan(source)
    try:
        lineage = next_plan(source, target, current, year or current.year + 1)
    except FileExistsError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Wrote {target}: {len(lineage.measures)} measures and {len(lineage.kpis)} KPIs carried "
        f"from {current.id}; edit the plan and {target / LINEAGE_FILE}, then "
        f"'ipkpi plan diff {source} {target}'"
    )


@plan.command(
    "diff",
    help_ja="「計画N→N+1」の対照表を作成します。すべての施策と KPI を、新旧の関係と新旧の本文"
    "とともに示します。",
)
@click.argument("previous_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@LANG_OPTION
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t(
        "対照表（Markdown）を、画面に表示する代わりにこのファイルに書き出します。",
        "Write the report (Markdown) to this file instead of printing it.",
    ),
)
def diff_command(previous_dir: Path, directory: Path, lang: str, output: Path | None) -> None:
    """The 「計画N→N+1」 report: every measure and KPI by relation, old and new text."""
    previous, current = open_plan(previous_dir), open_plan(directory)
    lineage = read_lineage(directory)
    if lineage is None:
        raise click.ClickException(f"{directory} has no {LINEAGE_FILE}: run 'ipkpi plan next'")
    language = parse_lang(lang)
    text = diff_markdown(
        previous, current, plan_diff(previous, current, lineage, language), language
    )
    if output:
        write_text(output, text, encoding="utf-8")
        click.echo(f"Wrote {output}")
    else:
        click.echo(text)
