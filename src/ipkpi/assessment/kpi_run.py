"""Running one method on one KPI's points, and the small edits a kind makes to a verdict.

A kind asks for a verdict with :func:`run`; what it asks is a :class:`Request` (the series
input of one method). Alone, a request is assessed at once as a batch of one; inside
:func:`~.kpi_batch.assess_kpis` the requests of many KPIs are gathered first and answered from
one :class:`~.batch.SeriesBatch` per method (:data:`RUNNER`), with the same verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, NotRequired, Protocol, TypedDict, Unpack

from ..plan.series import Series
from ..units import bounds
from .kpi_inputs import break_between, is_percent
from .points import Point
from .run import assess_series
from .verdict import Verdict

BOUNDED = ("forecast", "trend")
"""The methods that project, and so need to know what the quantity can be."""


@dataclass(frozen=True, slots=True)
class Request:
    """One series to assess by one method: what a kind hands the kernel."""

    subject: str
    method: str
    points: tuple[Point, ...]
    direction: str | None
    target: float | None
    target_year: float | None
    base_year: float | None
    limit: float | None
    percent: bool | None
    model: str | None
    lower: float | None
    upper: float | None

    @property
    def group(self) -> tuple[str, str | None, bool]:
        """Requests of one group are assessed by one kernel call: the method, the option it
        takes once, and whether there are points (a kernel given a batch with no point at all
        reads its series otherwise than one empty series among others: the forecast's space)."""
        return self.method, self.model, bool(self.points)

    def options(self) -> dict[str, Any]:
        found: dict[str, Any] = {} if self.model is None else {"model": self.model}
        if self.method in BOUNDED and (self.lower, self.upper) != (None, None):
            found |= {"lower": self.lower, "upper": self.upper}
        return found

    def assess(self) -> Verdict:
        """The verdict of this request alone (a batch of one)."""
        return assess_series(
            list(self.points),
            self.method,
            direction=self.direction,
            target=self.target,
            target_year=self.target_year,
            base_year=self.base_year,
            limit=self.limit,
            percent=self.percent,
            series_id=self.subject,
            **self.options(),
        )


class Runner(Protocol):
    """Answers the requests of :func:`run` (gathers them, or reads a batch's verdicts)."""

    def answer(self, request: Request) -> Verdict: ...


RUNNER: ContextVar[Runner | None] = ContextVar("ipkpi_assessment_runner", default=None)
"""Set by :func:`~.kpi_batch.assess_kpis` while the kinds run; None: each request alone."""


class Goal(TypedDict):
    """What one method is asked to judge against, beside the points: the keywords of
    :func:`request` and :func:`run` (the kinds pass only the ones they have)."""

    direction: str | None
    target: NotRequired[float | None]
    target_year: NotRequired[float | None]
    base_year: NotRequired[float | None]
    limit: NotRequired[float | None]
    model: NotRequired[str | None]


def request(
    subject: str, method: str, pts: Sequence[Point], series: Series | None, **goal: Unpack[Goal]
) -> Request:
    lower = upper = None
    if method in BOUNDED and series is not None:
        lower, upper = bounds(series.unit)
    percent = None if series is None else is_percent(series.unit)
    return Request(
        subject, method, tuple(pts), goal["direction"], goal.get("target"),
        goal.get("target_year"), goal.get("base_year"), goal.get("limit"), percent,
        goal.get("model"), lower, upper,
    )  # fmt: skip


def changed(v: Verdict, **fields: Any) -> Verdict:
    """``dataclasses.replace`` without running ``__init__`` again: a copy of ``v``'s fields
    with ``fields`` changed (a verdict has 35 fields and no check in its constructor; a 10k-KPI
    batch makes ~100k of these copies, and ``replace`` cost ~60 µs each)."""
    new = object.__new__(type(v))
    new.__dict__.update(v.__dict__)
    new.__dict__.update(fields)
    return new


def finish(v: Verdict, pts: Sequence[Point], series: Series | None) -> Verdict:
    """The kernel's verdict with the series' unit and a break in the series noted."""
    v = changed(v, unit=None if series is None else series.unit)
    if break_between(pts, v.base_year, v.current_year):
        v = add_note(v, "break_in_series")
    return v


def run(
    subject: str, method: str, pts: Sequence[Point], series: Series | None, **goal: Unpack[Goal]
) -> Verdict:
    asked = request(subject, method, pts, series, **goal)
    runner = RUNNER.get()
    return finish(asked.assess() if runner is None else runner.answer(asked), pts, series)


def not_available(subject: str, method: str, reason: str) -> Verdict:
    return Verdict(subject, method, "not_available", reason=reason)


def add_note(v: Verdict, note: str) -> Verdict:
    return v if note in v.notes else changed(v, notes=(*v.notes, note))
