"""The plan's outline: plan → parts → sections → measures and KPIs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..text import Text
from .base import PlanModel
from .figures import ContextBlock
from .kpi import Kpi, KpiBase
from .measure import Horizon, KpiLink, MeasureMilestone, MinistryRole
from .series import Series
from .source import Id, Source


class Measure(PlanModel):
    """One bullet of 今後の予定（方向性）: a measure, with the bodies and documents it names.

    Its text is kept verbatim. ``ministries`` says who answers for it, each entry either named
    by the plan text or inferred with its reason; an empty list means "unassigned". Links to
    KPIs say which KPIs it serves (logic model: output or outcome).
    """

    id: Id
    text: Text
    bodies: list[Text] = Field(
        [], description="Bodies (ministries, councils, …) the measure names."
    )
    documents: list[Text] = Field([], description="Guidelines, strategies, laws it names.")
    ministries: list[MinistryRole] = Field(
        [], description="Lead and co-ministries (府省庁 codes); empty: unassigned."
    )
    horizon: Horizon | None = Field(None, description="短期/中期/長期/継続, where the plan says.")
    milestones: list[MeasureMilestone] = []
    kpis: list[KpiLink] = Field([], description="KPIs the measure serves.")
    rs_projects: list[str] = Field(
        [], description="行政事業レビュー 予算事業ID of the budget lines that fund it."
    )

    @property
    def lead(self) -> MinistryRole | None:
        return next((m for m in self.ministries if m.role == "lead"), None)

    @property
    def assigned(self) -> bool:
        return bool(self.ministries)

    def serves(self, code: str) -> bool:
        """Whether ``code`` is one of the ministries that answer for the measure."""
        return any(m.code == code for m in self.ministries)


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

    def iter_measures(self) -> Iterator[tuple[Part, Section, Measure]]:
        for part in self.parts:
            for section in part.sections:
                for measure in section.measures:
                    yield part, section, measure

    def measures(self) -> list[Measure]:
        return [m for _, _, m in self.iter_measures()]

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures() if m.id == measure_id), None)

    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def read_on(self) -> dt.date | None:
        src = self.source_by_id().get(self.source)
        return src.read_on if src else None
