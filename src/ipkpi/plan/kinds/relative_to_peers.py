"""At or above the best peer, or a named peer, by a year."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase, Target


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


KINDS = (
    PlanKind(
        "relative_to_peers",
        RelativeToPeers,
        Text(ja="他国・比較対象との比較", en="Relative to peers"),
        rank=40,
        direction=lambda kpi: "increase",
    ),
)
