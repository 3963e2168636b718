"""The follow-up of a plan at a date: every KPI with its data and its verdicts, built once.

``FollowUp(plan, source, as_of)`` reads the observations of every series in one call and
keeps them; verdicts are worked out on first use and kept: every KPI's headline verdict when a
list is first asked for (:meth:`FollowUp.kpis`), a KPI's verdicts by every method when that
KPI is asked for (:meth:`FollowUp.kpi`). Pages, the CLI and the report then only read them.
``as_of`` is a date (values known by the end of that day) or a moment (UTC); the latest data
when None.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from ..assessment.verdict import Verdict
from ..collector import without_collector
from ..plan import Coverage, KpiBase, Milestone, Plan, coverage
from ..store.statement import Completion, Statement
from .assess import KpiInput, assess_many, assess_one, status_of
from .model import AsOf, KpiStatus, SeriesData, Vintage, day_of, end_of
from .observation_source import ObservationSource
from .verdict_cache import VerdictCache, data_digest
from .vintages import distinct_vintages


class FollowUp:
    def __init__(self, plan: Plan, source: ObservationSource, as_of: AsOf | None = None):
        self.plan = plan
        self.source = source
        self.as_of = as_of
        all_vintages = distinct_vintages(source.vintages())
        self.all_vintages: tuple[Vintage, ...] = tuple(all_vintages)
        self.vintages: tuple[Vintage, ...] = tuple(
            v for v in all_vintages if as_of is None or v.end <= end_of(as_of)
        )
        self.completions = {c.kpi_id: c for c in source.completions(as_of)}
        self.statements = latest_statements(source.statements(as_of))
        located = [
            (part, section, with_completion(kpi, self.completions.get(kpi.id)))
            for part, section, kpi in plan.iter_kpis()
        ]
        series_ids = [s.id for _, _, kpi in located for s in kpi.series]
        found = source.observations(series_ids, as_of)
        inputs = [
            (
                part,
                section,
                kpi,
                tuple(SeriesData(s, tuple(found.get(s.id, ()))) for s in kpi.series),
            )
            for part, section, kpi in located
        ]
        self._inputs: dict[str, KpiInput] = {item[2].id: item for item in inputs}
        self._statuses: dict[str, KpiStatus] = {}
        self._cache: VerdictCache | None = None
        self._digests: dict[str, str] = {}

    def use_cache(self, cache: VerdictCache) -> None:
        """Take verdicts from ``cache`` when a KPI's definition and data are those it holds,
        and keep every verdict worked out here in it (:mod:`.verdict_cache`)."""
        self._cache = cache

    @property
    def vintage(self) -> Vintage | None:
        """The vintage the values come from (the latest one on or before ``as_of``)."""
        return self.vintages[-1] if self.vintages else None

    @property
    def previous_vintage(self) -> Vintage | None:
        return self.vintages[-2] if len(self.vintages) > 1 else None

    @property
    def reference_date(self) -> dt.date:
        """The date verdicts are given at: ``as_of``, else the latest vintage, else today."""
        if self.as_of is not None:
            return day_of(self.as_of)
        if self.vintage is not None:
            return self.vintage.date
        return dt.date.today()

    @property
    def before_first(self) -> bool:
        """Asked for a date before any data were recorded (the pages say so)."""
        return self.vintage is None and bool(self.all_vintages)

    @property
    def is_latest(self) -> bool:
        return self.vintage is None or self.vintage == (
            self.all_vintages[-1] if self.all_vintages else None
        )

    def kpi(self, kpi_id: str) -> KpiStatus | None:
        """The KPI with its verdict by every method (worked out on first use)."""
        item = self._inputs.get(kpi_id)
        if item is None:
            return None
        found = self._statuses.get(kpi_id)
        if found is None or not found.complete:
            found = self._status(item, every_method=True)
            self._statuses[kpi_id] = found
        return found

    def _status(self, item: KpiInput, *, every_method: bool) -> KpiStatus:
        """The KPI's status, from the cache when it holds its verdicts (all methods' first)."""
        held, key = self._cached(item, every_method=every_method)
        if held is not None:
            return held
        status = assess_one(item, self.reference_date, every_method=every_method)
        if self._cache is not None and key is not None:
            self._cache.put(key, status.verdicts)
        return self._judged(status)

    def _cached(self, item: KpiInput, *, every_method: bool) -> tuple[KpiStatus | None, str | None]:
        """The KPI's status from the cache, or None and the key to keep its verdicts under."""
        cache = self._cache
        if cache is None:
            return None, None
        every, headline = cache.keys(item[2], self.data_digest(item[2].id), self.reference_date)
        keys = [every] if every_method else [every, headline]
        for key in keys:
            held = cache.get(key)
            if held is not None:
                return self._judged(status_of(item, held, complete=key == keys[0])), None
        return None, keys[-1]

    def assess_all(self, *, every_method: bool = True) -> None:
        """Every KPI's verdicts (by every method, or the headline only) not yet worked out:
        from the cache where it holds them, the others assessed together in one batch per
        method (:func:`.assess.assess_many`), not KPI by KPI. Lists, the CLI's status, the
        report and the static site call it before reading every KPI."""
        missing: list[tuple[KpiInput, str | None]] = []
        for kpi_id, item in self._inputs.items():
            found = self._statuses.get(kpi_id)
            if found is not None and (found.complete or not every_method):
                continue
            held, key = self._cached(item, every_method=every_method)
            if held is not None:
                self._statuses[kpi_id] = held
            else:
                missing.append((item, key))
        if not missing:
            return
        with without_collector():
            made = assess_many(
                [m[0] for m in missing], self.reference_date, every_method=every_method
            )
        for (item, key), status in zip(missing, made, strict=True):
            if self._cache is not None and key is not None:
                self._cache.put(key, status.verdicts)
            self._statuses[item[2].id] = self._judged(status)

    def _judged(self, status: KpiStatus) -> KpiStatus:
        """The status with the secretariat's statement and the milestone's completion; the
        status itself when it already has both (mostly neither: no copy made, 0.3 s at 10k)."""
        kpi_id = status.kpi.id
        statement, completion = self.statements.get(kpi_id), self.completions.get(kpi_id)
        if statement is status.statement and completion is status.completion:
            return status
        return replace(status, statement=statement, completion=completion)

    def adopt(self, kpi_id: str, verdicts: tuple[Verdict, ...]) -> None:
        """Take a KPI's verdicts by every method worked out elsewhere (a site build's workers);
        nothing to do when they are known here already (:meth:`assess_all` before forking)."""
        known = self._statuses.get(kpi_id)
        if known is not None and known.complete:
            return
        item = self._inputs[kpi_id]
        self._statuses[kpi_id] = self._judged(status_of(item, verdicts, complete=True))
        if self._cache is not None:
            keys = self._cache.keys(item[2], self.data_digest(kpi_id), self.reference_date)
            self._cache.put(keys[0], verdicts)

    def data_digest(self, kpi_id: str) -> str:
        """The hash of the KPI's observations at this date (:func:`.verdict_cache.data_digest`),
        worked out once: the verdict cache and the static site's manifest both key on it."""
        found = self._digests.get(kpi_id)
        if found is None:
            found = self._digests[kpi_id] = data_digest(self._inputs[kpi_id][3])
        return found

    def series_data(self) -> list[SeriesData]:
        """Every series of every KPI with its values at this date (no verdict needed)."""
        return [data for item in self._inputs.values() for data in item[3]]

    def kpi_ids(self) -> list[str]:
        return list(self._inputs)

    def kpis(self) -> list[KpiStatus]:
        """Every KPI with its headline verdict and forecast, in plan order.

        The headlines not yet known are assessed together (:meth:`assess_all`); other
        methods' verdicts are worked out by :meth:`kpi`, one KPI at a time, or for every KPI by
        :meth:`assess_all`, since lists and counts need only the headline.
        """
        if len(self._statuses) < len(self._inputs):
            self.assess_all(every_method=False)
        return [self._statuses[kpi_id] for kpi_id in self._inputs]

    def kpis_of(self, kpi_ids: Iterable[str]) -> list[KpiStatus]:
        """The statuses of ``kpi_ids`` (those the plan has) as :meth:`kpis` gives them, in
        the order given: a section's page asks for its own without going through them all."""
        if len(self._statuses) < len(self._inputs):
            self.assess_all(every_method=False)
        return [self._statuses[kpi_id] for kpi_id in kpi_ids if kpi_id in self._statuses]

    def coverage(self) -> Coverage:
        """How many KPIs have data at this date, by the one definition
        (:func:`ipkpi.plan.kpi_has_data`) the summary and the report use too."""
        held = {data.series.id for data in self.series_data() if data.observations}
        return coverage((item[2] for item in self._inputs.values()), held)

    def headline_kpis(self) -> list[KpiStatus]:
        return [s for k in self.plan.headline_kpis if (s := self.kpi(k))]

    @cached_property
    def tone_counts(self) -> Counter[str]:
        return Counter(s.tone for s in self.kpis())

    def counts_by(self, key: str) -> dict[str, Counter[str]]:
        """Headline statuses counted by ``part`` or ``kind``."""
        out: dict[str, Counter[str]] = {}
        for status in self.kpis():
            group = status.part.id if key == "part" else status.kind
            out.setdefault(group, Counter())[status.headline.status] += 1
        return out


def latest_statements(statements: list[Statement]) -> dict[str, Statement]:
    """Per KPI, the statement in force for its latest review date."""
    out: dict[str, Statement] = {}
    for statement in sorted(statements, key=lambda s: s.review_date):
        out[statement.kpi_id] = statement
    return out


def with_completion(kpi: KpiBase, completion: Completion | None) -> KpiBase:
    """A milestone whose completion is recorded in the store, as done on that day (the
    verdict then says "done"); any other KPI as it is."""
    if completion is None or not isinstance(kpi, Milestone):
        return kpi
    return kpi.model_copy(update={"status": "done", "done_on": completion.completed_on.isoformat()})


# The name before vintages within a day were told apart.
vintages_by_date = distinct_vintages
