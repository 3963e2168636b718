"""KPIs: each is exactly one of the kinds found in ``plan/kinds``, with the fields that kind
needs and no others.

The union the plan validates a KPI against, the kinds' labels and directions are built here
from the kinds' own records (:class:`.kind.PlanKind`), so adding a kind edits no list here.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Annotated, Final, TypeAlias, Union

from pydantic import Field

from ..text import Text
from . import kinds
from .kind import PlanKind
from .kinds.change_from_baseline import ChangeFromBaseline
from .kinds.count_to_reach import CountToReach
from .kinds.direction import DirectionOnly
from .kinds.level import Level
from .kinds.level_by_deadline import LevelByDeadline
from .kinds.milestone import Milestone
from .kinds.monitor import Monitor
from .kinds.pending import Pending
from .kinds.rank import Rank
from .kinds.relative_to_peers import RelativeToPeers
from .kpi_base import (
    Comparison,
    Component,
    ComponentHeadings,
    Direction,
    KpiBase,
    PublishedTotal,
    Target,
)


def _collect() -> list[PlanKind]:
    found: list[PlanKind] = []
    for info in sorted(pkgutil.iter_modules(kinds.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{kinds.__name__}.{info.name}")
            found.extend(getattr(module, "KINDS", ()))
    return sorted(found, key=lambda k: (k.rank, k.name))


PLAN_KINDS: Final[dict[str, PlanKind]] = {k.name: k for k in _collect()}
KPI_KINDS: Final[dict[str, type[KpiBase]]] = {n: k.model for n, k in PLAN_KINDS.items()}
KIND_LABELS: Final[dict[str, Text]] = {n: k.label for n, k in PLAN_KINDS.items()}

if TYPE_CHECKING:
    Kpi: TypeAlias = KpiBase
else:
    Kpi = Annotated[Union[tuple(KPI_KINDS.values())], Field(discriminator="kind")]  # noqa: UP007

#: What a series is to its KPI, as readers see it.
ROLE_LABELS: dict[str, Text] = {
    "kpi": Text(ja="KPI", en="KPI"),
    "peer": Text(ja="比較対象", en="Peer"),
    "component": Text(ja="構成要素", en="Component"),
    "context": Text(ja="参考", en="Context"),
}


def kpi_direction(kpi: KpiBase) -> Direction | None:
    """Which way is better for the KPI's main series, where the kind says."""
    unit = PLAN_KINDS.get(str(getattr(kpi, "kind", "")))
    return None if unit is None else unit.direction(kpi)


__all__ = [
    "KIND_LABELS",
    "KPI_KINDS",
    "PLAN_KINDS",
    "ROLE_LABELS",
    "ChangeFromBaseline",
    "Comparison",
    "Component",
    "ComponentHeadings",
    "CountToReach",
    "Direction",
    "DirectionOnly",
    "Kpi",
    "KpiBase",
    "Level",
    "LevelByDeadline",
    "Milestone",
    "Monitor",
    "Pending",
    "PlanKind",
    "PublishedTotal",
    "Rank",
    "RelativeToPeers",
    "Target",
]
