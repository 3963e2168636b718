"""Part and section pages: the plan's own text, its measures, its KPIs with their verdicts."""

from __future__ import annotations

from typing import Any

from ...followup import FollowUp
from ...plan import ContextBlock, Part, Section, Source
from ...text import Lang
from ..present import figure, tx
from .common import kpi_row, meta, tone_counts


def context_blocks(
    blocks: list[ContextBlock], lang: Lang, sources: dict[str, Source]
) -> list[dict[str, Any]]:
    out = []
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
                        "tags": item.tags,
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


def part_page(followup: FollowUp, part: Part, lang: Lang) -> dict[str, Any]:
    sources = followup.plan.source_by_id()
    page = meta(followup, "part", {"part_id": part.id}, lang, tx(part.title, lang))
    statuses = [s for s in followup.kpis() if s.part.id == part.id]
    page.update(
        {
            "part": {"id": part.id, "number": part.number, "title": tx(part.title, lang)},
            "summary": [tx(x, lang) for x in part.summary],
            "pillars": [
                {
                    "number": p.number,
                    "title": tx(p.title, lang),
                    "text": [tx(x, lang) for x in p.text],
                }
                for p in part.pillars
            ],
            "kpis": [kpi_row(s, lang) for s in statuses if s.section is None],
            "sections": [
                {
                    "id": section.id,
                    "title": tx(section.title, lang),
                    "kpis": len(section.kpis),
                    "measures": len(section.measures),
                    "tones": tone_counts(
                        [
                            s
                            for s in statuses
                            if s.section is not None and s.section.id == section.id
                        ]
                    ),
                }
                for section in part.sections
            ],
            "context": context_blocks(part.context, lang, sources),
        }
    )
    return page


def section_page(followup: FollowUp, part: Part, section: Section, lang: Lang) -> dict[str, Any]:
    sources = followup.plan.source_by_id()
    params = {"part_id": part.id, "section_id": section.id}
    page = meta(followup, "section", params, lang, tx(section.title, lang))
    statuses = [
        s
        for s in followup.kpis()
        if s.part.id == part.id and s.section is not None and s.section.id == section.id
    ]
    page.update(
        {
            "part": {"id": part.id, "number": part.number, "title": tx(part.title, lang)},
            "section": {"id": section.id, "title": tx(section.title, lang)},
            "situation": [tx(x, lang) for x in section.situation],
            "measures": [
                {
                    "id": m.id,
                    "text": tx(m.text, lang),
                    "bodies": [tx(b, lang) for b in m.bodies],
                    "documents": [tx(d, lang) for d in m.documents],
                }
                for m in section.measures
            ],
            "kpis": [kpi_row(s, lang) for s in statuses],
            "context": context_blocks(section.context, lang, sources),
        }
    )
    return page
