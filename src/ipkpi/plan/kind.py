"""A KPI kind as the plan model sees it: its pydantic model, its label and its direction.

The record lives beside the model class in ``plan/kinds/<kind>.py``; what the assessment needs
of the kind (goal text, target in a series' unit, rule) is :class:`ipkpi.assessment.kind.Kind`
in the namesake module of ``assessment/kinds`` (the plan layer does not import assessment).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..text import Text
from .kpi_base import Direction, KpiBase


def no_direction(kpi: Any) -> Direction | None:
    """For kinds that say no way is better (monitor, pending, milestone)."""
    return None


@dataclass(frozen=True)
class PlanKind:
    """One KPI kind of the plan: the model with its literal ``kind``, its words, its order."""

    name: str
    model: type[KpiBase]
    label: Text
    rank: int = 100
    """Where the kind is listed (the dashboard's filters, the plan's kind lists)."""
    direction: Callable[[Any], Direction | None] = no_direction
    """Which way is better for the KPI's main series, where the kind says."""

    def __post_init__(self) -> None:
        if self.model.model_fields.get("kind") is None:
            raise TypeError(f"kind {self.name!r}: its model has no literal 'kind' field")
