"""The plan's outline: plan → parts → sections → measures and KPIs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..text import Text
from .base import PlanModel
from .figures import ContextBlock
from .kpi import Kpi, KpiBase
from .series import Series
from .source import Id, Source


class Measure(PlanModel):
    """One bullet of 今後の予定（方向性）: a measure, with the bodies and documents it names."""

    id: Id
    text: Text
    bodies: list[Text] = Field(
        [], description="Bodies (ministries, councils, …) the measure names."
    )
    documents: list[Text] = Field([], description="Guidelines, strategies, laws it names.")


class Section(PlanModel):
    id: Id
    title: Text
    situation: list[Text] = Field([], description="現状と課題, bullet by bullet.")
    measures: list[Measure] = []
    kpis: list[Kpi] = []
    context: list[ContextBlock] = []


class Pillar(PlanModel):
    id: Id
    number: int
    title: Text
    text: list[Text] = []


class Part(PlanModel):
    id: Id
    number: int = Field(ge=0)
    title: Text
    summary: list[Text] = []
    pillars: list[Pillar] = []
    kpis: list[Kpi] = []
    sections: list[Section] = []
    context: list[ContextBlock] = []


class Plan(PlanModel):
    id: Id
    title: Text
    subtitle: Text | None = None
    publisher: Text
    year: int
    source: Id
    vision: Text
    headline_kpis: list[Id] = Field([], description="KPIs shown first (the two IPX KPIs).")
    context: list[ContextBlock] = []
    parts: list[Part] = []
    sources: list[Source] = []

    # -- navigation -------------------------------------------------------------------------
    def iter_kpis(self) -> Iterator[tuple[Part, Section | None, KpiBase]]:
        for part in self.parts:
            for kpi in part.kpis:
                yield part, None, kpi
            for section in part.sections:
                for kpi in section.kpis:
                    yield part, section, kpi

    def kpis(self) -> list[KpiBase]:
        return [k for _, _, k in self.iter_kpis()]

    def kpi(self, kpi_id: str) -> KpiBase | None:
        return next((k for k in self.kpis() if k.id == kpi_id), None)

    def kpi_location(self, kpi_id: str) -> tuple[Part, Section | None] | None:
        for part, section, kpi in self.iter_kpis():
            if kpi.id == kpi_id:
                return part, section
        return None

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)

    def section(self, section_id: str) -> tuple[Part, Section] | None:
        """A section by its full id (``creation.ai``) or its short id when unambiguous."""
        for part in self.parts:
            for section in part.sections:
                if section_id in (section.id, f"{part.id}.{section.id}"):
                    return part, section
        return None

    def all_series(self) -> Iterator[tuple[KpiBase, Series]]:
        for kpi in self.kpis():
            for s in kpi.series:
                yield kpi, s

    def series(self, series_id: str) -> tuple[KpiBase, Series] | None:
        return next(((k, s) for k, s in self.all_series() if s.id == series_id), None)

    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def read_on(self) -> dt.date | None:
        src = self.source_by_id().get(self.source)
        return src.read_on if src else None
