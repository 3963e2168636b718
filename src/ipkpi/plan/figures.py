"""Numbers the plan states in its text: a figure with its unit, period and source."""

from __future__ import annotations

from pydantic import Field

from ..text import Text
from .base import PlanModel
from .source import Flags, Id


class Figure(PlanModel):
    """A stated number (a baseline, an example's visitors, a table cell)."""

    value: float
    unit: str
    period: str | None = Field(
        None, description="The period the value refers to, e.g. 2024, FY2023."
    )
    source: Id = Field(description="Id of the source in sources.yaml.")
    label: Text | None = None
    flags: Flags = Flags()


class ContextItem(PlanModel):
    """One element of a structured list (a standardization area, a hub example, …)."""

    id: Id
    label: Text
    number: int | None = None
    tags: list[str] = []
    description: Text | None = None
    figures: list[Figure] = []


class ContextBlock(PlanModel):
    """Context the plan gives beside its KPIs: narrative, figures and structured lists."""

    id: Id
    title: Text
    text: list[Text] = []
    figures: list[Figure] = []
    items: list[ContextItem] = []
    source: Id | None = None
