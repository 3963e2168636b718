"""Series: the time series a KPI is measured by, its peers and its components."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..text import Text
from ..units import UnitError, unit
from .base import PlanModel
from .source import Flags, Id

SeriesRole = Literal["kpi", "peer", "component", "context"]
Frequency = Literal[
    "annual",
    "fiscal",
    "half",
    "quarterly",
    "fiscal_half",
    "fiscal_quarterly",
    "monthly",
    "irregular",
]


class Event(PlanModel):
    """A dated annotation on a series (a site closure, a state of emergency, …)."""

    date: str = Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    label: Text
    source: Id
    flags: Flags = Flags()


class Series(PlanModel):
    """One time series. ``role`` says how the KPI uses it."""

    id: Id
    label: Text
    unit: str
    role: SeriesRole = "kpi"
    frequency: Frequency = "annual"
    country: str | None = Field(
        None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code; required for peers."
    )
    entity: Text | None = Field(None, description="What is measured when not a country (S&P 500).")
    definition: Text | None = None
    release: Id | None = Field(
        None, description="Id of the release (releases.yaml): who publishes it, and when."
    )
    discontinued: bool = Field(
        False,
        description="No further figures will come on this basis (the definition changed or the "
        "publication stopped): the data calendar expects nothing of it.",
    )
    notes: list[Text] = Field([], description="Public notes, in both languages.")
    editor_notes: list[str] = Field([], description="For the plan's editors only.")
    events: list[Event] = []

    @model_validator(mode="after")
    def _known_unit(self) -> Series:
        try:
            unit(self.unit)
        except UnitError as exc:
            raise ValueError(str(exc)) from None
        return self
