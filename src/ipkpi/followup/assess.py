"""Verdicts for every KPI, by every headline method, from the assessment's per-kind rules.

The headline verdict is the Open SDG (Statistics Canada) method's, the method Open SDG users
know, judged from the plan's stated baseline to the latest value (the headline rule,
:mod:`.headline`); the page also shows every method by its own base-year rule (Open SDG's,
Eurostat's, UNSD's and the German weather symbols') and the trend forecast, each with its own
numbers, so a reader sees where the methods agree and where not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..assessment import KpiAssessment, Point, Verdict, assess_kpi
from ..assessment.kpi import kind_input
from ..assessment.kpi_batch import assess_kpis
from ..assessment.registry import headline_methods
from ..plan import KpiBase, Part, Section
from .drawn_paths import projected_path, required_path
from .evidence import computed_headline, gated, headline_evidence
from .headline import basis_of
from .model import KpiStatus, SeriesData

KpiInput = tuple[Part, Section | None, KpiBase, tuple[SeriesData, ...]]
HEADLINE_METHOD = "opensdg"


def assess_one(item: KpiInput, at: dt.date, *, every_method: bool) -> KpiStatus:
    """The KPI's headline verdict and forecast; with ``every_method``, the other methods too."""
    kpi, series = item[2], item[3]
    verdicts = verdicts_of(kpi, points_of(series), at, every_method=every_method)
    return status_of(item, tuple(verdicts), complete=every_method)


def _unit_of(series: Sequence[SeriesData]) -> str:
    """The unit the printed pace is in: the KPI series' (as :func:`.pace.pace_of` reads it)."""
    main = next((s for s in series if s.series.role == "kpi"), None)
    return main.series.unit if main is not None else ""


def points_of(series: Sequence[SeriesData]) -> dict[str, list[Point]]:
    return {
        s.series.id: [Point(o.period, o.year, o.value, list(o.flags)) for o in s.observations]
        for s in series
    }


def status_of(
    item: KpiInput,
    verdicts: tuple[Verdict, ...],
    *,
    complete: bool,
    points: Mapping[str, Sequence[Point]] | None = None,
) -> KpiStatus:
    """The KPI's status from verdicts already worked out (headline first); ``points``: its
    series' points, when the caller has them already (:func:`points_of`)."""
    part, section, kpi, series = item
    computed = computed_headline(verdicts)
    return KpiStatus(
        kpi=kpi,
        part=part,
        section=section,
        series=series,
        headline=verdicts[0],
        verdicts=verdicts,
        required_path=required_path(verdicts, _unit_of(series)),
        projected_path=projected_path(verdicts),
        complete=complete,
        basis=basis_of(kpi, computed),
        evidence=headline_evidence(kpi, points or points_of(series), computed),
    )


def verdicts_of(
    kpi: KpiBase,
    points: Mapping[str, Sequence[Point]],
    at: dt.date,
    *,
    every_method: bool = True,
) -> list[Verdict]:
    """The headline verdict first, then the forecast, every method by its own base-year rule
    (the headline method's too, when the plan's baseline made its headline differ) and the
    supporting ones."""
    first = assess_kpi(kpi, points, method=HEADLINE_METHOD, today=at, from_baseline=True)
    own: list[Verdict] = []
    if own_methods_asked(first):
        methods = headline_methods() if every_method else (HEADLINE_METHOD,)
        own = [assess_kpi(kpi, points, method=m, today=at, forecast=False).verdict for m in methods]
    return assembled(kpi, points, first, own, every_method=every_method)


def verdicts_of_many(
    kpis: Sequence[tuple[KpiBase, Mapping[str, Sequence[Point]]]],
    at: dt.date,
    *,
    every_method: bool = True,
) -> list[list[Verdict]]:
    """:func:`verdicts_of` of every KPI, each method's series assessed in one batch: every
    headline first, then every method of the KPIs that have them (the same verdicts)."""
    heads = assess_kpis(
        [(kpi, kind_input(pts, HEADLINE_METHOD, at, from_baseline=True)) for kpi, pts in kpis]
    )
    methods = headline_methods() if every_method else (HEADLINE_METHOD,)
    asked = [k for k, first in enumerate(heads) if own_methods_asked(first)]
    jobs = [
        (kpis[k][0], kind_input(kpis[k][1], m, at, forecast=False)) for k in asked for m in methods
    ]
    found = iter(assess_kpis(jobs))
    own: dict[int, list[Verdict]] = {k: [next(found).verdict for _ in methods] for k in asked}
    return [
        assembled(kpi, pts, heads[k], own.get(k, []), every_method=every_method)
        for k, (kpi, pts) in enumerate(kpis)
    ]


def assess_many(items: Sequence[KpiInput], at: dt.date, *, every_method: bool) -> list[KpiStatus]:
    """:func:`assess_one` of every item, assessed together (:func:`verdicts_of_many`)."""
    points = [points_of(item[3]) for item in items]
    found = verdicts_of_many(
        [(item[2], pts) for item, pts in zip(items, points, strict=True)],
        at,
        every_method=every_method,
    )
    return [
        status_of(item, tuple(verdicts), complete=every_method, points=pts)
        for item, verdicts, pts in zip(items, found, points, strict=True)
    ]


def own_methods_asked(first: KpiAssessment) -> bool:
    """Whether the methods' own verdicts are listed (not for a kind's own verdict or a trend)."""
    return first.verdict.method not in ("pending", "milestone", "trend")


def assembled(
    kpi: KpiBase,
    points: Mapping[str, Sequence[Point]],
    first: KpiAssessment,
    own: list[Verdict],
    *,
    every_method: bool,
) -> list[Verdict]:
    """The KPI's verdicts in their order, each (method, status, rule) once, gated."""
    head = first.verdict
    if own and own[0].base_period != head.base_period:
        head = replace(head, headline_rule=True)
    found = [head]
    if first.forecast is not None:
        found.append(first.forecast)
    if every_method:
        found.extend(own)
    found.extend(first.supporting)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for verdict in found:
        key = (verdict.method, verdict.status, verdict.rule)
        if key not in seen:
            seen.add(key)
            unique.append(verdict)
    return gated(kpi, points, unique)
