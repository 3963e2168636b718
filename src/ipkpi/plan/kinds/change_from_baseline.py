"""A change to achieve from the plan's baseline, in a unit, by a year."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase


class ChangeFromBaseline(KpiBase):
    kind: Literal["change_from_baseline"]
    change: float = Field(description="The change to achieve, in ``unit``, from the baseline.")
    unit: str
    deadline: int = Field(ge=2000, le=2100)
    baseline_period: str | None = Field(
        None, description="The baseline's period, when the plan names it."
    )


KINDS = (
    PlanKind(
        "change_from_baseline",
        ChangeFromBaseline,
        Text(ja="基準値からの変化", en="Change from baseline"),
        rank=30,
        direction=lambda kpi: "increase" if kpi.change >= 0 else "decrease",
    ),
)
