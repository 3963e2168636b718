"""A cumulative count to reach, with or without a year."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase, Target


class CountToReach(KpiBase):
    kind: Literal["count_to_reach"]
    target: Target
    deadline: int | None = Field(None, ge=2000, le=2100)


KINDS = (
    PlanKind(
        "count_to_reach",
        CountToReach,
        Text(ja="累計数の達成", en="Count to reach"),
        rank=70,
        direction=lambda kpi: kpi.target.direction,
    ),
)
