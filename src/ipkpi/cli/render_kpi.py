"""Rich renderings of a part, a section and a KPI for ``ipkpi plan show``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from ..followup.describe import shown_period, target_text
from ..followup.flags import flag_labels
from ..plan import KIND_LABELS, ROLE_LABELS, Figure, KpiBase, Part, Plan, Section, Target
from ..plan.measure import ministries_text
from ..text import Lang
from ..units import unit
from ..wording import quantity

_FIELD_LABELS = {
    "target": ("目標", "Target"),
    "target_rank": ("目標順位", "Target rank"),
    "deadline": ("期限", "Deadline"),
    "change": ("変化幅", "Change"),
    "criterion": ("基準", "Criterion"),
    "interpretation": ("数値での解釈", "Numeric reading"),
    "direction": ("方向", "Direction"),
    "due": ("期限", "Due"),
    "status": ("状況", "Status"),
    "pending_until": ("設定時期", "Pending until"),
}


def _l(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "ja" else pair[1]


def figure_text(figure: Figure, lang: Lang) -> str:
    names = [n for n in figure.flags.names() if n != "approximate"]  # 約 is in the value
    flags = f" [{', '.join(flag_labels(names, lang))}]" if names else ""
    shown = shown_period(figure, lang)  # not when the label names it already
    period = f" ({shown})" if shown else ""
    label = f"{figure.label.get(lang)}: " if figure.label else ""
    value = quantity(figure.value, figure.unit, lang, approximate=figure.flags.approximate)
    return f"{label}{value}{period}{flags} — {figure.source}"


_LINK_ROLES = {"output": ("アウトプット", "output"), "outcome": ("アウトカム", "outcome")}


def bullets(items: list[str] | list[RichText]) -> Table:
    """A bulleted list whose items wrap beside their bullet (Japanese has no spaces to break)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", item)
    return grid


def measures_text(count: int, lang: Lang) -> str:
    return f"施策 {count}件" if lang == "ja" else f"{count} measure" + ("" if count == 1 else "s")


def kpi_panel(plan: Plan, kpi: KpiBase, lang: Lang) -> Panel:
    kind = getattr(kpi, "kind", "")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row(_l(("種類", "Kind"), lang), KIND_LABELS[kind].get(lang))
    facts.add_row(_l(("計画の文言", "Wording"), lang), kpi.wording.get(lang))
    for name, pair in _FIELD_LABELS.items():
        value = getattr(kpi, name, None)
        if value is None:
            continue
        if isinstance(value, Target):
            value = target_text(value, lang)
        elif hasattr(value, "get"):
            value = value.get(lang)
        facts.add_row(_l(pair, lang), str(value))
    if kpi.baseline:
        facts.add_row(_l(("基準値", "Baseline"), lang), figure_text(kpi.baseline, lang))
    for figure in kpi.context:
        facts.add_row(_l(("参考", "Context"), lang), figure_text(figure, lang))
    for note in kpi.notes:
        facts.add_row(_l(("注", "Note"), lang), note.get(lang))
    series = Table(title=_l(("系列", "Series"), lang))
    for header in (
        ("ID", "ID"),
        ("名称", "Label"),
        ("役割", "Role"),
        ("単位", "Unit"),
        ("国", "Country"),
        ("注記", "Events"),
    ):
        series.add_column(_l(header, lang), overflow="fold")
    for s in kpi.series:
        series.add_row(
            s.id,
            s.label.get(lang),
            ROLE_LABELS[s.role].get(lang),
            unit(s.unit).symbol.get(lang) or s.unit,
            s.country or "",
            str(len(s.events)) if s.events else "",
        )
    sources = plan.source_by_id()
    used = sorted(
        {kpi.source}
        | {f.source for f in ([kpi.baseline] if kpi.baseline else [])}
        | {f.source for f in kpi.context}
    )
    cited = Table(title=_l(("出典", "Sources"), lang))
    cited.add_column("ID", overflow="fold")
    cited.add_column(_l(("タイトル", "Title"), lang), overflow="fold")
    cited.add_column("URL", overflow="fold")
    for source_id in used:
        src = sources.get(source_id)
        if src is not None:
            cited.add_row(src.id, src.title.get(lang), src.url or "")
    body: list[RenderableType] = [facts, series, cited]
    return Panel(Group(*body), title=f"{kpi.title.get(lang)} ({kpi.id})")


def section_panel(part: Part, section: Section, lang: Lang) -> Panel:
    body: list[RenderableType] = [
        RichText(_l(("現状と課題", "Situation and issues"), lang), style="bold")
    ]
    body.append(bullets([item.get(lang) for item in section.situation]))
    body.append(RichText(_l(("今後の予定（方向性）", "Planned measures"), lang), style="bold"))
    planned: list[RichText] = []
    for measure in section.measures:
        names = [b.get(lang) for b in measure.bodies] + [d.get(lang) for d in measure.documents]
        extra = f"  [{'; '.join(names)}]" if names else ""
        who = ministries_text(measure.ministries, lang)
        links = ", ".join(
            f"{link.kpi} ({_l(_LINK_ROLES[link.role], lang)})" for link in measure.kpis
        )
        item = RichText(f"{measure.text.get(lang)}{extra}\n")
        item.append(who + (f" → {links}" if links else ""), style="dim")
        planned.append(item)
    body.append(bullets(planned))
    body.append(RichText("KPI", style="bold"))
    body.append(bullets([f"{k.title.get(lang)} ({k.id})" for k in section.kpis]))
    return Panel(Group(*body), title=f"{part.title.get(lang)} / {section.title.get(lang)}")


def part_panel(part: Part, lang: Lang) -> Panel:
    body: list[RenderableType] = [RichText(s.get(lang)) for s in part.summary]
    for pillar in part.pillars:
        body.append(RichText(f"{pillar.number}. {pillar.title.get(lang)}", style="bold"))
        body.append(bullets([t.get(lang) for t in pillar.text]))
    for kpi in part.kpis:
        body.append(RichText(f"KPI: {kpi.title.get(lang)} ({kpi.id})"))
    for section in part.sections:
        body.append(
            RichText(
                f"{section.title.get(lang)} ({part.id}.{section.id}): "
                f"{measures_text(len(section.measures), lang)} / KPI {len(section.kpis)}"
            )
        )
    return Panel(Group(*body), title=f"{part.number}. {part.title.get(lang)}")
