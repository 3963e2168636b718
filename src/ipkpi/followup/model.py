"""What the follow-up knows about a KPI at a date: its values, verdicts, pace and projection.

These are plain frozen records. The CLI, the pages, the JSON and the report all read them, so
a verdict is explained the same way everywhere (house style, point 4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..assessment.kpi import target_in_unit
from ..assessment.kpi_inputs import in_unit
from ..assessment.methods.evidence import Evidence
from ..assessment.registry import tone
from ..assessment.verdict import Verdict
from ..plan import KpiBase, Part, Section, Series, kpi_direction, kpi_has_data
from ..store.statement import Completion, Statement
from ..wording import Wording

T = TypeVar("T")

AXIS_ROLES = frozenset({"kpi", "peer", "component"})
"""The roles of the series drawn on the KPI's own axis, which share its scale."""

#: A point in data time: a date (the end of that day, UTC) or a moment (UTC).
AsOf = dt.date | dt.datetime


@dataclass(frozen=True, slots=True)
class Vintage:
    """One release of data: an import (or a withdrawal), recorded at ``moment`` (UTC).

    ``id`` is how links name it: its date, or its date and time (``2025-06-30T09:00:00``)
    when its day has more than one vintage (:func:`.vintages.distinct_vintages`).
    ``moment`` is None for a source that knows the day only (then one per day).
    """

    id: str
    date: dt.date
    label: str = ""
    moment: dt.datetime | None = None

    @property
    def as_of(self) -> AsOf:
        """The date or moment that shows this vintage: what ``?as_of=`` takes."""
        return parse_as_of(self.id)

    @property
    def end(self) -> dt.datetime:
        """The moment it counts from: its own, or the end of its day."""
        return self.moment if self.moment is not None else end_of(self.date)


def end_of(as_of: AsOf) -> dt.datetime:
    """The last moment ``as_of`` covers: a date means the end of that day."""
    if isinstance(as_of, dt.datetime):
        return as_of
    return dt.datetime.combine(as_of, dt.time.max)


def parse_as_of(text: str) -> AsOf:
    """``2025-06-30`` → a date; ``2025-06-30T09:00:00`` (or ``T09:00``) → a moment."""
    if "T" in text:
        return dt.datetime.fromisoformat(text)
    return dt.date.fromisoformat(text)


def day_of(as_of: AsOf) -> dt.date:
    return as_of.date() if isinstance(as_of, dt.datetime) else as_of


@dataclass(frozen=True, slots=True)
class Observation:
    """One value of a series as known at the follow-up's date, with where it comes from."""

    series_id: str
    period: str
    year: float
    value: float
    unit: str
    flags: tuple[str, ...] = ()
    source_title: str = ""
    source_url: str = ""
    vintage: str = ""
    note: str = ""
    #: The note in English, when the data gave one.
    note_en: str = ""

    def note_in(self, lang: str) -> str:
        """The public note in ``lang``, else the one written (usually Japanese)."""
        return (self.note_en or self.note) if lang == "en" else (self.note or self.note_en)


@dataclass(frozen=True, slots=True)
class SeriesData:
    series: Series
    observations: tuple[Observation, ...]

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None


@dataclass(frozen=True, slots=True)
class PathPoint:
    """A point of a drawn path (required or projected), with an interval when there is one."""

    year: float
    value: float
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Basis:
    """What the headline verdict is judged from, and why (docs/assessment.md, the headline rule).

    ``source``: ``plan_baseline`` (the plan states a baseline with its period: judged from it
    to the latest value), ``method_rule`` (the plan gives none, or none the data can be placed
    at: the headline method's own base-year rule chose ``period``), ``none`` (a kind without a
    base: a milestone, a pending KPI, a KPI without a verdict).
    """

    source: str
    method: str = ""
    period: str | None = None
    value: float | None = None
    why: str = ""
    """``no_plan_baseline`` | ``baseline_without_period`` | ``baseline_not_used`` | ``""``."""


