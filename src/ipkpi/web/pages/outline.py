"""Part and section pages: the plan's own text, its measures, its KPIs with their verdicts."""

from __future__ import annotations

from typing_extensions import TypedDict

from ...followup import FollowUp
from ...plan import ContextBlock, Part, Section, Source
from ...plan.figures import TAG_LABELS
from ...plan.measure import ministries_text
from ...text import Lang
from ..models import closed
from ..present import FigureData, figure, tx
from .common import KpiRow, PageMeta, ToneCounts, kpi_row, meta, tone_counts
from .home import PillarData, pillars
from .spec import Page, PageRequest, Param, not_found


@closed
class ContextItem(TypedDict):
    id: str
    number: int | None
    label: str
    sublabel: str
    tags: list[str]
    #: The tags readers see, in words (戦略領域, 事例 …).
    tag_labels: list[str]
    description: str
    figures: list[FigureData]


@closed
class ContextBlockData(TypedDict):
    id: str
    title: str
    text: list[str]
    figures: list[FigureData]
    items: list[ContextItem]
    source: str
    source_url: str


@closed
class PartRef(TypedDict):
    id: str
    number: int
    title: str


@closed
class SectionSummary(TypedDict):
    id: str
    title: str
    kpis: int
    measures: int
    tones: ToneCounts


@closed
class PartPage(PageMeta):
    """A part of the plan: its summary, pillars, sections and the KPIs of no section."""

    part: PartRef
    summary: list[str]
    pillars: list[PillarData]
    kpis: list[KpiRow]
    sections: list[SectionSummary]
    context: list[ContextBlockData]


@closed
class SectionRef(TypedDict):
    id: str
    title: str


@closed
class MeasureData(TypedDict):
    id: str
    text: str
    bodies: list[str]
    documents: list[str]
    ministries: str
    unassigned: bool


@closed
class SectionPage(PageMeta):
    """A section: the situation, the planned measures, its KPIs and context."""

    part: PartRef
    section: SectionRef
    situation: list[str]
    measures: list[MeasureData]
    kpis: list[KpiRow]
    context: list[ContextBlockData]


def context_blocks(
    blocks: list[ContextBlock], lang: Lang, sources: dict[str, Source]
) -> list[ContextBlockData]:
    out: list[ContextBlockData] = []
    for block in blocks:
        source = sources.get(block.source) if block.source else None
        out.append(
            {
                "id": block.id,
                "title": tx(block.title, lang),
                "text": [tx(x, lang) for x in block.text],
                "figures": [figure(f, lang, sources) for f in block.figures],
                "items": [
                    {
                        "id": item.id,
                        "number": item.number,
                        "label": tx(item.label, lang),
                        "sublabel": tx(item.sublabel, lang),
                        "tags": item.tags,
                        "tag_labels": [
                            TAG_LABELS[t].get(lang) for t in item.tags if t in TAG_LABELS
                        ],
                        "description": tx(item.description, lang),
                        "figures": [figure(f, lang, sources) for f in item.figures],
                    }
                    for item in block.items
                ],
                "source": tx(source.title, lang) if source else "",
                "source_url": (source.url or "") if source else "",
            }
        )
    return out


def part_page(followup: FollowUp, part: Part, lang: Lang) -> PartPage:
    sources = followup.plan.source_by_id()
    statuses = [s for s in followup.kpis() if s.part.id == part.id]
    return PartPage(
        **meta(followup, "part", {"part_id": part.id}, lang, tx(part.title, lang)),
        part={"id": part.id, "number": part.number, "title": tx(part.title, lang)},
        summary=[tx(x, lang) for x in part.summary],
        pillars=pillars(part.pillars, lang),
        kpis=[kpi_row(s, lang) for s in statuses],
        sections=[
            {
                "id": section.id,
                "title": tx(section.title, lang),
                "kpis": len(section.kpis),
                "measures": len(section.measures),
                "tones": tone_counts(
                    [s for s in statuses if s.section is not None and s.section.id == section.id]
                ),
            }
            for section in part.sections
        ],
        context=context_blocks(part.context, lang, sources),
    )


def section_page(followup: FollowUp, part: Part, section: Section, lang: Lang) -> SectionPage:
    sources = followup.plan.source_by_id()
    params = {"part_id": part.id, "section_id": section.id}
    statuses = followup.kpis_of(kpi.id for kpi in section.kpis)
    return SectionPage(
        **meta(followup, "section", params, lang, tx(section.title, lang)),
        part={"id": part.id, "number": part.number, "title": tx(part.title, lang)},
        section={"id": section.id, "title": tx(section.title, lang)},
        situation=[tx(x, lang) for x in section.situation],
        measures=[
            {
                "id": m.id,
                "text": tx(m.text, lang),
                "bodies": [tx(b, lang) for b in m.bodies],
                "documents": [tx(d, lang) for d in m.documents],
                "ministries": ministries_text(m.ministries, lang),
                "unassigned": not m.ministries,
            }
            for m in section.measures
        ],
        kpis=[kpi_row(s, lang) for s in statuses],
        context=context_blocks(section.context, lang, sources),
    )


def _part(request: PageRequest) -> PartPage:
    part = request.followup.plan.part(request.params["part_id"])
    if part is None:
        raise not_found("部", "part", request.params["part_id"])
    return part_page(request.followup, part, request.lang)


def _section(request: PageRequest) -> SectionPage:
    part_id, section_id = request.params["part_id"], request.params["section_id"]
    found = request.followup.plan.section(f"{part_id}.{section_id}")
    if found is None or found[0].id != part_id:
        raise not_found("節", "section", f"{part_id}/{section_id}")
    return section_page(request.followup, found[0], found[1], request.lang)


PART_ID = Param("part_id", "The part's id, e.g. creation")
PART = Page(
    name="part",
    path="part/{part_id}",
    template="part.html",
    model=PartPage,
    build=_part,
    summary="A part: summary, pillars, sections, KPIs",
    params=(PART_ID,),
    instances=lambda plan: [{"part_id": p.id} for p in plan.parts],
)
SECTION = Page(
    name="section",
    path="part/{part_id}/{section_id}",
    template="section.html",
    model=SectionPage,
    build=_section,
    summary="A section: situation, measures, KPIs, context",
    params=(PART_ID, Param("section_id", "The section's id within the part, e.g. ai")),
    instances=lambda plan: [
        {"part_id": p.id, "section_id": s.id} for p in plan.parts for s in p.sections
    ],
)
