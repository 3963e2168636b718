"""The observation store as the follow-up's source of observations, vintages, statements and
milestone completions: read through the :class:`~ipkpi.store.Store` API only (no SQL here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from ..plan import Plan
from ..points import PeriodError, period_year
from ..store import Completion, Statement, Store
from .model import AsOf, Observation, Vintage
from .vintages import distinct_vintages


class StoreSource:
    """Reads the store; units come from the plan (the store keeps values in the series' unit)."""

    def __init__(self, store: Store, plan: Plan) -> None:
        self.store = store
        self.units = {s.id: s.unit for _, s in plan.all_series()}

    def vintages(self) -> list[Vintage]:
        return [
            Vintage(
                id=str(v.id), date=v.recorded_at.date(), label=v.file_name, moment=v.recorded_at
            )
            for v in self.store.vintages()
        ]

    def _names(self) -> dict[dt.datetime, str]:
        """Each recording moment's vintage name (its date, or date and time)."""
        return {v.moment: v.id for v in distinct_vintages(self.vintages()) if v.moment}

    def revision(self) -> str:
        return self.store.revision()

    def statements(self, as_of: AsOf | None) -> list[Statement]:
        return self.store.statements(as_of=as_of)

    def completions(self, as_of: AsOf | None) -> list[Completion]:
        return self.store.completions(as_of)

    def observations(
        self, series_ids: Sequence[str], as_of: AsOf | None
    ) -> dict[str, list[Observation]]:
        out: dict[str, list[Observation]] = defaultdict(list)
        names = self._names()
        for stored in self.store.observations(series_ids, as_of):
            try:
                year = period_year(stored.period)
            except PeriodError:
                continue
            moment = stored.recorded_at
            out[stored.series].append(
                Observation(
                    series_id=stored.series,
                    period=stored.period,
                    year=year,
                    value=float(stored.value),
                    unit=self.units.get(stored.series, ""),
                    flags=stored.flags,
                    source_title=stored.source_title or "",
                    source_url=stored.source_url or "",
                    vintage=names.get(moment, moment.date().isoformat()) if moment else "",
                    note=stored.note or "",
                    note_en=stored.note_en or "",
                )
            )
        for rows in out.values():
            rows.sort(key=lambda o: (o.year, o.period))
        return dict(out)
