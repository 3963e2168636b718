"""What every KPI has (id, title, wording, series …) and the parts kinds share (Target, …).

Each kind adds its own fields in its module of ``plan/kinds``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..text import Text
from .base import PlanModel
from .figures import Figure
from .series import Series
from .source import Id

Comparison = Literal["at_least", "at_most"]
Direction = Literal["increase", "decrease"]


class Target(PlanModel):
    """A value to reach: at least (or at most) ``value`` in ``unit``."""

    value: float
    unit: str
    comparison: Comparison = "at_least"
    approximate: bool = Field(False, description="The plan says 約/概ね (about).")
    label: Text | None = Field(
        None, description="How the value was read, when it is an interpretation."
    )
    source: Id | None = None

    @property
    def direction(self) -> Direction:
        return "increase" if self.comparison == "at_least" else "decrease"


class Component(PlanModel):
    """A row of a published table whose total is the KPI (the Cool Japan components)."""

    series: Id
    label: Text
    group: Text | None = Field(None, description="The table's group label for the row (食 …).")
    current: Figure
    previous: Figure
    change_pct: float = Field(description="The published change, computed from unrounded values.")
    definition_changed: bool = False


class ComponentHeadings(PlanModel):
    """The published table's own column headings (今回調査値（兆円） …), verbatim."""

    current: Text
    change: Text
    previous: Text


class PublishedTotal(PlanModel):
    current: Figure
    previous: Figure
    change_pct: float


class KpiBase(PlanModel):
    id: Id
    title: Text = Field(description="A short name for lists and charts.")
    wording: Text = Field(description="The plan's own words (Japanese verbatim) and a translation.")
    series: list[Series] = []
    baseline: Figure | None = None
    context: list[Figure] = Field([], description="Numbers the plan gives beside the KPI.")
    notes: list[Text] = Field([], description="Public notes, in both languages.")
    editor_notes: list[str] = Field(
        [], description="For the plan's editors only: never shown on a public page or export."
    )
    source: Id = Field("ip2025-overview", description="Where the KPI is stated.")

    def main_series(self) -> Series | None:
        for s in self.series:
            if s.role == "kpi":
                return s
        return None

    def series_by_role(self, role: str) -> list[Series]:
        return [s for s in self.series if s.role == role]
