"""A way to move (increase or decrease), with no value."""

from __future__ import annotations

from typing import Literal

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import Direction, KpiBase


class DirectionOnly(KpiBase):
    kind: Literal["direction"]
    direction: Direction


KINDS = (
    PlanKind(
        "direction",
        DirectionOnly,
        Text(ja="方向のみ", en="Direction only"),
        rank=60,
        direction=lambda kpi: kpi.direction,
    ),
)
