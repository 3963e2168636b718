"""An ordinal, lower is better: reach rank N or better by a year."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase


class Rank(KpiBase):
    kind: Literal["rank"]
    target_rank: int = Field(ge=1, description="Reach this rank or better (lower is better).")
    deadline: int = Field(ge=2000, le=2100)
    best_possible: int = Field(1, ge=1)


KINDS = (
    PlanKind("rank", Rank, Text(ja="順位", en="Rank"), rank=20, direction=lambda kpi: "decrease"),
)
