"""The progress summary: every KPI by verdict, filterable by part, kind and tone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...followup import TONES, FollowUp
from ...plan import KIND_LABELS
from ...text import Lang
from ..present import tx
from ..ui_strings import UI
from .common import kpi_row, meta, tone_counts


@dataclass(frozen=True)
class Filters:
    part: str = ""
    kind: str = ""
    tone: str = ""

    def as_query(self) -> dict[str, str]:
        return {
            k: v for k, v in (("part", self.part), ("kind", self.kind), ("tone", self.tone)) if v
        }


def progress_page(followup: FollowUp, filters: Filters, lang: Lang) -> dict[str, Any]:
    page = meta(followup, "progress", {}, lang, UI["progress"].get(lang))
    statuses = followup.kpis()
    rows = [kpi_row(s, lang) for s in statuses]
    shown = [
        r
        for r in rows
        if (not filters.part or r["part_id"] == filters.part)
        and (not filters.kind or r["kind"] == filters.kind)
        and (not filters.tone or r["tone"] == filters.tone)
    ]
    order = {tone: i for i, tone in enumerate(TONES)}
    shown.sort(key=lambda r: (order[r["tone"]], r["part_id"], r["id"]))
    page.update(
        {
            "filters": filters.as_query(),
            "options": {
                "part": [{"value": p.id, "label": tx(p.title, lang)} for p in followup.plan.parts],
                "kind": [
                    {"value": k, "label": label.get(lang)}
                    for k, label in KIND_LABELS.items()
                    if any(s.kind == k for s in statuses)
                ],
                "tone": [{"value": t, "label": UI[f"tone_{t}"].get(lang)} for t in TONES],
            },
            "counts": tone_counts(statuses),
            "total": len(rows),
            "shown": len(shown),
            "kpis": shown,
        }
    )
    return page