@dataclass(frozen=True, slots=True)
class KpiStatus:
    """One KPI in the follow-up: where it sits in the plan, its data and its verdicts."""

    kpi: KpiBase
    part: Part
    section: Section | None
    series: tuple[SeriesData, ...]
    headline: Verdict
    verdicts: tuple[Verdict, ...] = ()
    required_path: tuple[PathPoint, ...] = ()
    projected_path: tuple[PathPoint, ...] = ()
    complete: bool = True
    """False when only the headline verdict and the forecast were computed (lists need no more)."""
    basis: Basis = field(default_factory=lambda: Basis("none"))
    """What the headline is judged from and why (:mod:`.headline`)."""
    statement: Statement | None = None
    """The secretariat's own judgement (latest review date in force), beside the computed
    verdict, never in its place; None: not written (shown as 未記入, never made up)."""
    completion: Completion | None = None
    """A milestone's recorded completion (date, decision, source), when there is one."""
    evidence: Evidence | None = None
    """The observations after the headline's base against the minimum (:mod:`.evidence`)."""
    _wording: Wording | None = field(default=None, init=False, repr=False, compare=False)
    """:attr:`wording`, worked out on first use: every view of the KPI reads it (a 1k-KPI
    static build asked for it ~60k times), and it depends on the record's fields only."""
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """What :meth:`remembered` keeps."""

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()`` the first time ``key`` is asked of this record, the same value after.

        For what the views work out from the record alone, such as the KPI's row in a list in
        one language (a static site puts every KPI in several lists)."""
        memo = self._memo
        if key in memo:
            return cast("T", memo[key])
        value = memo[key] = make()
        return value

    def by_method(self, method: str) -> Verdict | None:
        """The verdict of ``method`` by its own rules, as ``assess-table`` gives it (not the
        headline rule's reading from the plan's baseline); None when the method does not judge
        this KPI (a rank is judged by the linear rule, a milestone by its own)."""
        found = [v for v in self.verdicts if v.method == method]
        own = [v for v in found if not v.headline_rule]
        chosen = own or found
        return chosen[0] if chosen else None

    @property
    def too_early(self) -> bool:
        """The evidence rule held the headline back: "判断には早い / too early to tell"."""
        return self.headline.method == "evidence"

    @property
    def kind(self) -> str:
        return str(getattr(self.kpi, "kind", ""))

    @property
    def tone(self) -> str:
        """good | fair | poor | bad | neutral: the headline verdict's tone."""
        return tone(self.headline.method, self.headline.status, kpi_direction(self.kpi))

    @property
    def main(self) -> SeriesData | None:
        return next((s for s in self.series if s.series.role == "kpi"), None)

    @property
    def unit(self) -> str:
        """The unit of the KPI's main series (of its first series when it has no main one)."""
        data = self.main or (self.series[0] if self.series else None)
        return data.series.unit if data else ""

    @property
    def wording(self) -> Wording:
        """How the KPI's values read on every view: one scale for the series drawn on its axis
        (its own, its peers', its components'), chosen from their values, the baseline and the
        target (``3億`` and ``1.4億``, never ``300百万`` too). A context series in the same
        unit does not change it: it reads in its own scale (:meth:`wording_of`)."""
        found = self._wording
        if found is None:
            found = self._work_out_wording()
            object.__setattr__(self, "_wording", found)
        return found

    def _work_out_wording(self) -> Wording:
        unit_code = self.unit
        values: list[float | None] = [
            in_unit(o.value, o.unit or s.series.unit, unit_code)
            for s in self.series
            if s.series.role in AXIS_ROLES
            for o in s.observations
        ]
        values.append(target_in_unit(self.kpi, unit_code))
        if self.kpi.baseline is not None:
            base = self.kpi.baseline
            values.append(in_unit(base.value, base.unit, unit_code))
        return Wording.of(unit_code, values)

    def wording_of(self, data: SeriesData) -> Wording:
        """How the values of ``data`` read on the KPI's views: the KPI's own scale for a series
        on its axis (:attr:`wording`), else one scale of its own, from its largest value."""
        if data.series.role in AXIS_ROLES and data.series.unit == self.unit:
            return self.wording
        unit_code = data.series.unit
        return Wording.of(
            unit_code, [in_unit(o.value, o.unit or unit_code, unit_code) for o in data.observations]
        )

    @property
    def has_data(self) -> bool:
        """Whether the KPI has data, by the one definition (:func:`ipkpi.plan.kpi_has_data`)."""
        return kpi_has_data(self.kpi, {s.series.id for s in self.series if s.observations})

    @property
    def observation_count(self) -> int:
        return sum(len(s.observations) for s in self.series)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two vintages: a new, revised or removed value, or a verdict."""

    kind: str  # new | revised | removed | verdict
    kpi_id: str
    series_id: str = ""
    period: str = ""
    old: float | str | None = None
    new: float | str | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Changes:
    previous: Vintage | None
    current: Vintage | None
    items: tuple[Change, ...] = field(default=())
