"""The ids nearest to a mistyped one, for "did you mean" in the CLI and on the 404 page.

An id is found by its tail as well as by its spelling: ``gii_rank`` is ``ipx.gii_rank`` and
``piracy`` is every id with a ``piracy`` segment, before the spelling-alike ones of difflib.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .structure import Plan


def nearest(text: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``candidates`` closest to ``text``: by segment, then by spelling."""
    options = list(dict.fromkeys(candidates))
    wanted = text.strip().casefold()
    if not wanted:
        return []
    folded = {c: c.casefold() for c in options}
    by_tail = [c for c in options if folded[c].endswith("." + wanted)]
    by_segment = [c for c in options if wanted in folded[c].replace("_", ".").split(".")]
    by_part = [c for c in options if wanted in folded[c]]
    spelled = difflib.get_close_matches(wanted, list(folded.values()), n=n, cutoff=0.6)
    by_spelling = [c for c in options if folded[c] in spelled]
    by_spelling.sort(key=lambda c: spelled.index(folded[c]))
    found = list(dict.fromkeys([*by_tail, *by_segment, *by_part, *by_spelling]))
    return [c for c in found if folded[c] != wanted][:n]


def plan_ids(plan: Plan, *, series: bool = False) -> list[str]:
    """The ids of the parts, sections (``part.section``) and KPIs, and of the series too."""
    ids = [p.id for p in plan.parts]
    ids += [f"{p.id}.{s.id}" for p in plan.parts for s in p.sections]
    ids += [k.id for k in plan.kpis()]
    if series:
        ids += [s.id for _kpi, s in plan.all_series()]
    return ids


def kpi_ids(plan: Plan) -> list[str]:
    return [k.id for k in plan.kpis()]


def series_ids(plan: Plan) -> list[str]:
    return [s.id for _kpi, s in plan.all_series()]
