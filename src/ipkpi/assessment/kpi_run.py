"""Running one method on one KPI's points, and the small edits a kind makes to a verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..plan.series import Series
from ..units import bounds
from .kpi_inputs import break_between, is_percent
from .points import Point
from .run import assess_series
from .verdict import Verdict

BOUNDED = ("forecast", "trend")
"""The methods that project, and so need to know what the quantity can be."""


def run(
    subject: str,
    method: str,
    pts: Sequence[Point],
    series: Series | None,
    *,
    direction: str | None,
    target: float | None = None,
    target_year: float | None = None,
    base_year: float | None = None,
    limit: float | None = None,
    model: str | None = None,
) -> Verdict:
    options: dict[str, Any] = {} if model is None else {"model": model}
    if method in BOUNDED and series is not None:
        lower, upper = bounds(series.unit)
        options |= {"lower": lower, "upper": upper}
    percent = None if series is None else is_percent(series.unit)
    v = assess_series(
        list(pts),
        method,
        direction=direction,
        target=target,
        target_year=target_year,
        base_year=base_year,
        limit=limit,
        percent=percent,
        series_id=subject,
        **options,
    )
    v = replace(v, unit=None if series is None else series.unit)
    if break_between(pts, v.base_year, v.current_year):
        v = add_note(v, "break_in_series")
    return v


def not_available(subject: str, method: str, reason: str) -> Verdict:
    return Verdict(subject, method, "not_available", reason=reason)


def add_note(v: Verdict, note: str) -> Verdict:
    return v if note in v.notes else replace(v, notes=(*v.notes, note))
