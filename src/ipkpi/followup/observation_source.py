"""Where the follow-up reads observations from: the store, or observations held in memory.

:class:`ObservationSource` is the little the follow-up needs: the vintages, the values of
some series as known at a date, and the secretariat's statements and milestone completions
in force at that date. The store implements it through :mod:`.store_source`;
:class:`MemorySource` serves tests, benchmarks and generated plans.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from ..store.statement import Completion, Statement
from .model import AsOf, Observation, Vintage, end_of


class ObservationSource(Protocol):
    def vintages(self) -> list[Vintage]:
        """Every vintage, oldest first."""
        ...

    def observations(
        self, series_ids: Sequence[str], as_of: AsOf | None
    ) -> dict[str, list[Observation]]:
        """Each series' values as known at ``as_of`` (latest when None), by period."""
        ...

    def revision(self) -> str:
        """A token that changes whenever data are imported (for caches)."""
        ...

    def statements(self, as_of: AsOf | None) -> list[Statement]:
        """The secretariat's statement in force per KPI and review date at ``as_of``."""
        ...

    def completions(self, as_of: AsOf | None) -> list[Completion]:
        """Each milestone's recorded completion in force at ``as_of``."""
        ...


@dataclass(frozen=True, slots=True)
class Recorded:
    """An observation and the vintage that recorded it; a later vintage may revise it."""

    observation: Observation
    vintage: Vintage
    removed: bool = False


class MemorySource:
    """Observations with their vintages, held in memory."""

    def __init__(
        self,
        records: Iterable[Recorded] = (),
        statements: Iterable[Statement] = (),
        completions: Iterable[Completion] = (),
    ) -> None:
        self._statements = list(statements)
        self._completions = list(completions)
        self._by_series: dict[str, list[Recorded]] = defaultdict(list)
        vintages: dict[str, Vintage] = {}
        for record in records:
            self._by_series[record.observation.series_id].append(record)
            vintages[record.vintage.id] = record.vintage
        self._vintages = sorted(vintages.values(), key=lambda v: (v.end, v.id))
        for rows in self._by_series.values():
            rows.sort(key=lambda r: (r.vintage.end, r.vintage.id))

    def vintages(self) -> list[Vintage]:
        return list(self._vintages)

    def statements(self, as_of: AsOf | None) -> list[Statement]:
        """The statements given (each with its ``recorded_at``; None counts as always)."""
        found: dict[tuple[str, object], Statement] = {}
        for s in sorted(self._statements, key=lambda s: s.recorded_at or _EARLIEST):
            if _known(s.recorded_at, as_of):
                found[(s.kpi_id, s.review_date)] = s
        return list(found.values())

    def completions(self, as_of: AsOf | None) -> list[Completion]:
        found: dict[str, Completion] = {}
        for c in sorted(self._completions, key=lambda c: c.recorded_at or _EARLIEST):
            if _known(c.recorded_at, as_of):
                found[c.kpi_id] = c
        return list(found.values())

    def revision(self) -> str:
        last = self._vintages[-1] if self._vintages else None
        return f"{len(self._vintages)}:{last.id if last else ''}"

    def observations(
        self, series_ids: Sequence[str], as_of: AsOf | None
    ) -> dict[str, list[Observation]]:
        out: dict[str, list[Observation]] = {}
        until = end_of(as_of) if as_of is not None else None
        for series_id in series_ids:
            known: dict[str, Recorded] = {}
            for record in self._by_series.get(series_id, ()):
                if until is not None and record.vintage.end > until:
                    break
                known[record.observation.period] = record
            out[series_id] = sorted(
                (
                    r.observation  # a copy only to name its vintage (~12 µs each)
                    if r.observation.vintage
                    else replace(r.observation, vintage=r.vintage.id)
                    for r in known.values()
                    if not r.removed
                ),
                key=lambda o: (o.year, o.period),
            )
        return out


_EARLIEST = datetime.datetime.min


def _known(recorded_at: datetime.datetime | None, as_of: AsOf | None) -> bool:
    return recorded_at is None or as_of is None or recorded_at <= end_of(as_of)
