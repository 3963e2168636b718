"""The plan model: the Intellectual Property Strategic Program as typed, validated data."""

from .figures import ContextBlock, ContextItem, Figure
from .kpi import (
    KIND_LABELS,
    KPI_KINDS,
    ChangeFromBaseline,
    Component,
    CountToReach,
    DirectionOnly,
    Kpi,
    KpiBase,
    Level,
    LevelByDeadline,
    Milestone,
    Monitor,
    Pending,
    PublishedTotal,
    Rank,
    RelativeToPeers,
    Target,
    kpi_direction,
)
from .series import Event, Series
from .source import Flags, Source
from .structure import Measure, Part, Pillar, Plan, Section

__all__ = [
    "KIND_LABELS",
    "KPI_KINDS",
    "ChangeFromBaseline",
    "Component",
    "ContextBlock",
    "ContextItem",
    "CountToReach",
    "DirectionOnly",
    "Event",
    "Figure",
    "Flags",
    "Kpi",
    "KpiBase",
    "Level",
    "LevelByDeadline",
    "Measure",
    "Milestone",
    "Monitor",
    "Part",
    "Pending",
    "Pillar",
    "Plan",
    "PublishedTotal",
    "Rank",
    "RelativeToPeers",
    "Section",
    "Series",
    "Source",
    "Target",
    "kpi_direction",
]
