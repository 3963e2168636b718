"""A level to reach by a year (≥ 20兆円 by 2033), with its components when the plan gives them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import Component, ComponentHeadings, KpiBase, PublishedTotal, Target


class LevelByDeadline(KpiBase):
    kind: Literal["level_by_deadline"]
    target: Target
    deadline: int = Field(ge=2000, le=2100)
    components: list[Component] = []
    component_headings: ComponentHeadings | None = Field(
        None, description="The components table's column headings as the plan prints them."
    )
    published_total: PublishedTotal | None = None


KINDS = (
    PlanKind(
        "level_by_deadline",
        LevelByDeadline,
        Text(ja="期限付き水準", en="Level by deadline"),
        rank=10,
        direction=lambda kpi: kpi.target.direction,
    ),
)
