"""Many KPIs assessed at once: one :class:`~.batch.SeriesBatch` per method, not one per KPI.

Every kind's rule (``assessment/kinds/*``) asks for its verdicts through
:func:`~.kpi_run.run`, and what it asks (the series, the method, the target, the options) does
not depend on the verdicts it gets back. :func:`assess_kpis` therefore runs each kind twice:
first gathering every KPI's :class:`~.kpi_run.Request` in order, answered by a placeholder and
the results thrown away; then, after one kernel call per group (method, model, with or without
points) over all the gathered series, again in the same order with each request answered by
its row of that group's table. The kernels work series by series (:mod:`.chunks`), so the
verdicts are those of :func:`~.kpi.assess_kpi` called KPI by KPI, field for field
(tests/followup/test_batch_assessment.py). A request not equal to the one gathered at its
place, or of a group whose batch the kernel refused, is assessed alone, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..plan.kpi import KpiBase
from .batch import SeriesBatch
from .errors import AssessmentInputError
from .kind import KindInput
from .kpi_run import BOUNDED, RUNNER, Request
from .registry import kind_of
from .run import assess
from .table import VerdictTable
from .verdict import KpiAssessment, Verdict

KpiJob = tuple[KpiBase, KindInput]
"""A KPI and what its kind's rule is given (observations, method, date, options)."""


class _Gather:
    """The first pass: keeps each request in the order asked, answers with a placeholder."""

    def __init__(self) -> None:
        self.requests: list[Request] = []

    def answer(self, request: Request) -> Verdict:
        self.requests.append(request)
        return Verdict(request.subject, request.method, "not_available", reason="no_data")


class _Answers:
    """The second pass: the kinds ask again in the same order; each request equal to the one
    gathered at its place is answered by its row of its group's table, any other alone."""

    def __init__(self, requests: list[Request], rows: list[tuple[VerdictTable, int] | None]):
        self.requests, self.rows, self.next = requests, rows, 0

    def answer(self, request: Request) -> Verdict:
        k = self.next
        if k < len(self.requests) and self.requests[k] == request:
            self.next += 1
            row = self.rows[k]
            if row is not None:
                return row[0].verdict(row[1])
        return request.assess()


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


def assess_requests(requests: Sequence[Request]) -> list[tuple[VerdictTable, int] | None]:
    """Each request's table and row in it, one kernel call per group
    (:attr:`~.kpi_run.Request.group`); None for a group the kernel refused."""
    groups: dict[tuple[str, str | None, bool], list[int]] = {}
    for k, one in enumerate(requests):
        groups.setdefault(one.group, []).append(k)
    rows: list[tuple[VerdictTable, int] | None] = [None] * len(requests)
    for (method, model, _), members in groups.items():
        asked = [requests[k] for k in members]
        options: dict[str, Any] = {} if model is None else {"model": model}
        if method in BOUNDED:
            options["lower"] = np.array([_nan(r.lower) for r in asked])
            options["upper"] = np.array([_nan(r.upper) for r in asked])
        try:
            table = assess(batch_of(asked), method, **options)
        except (AssessmentInputError, ValueError):
            continue  # each request alone then, failing as it would have
        for i, k in enumerate(members):
            rows[k] = (table, i)
    return rows


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
    token = RUNNER.set(_Answers(gather.requests, assess_requests(gather.requests)))
    try:
        return [kind_of(kpi).assess(kpi, inputs) for kpi, inputs in jobs]
    finally:
        RUNNER.reset(token)
