"""The plan's outline: plan → parts → sections → measures and KPIs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from ..text import Text
from .base import PlanModel
from .figures import ContextBlock
from .kpi import Kpi, KpiBase
from .measure import Horizon, KpiLink, MeasureMilestone, MinistryRole
from .release import Publisher, Release
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

    parent: Id | None = Field(
        None, description="The measure this one is a sub-item of, on the slide (an earlier one)."
    )


class Section(PlanModel):
    id: Id
    title: Text
    situation: list[Text] = Field([], description="現状と課題, bullet by bullet.")
    situation_levels: list[int] = Field(
        [],
        description="One level per 現状と課題 bullet: 1 for a top-level ○ bullet, 2 for a "
        "sub-bullet under the bullet before it. Empty: every bullet is top-level.",
    )
    measures: list[Measure] = []
    kpis: list[Kpi] = []
    context: list[ContextBlock] = []

    @model_validator(mode="after")
    def _levels(self) -> Section:
        levels = self.situation_levels
        if not levels:
            return self
        if len(levels) != len(self.situation):
            raise ValueError(
                f"situation_levels has {len(levels)} entries for {len(self.situation)} bullets"
            )
        if any(level not in (1, 2) for level in levels) or levels[0] != 1:
            raise ValueError("situation_levels are 1 or 2, and the first bullet is level 1")
        return self

    def situation_outline(self) -> list[tuple[Text, list[Text]]]:
        """The 現状と課題 bullets as the slide nests them: each top bullet with its sub-bullets."""
        levels = self.situation_levels or [1] * len(self.situation)
        out: list[tuple[Text, list[Text]]] = []
        for text, level in zip(self.situation, levels, strict=True):
            if level == 1 or not out:
                out.append((text, []))
            else:
                out[-1][1].append(text)
        return out


class Pillar(PlanModel):
    id: Id
    number: int
    label: Text | None = Field(None, description="The deck's own label (第一の柱).")
    title: Text
    text: list[Text] = []


class Part(PlanModel):
    id: Id
    number: int = Field(ge=0)
    title: Text
    summary: list[Text] = []
    pillars_heading: Text | None = Field(
        None, description="The pillars' heading as the deck prints it (実現のための３つの柱)."
    )
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
    previous: Id | None = Field(None, description="The plan this one carries forward from.")
    status: Literal["decided", "draft"] = Field("decided", description="draft: not yet decided.")
    context: list[ContextBlock] = []
    parts: list[Part] = []
    sources: list[Source] = []
    publishers: list[Publisher] = []
    releases: list[Release] = []
    observations_published: dt.date | None = Field(
        None,
        description="The day the shipped observations.csv was published (released in this "
        "form); its vintage is dated by it, not by the day a store loads it. Update it with the "
        "file.",
    )

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

    def publisher_by_id(self) -> dict[str, Publisher]:
        return {p.id: p for p in self.publishers}

    def release_by_id(self) -> dict[str, Release]:
        return {r.id: r for r in self.releases}

    def read_on(self) -> dt.date | None:
        src = self.source_by_id().get(self.source)
        return src.read_on if src else None
