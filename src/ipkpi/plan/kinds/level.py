"""A level to reach or hold, with no year."""

from __future__ import annotations

from typing import Literal

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase, Target


class Level(KpiBase):
    kind: Literal["level"]
    target: Target


KINDS = (
    PlanKind(
        "level",
        Level,
        Text(ja="水準（期限なし）", en="Level, no deadline"),
        rank=50,
        direction=lambda kpi: kpi.target.direction,
    ),
)
