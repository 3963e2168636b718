"""Search over KPIs, sections and measures, in Japanese and English at once.

The index is one list of entries, each with the text of both languages folded (NFKC, lower
case). The server matches a query against it; the static site ships the same index and the
same folding in JavaScript (``static/app.js``), so both find the same things.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from typing_extensions import TypedDict

from ...plan import Plan
from ...text import Lang, Text
from ..models import closed
from ..present import tx
from ..ui_strings import UI
from .common import PageMeta, meta
from .spec import Page, PageRequest, Param

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


@closed
class SearchResult(TypedDict):
    type: str
    route: str
    params: dict[str, str]
    title: str
    context: str


@closed
class SearchPage(PageMeta):
    """What matches every word of ``q``: KPIs first, then sections, parts and measures."""

    q: str
    count: int
    results: list[SearchResult]


def search(plan: Plan, query: str, lang: Lang) -> list[SearchResult]:
    """Entries whose text holds every word of ``query`` (any language), KPIs first."""
    words = fold(query).split()
    if not words:
        return []
    order = {"kpi": 0, "section": 1, "part": 2, "measure": 3}
    found = [e for e in localized_index(plan, lang) if all(w in e["text"] for w in words)]
    found.sort(key=lambda e: order[e["type"]])
    return [
        {
            "type": e["type"],
            "route": e["route"],
            "params": e["params"],
            "title": e["title"],
            "context": e["context"],
        }
        for e in found[:MAX_RESULTS]
    ]


def _search(request: PageRequest) -> SearchPage:
    query, lang = request.query.get("q", ""), request.lang
    results = search(request.followup.plan, query, lang)
    return SearchPage(
        **meta(request.followup, "search", {}, lang, UI["search"].get(lang)),
        q=query,
        count=len(results),
        results=results,
    )


PAGE = Page(
    name="search",
    path="search",
    template="search.html",
    model=SearchPage,
    build=_search,
    summary="KPIs, sections and measures matching every word, in either language",
    query=(Param("q", "The words to find"),),
    nav=2,
    cache=False,
)
