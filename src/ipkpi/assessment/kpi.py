"""A verdict for every KPI kind of the plan, from the KPI and its observations.

``assess_kpi(kpi, points)`` takes a plan KPI and, per series id, its observations (the caller
has already chosen the vintage) and returns a :class:`KpiAssessment`: a headline verdict by the
chosen method, fitted to the kind, and — for kinds with a target or a trend — a forecast. The
kind's own module says how (``assessment/kinds/<kind>.py``); docs/assessment.md says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypedDict, Unpack

from ..plan.kpi import KpiBase
from ..text import Lang
from ..wording import Wording
from .kind import KindInput, Observations
from .registry import HEADLINE_METHODS, headline_methods, kind_of
from .verdict import KpiAssessment

__all__ = ["HEADLINE_METHODS", "KpiAssessment", "Observations", "assess_kpi", "goal_text"]


class Options(TypedDict, total=False):
    """How :func:`assess_kpi` (and :func:`kind_input`) judges: the headline method, the day of
    judgement (default today), the trend forecast (False: skip it, the same for every method,
    for callers that have it from another method's call) and ``from_baseline`` (True: judge
    from the plan's stated baseline whatever the method's own base-year rule: the headline
    rule), the measures' completion dates."""

    method: str
    today: dt.date | None
    forecast: bool
    from_baseline: bool
    completions: Mapping[str, dt.date] | None


def assess_kpi(kpi: KpiBase, points: Observations, **options: Unpack[Options]) -> KpiAssessment:
    """The verdicts of ``kpi`` from ``points`` (series id → observations), judged as
    ``options`` say (:class:`Options`)."""
    return kind_of(kpi).assess(kpi, kind_input(points, **options))


def kind_input(
    points: Observations,
    method: str = "opensdg",
    today: dt.date | None = None,
    forecast: bool = True,
    from_baseline: bool = False,
    completions: Mapping[str, dt.date] | None = None,
) -> KindInput:
    """What a kind's rule is given, as :func:`assess_kpi` takes it (and
    :func:`~.kpi_batch.assess_kpis` for many KPIs at once)."""
    if method not in (allowed := headline_methods()):
        raise ValueError(f"unknown headline method {method!r}: use {', '.join(allowed)}")
    return KindInput(
        points, method, today or dt.date.today(), forecast, from_baseline, completions or {}
    )


def goal_text(kpi: KpiBase, lang: Lang, wording: Wording | None = None) -> str:
    """What the KPI asks for, with its deadline, its numbers worded by ``wording``."""
    return kind_of(kpi).goal(kpi, lang, wording)


def target_in_unit(kpi: KpiBase, unit_code: str) -> float | None:
    """The plan's numeric target of ``kpi`` in ``unit_code`` (None: none, or no conversion)."""
    return kind_of(kpi).target(kpi, unit_code)
