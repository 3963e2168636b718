"""Search over KPIs, sections and measures, in Japanese and English at once.

The index is one list of entries, each with the text of both languages folded (NFKC, lower
case). The server matches a query against it; the static site ships the same index and the
same folding in JavaScript (``static/app.js``), so both find the same things.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ...plan import Plan
from ...text import Lang, Text
from ..present import tx

MAX_RESULTS = 200


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _both(*texts: Text | None) -> str:
    return fold(" ".join(f"{t.ja} {t.en}" for t in texts if t is not None))


_BUILT: dict[int, tuple[Plan, tuple[dict[str, Any], ...]]] = {}


def search_index(plan: Plan) -> tuple[dict[str, Any], ...]:
    """Every searchable thing of the plan, with its route and folded text (built once)."""
    found = _BUILT.get(id(plan))
    if found is not None and found[0] is plan:
        return found[1]
    if len(_BUILT) > 8:
        _BUILT.clear()
    index = _build(plan)
    _BUILT[id(plan)] = (plan, index)
    return index


def _build(plan: Plan) -> tuple[dict[str, Any], ...]:
    entries: list[dict[str, Any]] = []
    for part in plan.parts:
        entries.append(
            {"type": "part", "route": "part", "params": {"part_id": part.id},
             "title": part.title, "text": _both(part.title, *part.summary)}
        )  # fmt: skip
        for section in part.sections:
            params = {"part_id": part.id, "section_id": section.id}
            entries.append(
                {"type": "section", "route": "section", "params": params,
                 "title": section.title, "text": _both(section.title, *section.situation)}
            )  # fmt: skip
            for m in section.measures:
                entries.append(
                    {"type": "measure", "route": "section", "params": params, "title": m.text,
                     "context": section.title, "text": _both(m.text, *m.bodies, *m.documents)}
                )  # fmt: skip
    for _part, _section, kpi in plan.iter_kpis():
        entries.append(
            {"type": "kpi", "route": "kpi", "params": {"kpi_id": kpi.id}, "title": kpi.title,
             "text": fold(kpi.id) + " " + _both(kpi.title, kpi.wording)}
        )  # fmt: skip
    return tuple(entries)


def localized_index(plan: Plan, lang: Lang) -> list[dict[str, Any]]:
    """The index for one language: titles resolved, folded text kept for matching."""
    return [
        {
            "type": e["type"],
            "route": e["route"],
            "params": e["params"],
            "title": tx(e["title"], lang),
            "context": tx(e.get("context"), lang),
            "text": e["text"],
        }
        for e in search_index(plan)
    ]


def search(plan: Plan, query: str, lang: Lang) -> list[dict[str, Any]]:
    """Entries whose text holds every word of ``query`` (any language), KPIs first."""
    words = fold(query).split()
    if not words:
        return []
    order = {"kpi": 0, "section": 1, "part": 2, "measure": 3}
    found = [e for e in localized_index(plan, lang) if all(w in e["text"] for w in words)]
    found.sort(key=lambda e: order[e["type"]])
    return [{k: v for k, v in e.items() if k != "text"} for e in found[:MAX_RESULTS]]


def search_page(meta_page: dict[str, Any], plan: Plan, query: str, lang: Lang) -> dict[str, Any]:
    results = search(plan, query, lang)
    meta_page.update({"q": query, "count": len(results), "results": results})
    return meta_page
