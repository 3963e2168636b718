"""The observation store as the follow-up's source of observations and vintages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from ..plan import Plan
from ..points import PeriodError, period_year
from ..store import Completion, Statement, Store
from ..store import queries as store_queries
from ..store.store import as_of_moment
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
        query = store_queries.latest(series_ids, as_of_moment(as_of))
        out: dict[str, list[Observation]] = defaultdict(list)
        names = self._names()
        with self.store.engine.connect() as conn:
            for row in conn.execute(query):
                try:
                    year = period_year(row.period)
                except PeriodError:
                    continue
                out[row.series].append(
                    Observation(
                        series_id=row.series,
                        period=row.period,
                        year=year,
                        value=float(row.value),
                        unit=self.units.get(row.series, ""),
                        flags=tuple(row.flags.split(";")) if row.flags else (),
                        source_title=row.source_title or "",
                        source_url=row.source_url or "",
                        vintage=names.get(row.recorded_at, row.recorded_at.date().isoformat()),
                        note=row.note or "",
                        note_en=row.note_en or "",
                    )
                )
        for rows in out.values():
            rows.sort(key=lambda o: (o.year, o.period))
        return dict(out)
