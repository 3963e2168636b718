"""Search over KPIs, sections and measures, in Japanese and English at once.

The index is one list of entries, each with the text of both languages folded (NFKC, lower
case). The server matches a query against it; the static site ships the same index and the
same folding in JavaScript (``static/app.js``), so both find the same things.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from typing_extensions import TypedDict

from ...followup import FollowUp
from ...plan import Plan
from ...text import Lang, Text
from ..models import closed
from ..present import tx
from ..ui_strings import UI
from .common import PageMeta, kpi_row, meta
from .spec import Page, PageRequest, Param

MAX_RESULTS = 200
TYPES = ("kpi", "section", "part", "measure")


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
             "title": part.title, "snippet": part.summary[0] if part.summary else None,
             "text": _both(part.title, *part.summary)}
        )  # fmt: skip
        for section in part.sections:
            params = {"part_id": part.id, "section_id": section.id}
            entries.append(
                {"type": "section", "route": "section", "params": params,
                 "title": section.title,
                 "snippet": section.situation[0] if section.situation else None,
                 "text": _both(section.title, *section.situation)}
            )  # fmt: skip
            for m in section.measures:
                entries.append(
                    {"type": "measure", "route": "section", "params": params, "title": m.text,
                     "context": section.title, "text": _both(m.text, *m.bodies, *m.documents)}
                )  # fmt: skip
    for _part, _section, kpi in plan.iter_kpis():
        entries.append(
            {"type": "kpi", "route": "kpi", "params": {"kpi_id": kpi.id}, "title": kpi.title,
             "snippet": kpi.wording, "text": fold(kpi.id) + " " + _both(kpi.title, kpi.wording)}
        )  # fmt: skip
    return tuple(entries)


SNIPPET = 90


def _snippet(text: Text | None, lang: Lang) -> str:
    words = tx(text, lang) if text is not None else ""
    return words if len(words) <= SNIPPET else words[: SNIPPET - 1].rstrip() + "…"


def localized_index(
    plan: Plan, lang: Lang, followup: FollowUp | None = None
) -> list[dict[str, Any]]:
    """The index for one language: titles resolved, folded text kept for matching; with
    ``followup``, each KPI's headline verdict and latest value too."""
    out = []
    for e in search_index(plan):
        entry = {
            "type": e["type"],
            "route": e["route"],
            "params": e["params"],
            "title": tx(e["title"], lang),
            "context": tx(e.get("context"), lang),
            "snippet": _snippet(e.get("snippet"), lang),
            "latest": "",
            "tone": "",
            "status_label": "",
            "text": e["text"],
        }
        status = followup.kpi(e["params"]["kpi_id"]) if followup and e["type"] == "kpi" else None
        if status is not None:
            row = kpi_row(status, lang)
            period = f" ({row['latest_period']})" if row["latest_period"] else ""
            entry |= {
                "latest": row["latest"] + period,
                "tone": row["tone"],
                "status_label": row["status_label"],
            }
        out.append(entry)
    return out


@closed
class SearchResult(TypedDict):
    type: str
    route: str
    params: dict[str, str]
    title: str
    context: str
    snippet: str
    """The KPI's wording, the section's first situation paragraph, the part's summary."""
    latest: str
    """A KPI's latest value and its period ("" for the others)."""
    tone: str
    status_label: str
    """A KPI's headline verdict ("" for the others)."""


@closed
class SearchPage(PageMeta):
    """What matches every word of ``q``: KPIs first, then sections, parts and measures."""

    q: str
    count: int
    counts: dict[str, int]
    """How many results of each type (kpi, section, part, measure)."""
    results: list[SearchResult]


def search(
    plan: Plan, query: str, lang: Lang, followup: FollowUp | None = None
) -> list[SearchResult]:
    """Entries whose text holds every word of ``query`` (any language), KPIs first."""
    words = fold(query).split()
    if not words:
        return []
    order = {"kpi": 0, "section": 1, "part": 2, "measure": 3}
    found = [e for e in localized_index(plan, lang, followup) if all(w in e["text"] for w in words)]
    found.sort(key=lambda e: order[e["type"]])
    return [
        {
            "type": e["type"],
            "route": e["route"],
            "params": e["params"],
            "title": e["title"],
            "context": e["context"],
            "snippet": e["snippet"],
            "latest": e["latest"],
            "tone": e["tone"],
            "status_label": e["status_label"],
        }
        for e in found[:MAX_RESULTS]
    ]


def _search(request: PageRequest) -> SearchPage:
    query, lang = request.query.get("q", ""), request.lang
    results = search(request.followup.plan, query, lang, request.followup)
    counts = {k: sum(1 for r in results if r["type"] == k) for k in TYPES}
    return SearchPage(
        **meta(request.followup, "search", {}, lang, UI["search"].get(lang)),
        q=query,
        count=len(results),
        counts={k: n for k, n in counts.items() if n},
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
