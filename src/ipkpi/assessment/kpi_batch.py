"""Many KPIs assessed at once: one :class:`~.batch.SeriesBatch` per method, not one per KPI.

Every kind's rule (``assessment/kinds/*``) asks for its verdicts through
:func:`~.kpi_run.run`, and what it asks (the series, the method, the target, the options) does
not depend on the verdicts it gets back. :func:`assess_kpis` therefore runs each kind twice:
first gathering every KPI's :class:`~.kpi_run.Request`, answered by a placeholder and the
results thrown away; then, after one kernel call per (method, model) group over all the
gathered series, again with each request answered by its row of that group's table. The kernels
work series by series (:mod:`.chunks`), so the verdicts are those of :func:`~.kpi.assess_kpi`
called KPI by KPI, field for field (tests/assessment/test_kpi_batch.py). A request the first
pass did not see, or a group whose batch the kernel refused, is assessed alone, as before.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np

from ..plan.kpi import KpiBase
from .batch import SeriesBatch
from .errors import AssessmentInputError
from .kind import KindInput
from .kpi_run import BOUNDED, RUNNER, Request
from .registry import kind_of
from .run import assess
from .verdict import KpiAssessment, Verdict

KpiJob = tuple[KpiBase, KindInput]
"""A KPI and what its kind's rule is given (observations, method, date, options)."""


class _Gather:
    """The first pass: keeps each request, answers with a placeholder."""

    def __init__(self) -> None:
        self.requests: dict[Hashable, Request] = {}

    def answer(self, request: Request) -> Verdict:
        self.requests.setdefault(request.key, request)
        return Verdict(request.subject, request.method, "not_available", reason="no_data")


class _Answers:
    """The second pass: each request's row of its group's table (alone when not there)."""

    def __init__(self, found: dict[Hashable, Verdict]) -> None:
        self.found = found

    def answer(self, request: Request) -> Verdict:
        found = self.found.get(request.key)
        return found if found is not None else request.assess()


def _nan(value: float | None) -> float:
    return np.nan if value is None else float(value)


def batch_of(requests: Sequence[Request]) -> SeriesBatch:
    """The requests' series end to end, with their settings per series."""
    offsets = np.zeros(len(requests) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r.points) for r in requests])
    points = [p for r in requests for p in r.points]
    return SeriesBatch.build(
        [p.year for p in points],
        [p.value for p in points],
        offsets,
        direction=[r.direction for r in requests],
        target=[_nan(r.target) for r in requests],
        target_year=[_nan(r.target_year) for r in requests],
        base_year=[_nan(r.base_year) for r in requests],
        limit=[_nan(r.limit) for r in requests],
        percent=[-1 if r.percent is None else int(r.percent) for r in requests],
        ids=[r.subject for r in requests],
        periods=[p.period for p in points],
    )


def assess_requests(requests: Iterable[Request]) -> dict[Hashable, Verdict]:
    """Every request's verdict, one kernel call per group (:attr:`~.kpi_run.Request.group`)."""
    groups: dict[tuple[str, str | None, bool], list[Request]] = {}
    for one in requests:
        groups.setdefault(one.group, []).append(one)
    found: dict[Hashable, Verdict] = {}
    for (method, model, _), asked in groups.items():
        options: dict[str, Any] = {} if model is None else {"model": model}
        if method in BOUNDED:
            options["lower"] = np.array([_nan(r.lower) for r in asked])
            options["upper"] = np.array([_nan(r.upper) for r in asked])
        try:
            table = assess(batch_of(asked), method, **options)
        except (AssessmentInputError, ValueError):
            continue  # each request alone then, failing as it would have
        for i, r in enumerate(asked):
            found[r.key] = table.verdict(i)
    return found


def assess_kpis(jobs: Sequence[KpiJob]) -> list[KpiAssessment]:
    """Each job's :class:`KpiAssessment`, as :func:`~.kpi.assess_kpi` gives it one by one."""
    gather = _Gather()
    token = RUNNER.set(gather)
    try:
        for kpi, inputs in jobs:
            try:
                kind_of(kpi).assess(kpi, inputs)
            except Exception:  # the second pass raises it, as it would alone
                continue
    finally:
        RUNNER.reset(token)
    token = RUNNER.set(_Answers(assess_requests(gather.requests.values())))
    try:
        return [kind_of(kpi).assess(kpi, inputs) for kpi, inputs in jobs]
    finally:
        RUNNER.reset(token)
