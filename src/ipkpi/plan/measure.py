"""What a measure carries besides its text: who answers for it, its schedule, the KPIs it serves.

A ministry is named by its code in the 府省庁 code list (:mod:`ipkpi.ministries`). The plan's
overview rarely names one; an entry is ``named`` when the measure's text names the body
itself, ``inferred`` when the body is the unambiguous owner of what the text names (a law, a
guideline, a council), and an inference always says why. Nothing else is filled in: a measure
with no entry is "unassigned" and every view says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..text import Lang, Text
from .base import PlanModel
from .source import Id

Horizon = Literal["short", "medium", "long", "ongoing"]

HORIZON_LABELS: dict[str, Text] = {
    "short": Text(ja="短期", en="Short term"),
    "medium": Text(ja="中期", en="Medium term"),
    "long": Text(ja="長期", en="Long term"),
    "ongoing": Text(ja="継続", en="Ongoing"),
}

MilestoneKind = Literal[
    "budget_request",
    "tax_reform_request",
    "ordinary_diet",
    "year_end",
    "hq_decision",
    "decision",
    "publication",
    "law",
    "survey",
    "other",
]

MILESTONE_KINDS: dict[str, Text] = {
    "budget_request": Text(ja="概算要求", en="Budget request (August)"),
    "tax_reform_request": Text(ja="税制改正要望", en="Tax reform request"),
    "ordinary_diet": Text(ja="通常国会", en="Ordinary Diet session"),
    "year_end": Text(ja="年末（予算・税制改正大綱）", en="Year end (budget, tax outline)"),
    "hq_decision": Text(ja="本部決定", en="Headquarters decision"),
    "decision": Text(ja="決定・策定", en="Decision or adoption"),
    "publication": Text(ja="公表", en="Publication"),
    "law": Text(ja="法改正・施行", en="Law amended or in force"),
    "survey": Text(ja="調査", en="Survey"),
    "other": Text(ja="その他", en="Other"),
}


class MinistryRole(PlanModel):
    """One ministry that answers for a measure: lead (主担当) or co-ministry (関係府省)."""

    code: str = Field(description="A code of the 府省庁 code list (ipkpi ministries).")
    role: Literal["lead", "co"]
    basis: Literal["named", "inferred"] = Field(
        description="named: the measure's text names the body; inferred: see reason."
    )
    reason: Text | None = Field(None, description="Why the body was inferred (required then).")

    @model_validator(mode="after")
    def _inferred_says_why(self) -> MinistryRole:
        if self.basis == "inferred" and self.reason is None:
            raise ValueError("an inferred ministry needs a 'reason: {ja: …, en: …}'")
        return self


class MeasureMilestone(PlanModel):
    """A dated step of a measure; ``kind`` places it in the budget and Diet calendar."""

    id: Id
    kind: MilestoneKind
    text: Text
    due: str = Field(description="A period: 2025-06, 2026, FY2026 …", pattern=r"^\S+$")
    source: Id | None = None

    @field_validator("due", mode="before")
    @classmethod
    def _year_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class KpiLink(PlanModel):
    """A KPI the measure serves: ``output`` (its direct product) or ``outcome`` (its effect)."""

    kpi: Id
    role: Literal["output", "outcome"]
    reason: Text | None = Field(None, description="Why the measure serves this KPI.")


UNASSIGNED = Text(ja="担当府省未割当", en="No ministry assigned")
INFERRED = Text(ja="推定", en="inferred")


def ministry_label(entry: MinistryRole, lang: Lang, *, short: bool = False) -> str:
    """``経済産業省（推定）``: the body's name, marked when it was inferred."""
    from ..ministries import ministries

    name = ministries().get(entry.code).label(lang, short=short)
    if entry.basis == "inferred":
        return f"{name}（{INFERRED.ja}）" if lang == "ja" else f"{name} ({INFERRED.en})"
    return name


def ministries_text(entries: Sequence[MinistryRole], lang: Lang, *, short: bool = False) -> str:
    """Lead first, then co-ministries; "担当府省未割当" when there is none."""
    if not entries:
        return UNASSIGNED.get(lang)
    ordered = sorted(entries, key=lambda e: e.role != "lead")
    sep = "、" if lang == "ja" else ", "
    parts = []
    for entry in ordered:
        label = ministry_label(entry, lang, short=short)
        if entry.role == "lead" and len(entries) > 1:
            label += "（主担当）" if lang == "ja" else " (lead)"
        parts.append(label)
    return sep.join(parts)
