"""KPIs: each is exactly one of ten kinds, with the fields that kind needs and no others."""

from __future__ import annotations

from typing import Annotated, Literal

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


class LevelByDeadline(KpiBase):
    kind: Literal["level_by_deadline"]
    target: Target
    deadline: int = Field(ge=2000, le=2100)
    components: list[Component] = []
    component_headings: ComponentHeadings | None = Field(
        None, description="The components table's column headings as the plan prints them."
    )
    published_total: PublishedTotal | None = None


class Rank(KpiBase):
    kind: Literal["rank"]
    target_rank: int = Field(ge=1, description="Reach this rank or better (lower is better).")
    deadline: int = Field(ge=2000, le=2100)
    best_possible: int = Field(1, ge=1)


class ChangeFromBaseline(KpiBase):
    kind: Literal["change_from_baseline"]
    change: float = Field(description="The change to achieve, in ``unit``, from the baseline.")
    unit: str
    deadline: int = Field(ge=2000, le=2100)
    baseline_period: str | None = Field(
        None, description="The baseline's period, when the plan names it."
    )


class RelativeToPeers(KpiBase):
    kind: Literal["relative_to_peers"]
    criterion: Literal["best_peer", "named_peer"] = Field(
        description="best_peer: at or above the best peer's latest value (world top level); "
        "named_peer: at or above the named peer's latest value (on par with X)."
    )
    deadline: int = Field(ge=2000, le=2100)
    interpretation: Target | None = Field(
        None, description="A numeric reading of the goal published elsewhere, kept labelled."
    )


class Level(KpiBase):
    kind: Literal["level"]
    target: Target


class DirectionOnly(KpiBase):
    kind: Literal["direction"]
    direction: Direction


class CountToReach(KpiBase):
    kind: Literal["count_to_reach"]
    target: Target
    deadline: int | None = Field(None, ge=2000, le=2100)


class Monitor(KpiBase):
    kind: Literal["monitor"]


class Pending(KpiBase):
    kind: Literal["pending"]
    pending_until: Text = Field(description="What the plan waits for before setting the KPI.")


class Milestone(KpiBase):
    kind: Literal["milestone"]
    due: str = Field(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")
    status: Literal["done", "not_done", "unknown"] = "unknown"
    done_on: str | None = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    evidence: Id | None = Field(None, description="Source showing the deliverable was published.")


Kpi = Annotated[
    LevelByDeadline
    | Rank
    | ChangeFromBaseline
    | RelativeToPeers
    | Level
    | DirectionOnly
    | CountToReach
    | Monitor
    | Pending
    | Milestone,
    Field(discriminator="kind"),
]

KPI_KINDS: dict[str, type[KpiBase]] = {
    "level_by_deadline": LevelByDeadline,
    "rank": Rank,
    "change_from_baseline": ChangeFromBaseline,
    "relative_to_peers": RelativeToPeers,
    "level": Level,
    "direction": DirectionOnly,
    "count_to_reach": CountToReach,
    "monitor": Monitor,
    "pending": Pending,
    "milestone": Milestone,
}

#: What a series is to its KPI, as readers see it.
ROLE_LABELS: dict[str, Text] = {
    "kpi": Text(ja="KPI", en="KPI"),
    "peer": Text(ja="比較対象", en="Peer"),
    "component": Text(ja="構成要素", en="Component"),
    "context": Text(ja="参考", en="Context"),
}

KIND_LABELS: dict[str, Text] = {
    "level_by_deadline": Text(ja="期限付き水準", en="Level by deadline"),
    "rank": Text(ja="順位", en="Rank"),
    "change_from_baseline": Text(ja="基準値からの変化", en="Change from baseline"),
    "relative_to_peers": Text(ja="他国・比較対象との比較", en="Relative to peers"),
    "level": Text(ja="水準（期限なし）", en="Level, no deadline"),
    "direction": Text(ja="方向のみ", en="Direction only"),
    "count_to_reach": Text(ja="累計数の達成", en="Count to reach"),
    "monitor": Text(ja="状況把握", en="Monitor"),
    "pending": Text(ja="今後設定", en="Pending"),
    "milestone": Text(ja="期限付き成果物", en="Milestone"),
}


def kpi_direction(kpi: KpiBase) -> Direction | None:
    """Which way is better for the KPI's main series, where the kind says."""
    if isinstance(kpi, Rank):
        return "decrease"
    if isinstance(kpi, LevelByDeadline | Level | CountToReach):
        return kpi.target.direction
    if isinstance(kpi, DirectionOnly):
        return kpi.direction
    if isinstance(kpi, ChangeFromBaseline):
        return "increase" if kpi.change >= 0 else "decrease"
    if isinstance(kpi, RelativeToPeers):
        return "increase"
    return None
