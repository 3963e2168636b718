"""The series the store accepts values for, with their units: taken from the plan.

The store does not depend on the plan model: it needs a mapping from series id to
:class:`SeriesInfo`. :func:`catalog_from_plan` builds one from a loaded plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..periods import PeriodKind
from ..text import Text

if TYPE_CHECKING:
    from ..plan import Plan

#: The period kinds a series of each frequency takes ("irregular" takes any).
PERIOD_KINDS: dict[str, frozenset[PeriodKind]] = {
    "annual": frozenset({PeriodKind.YEAR}),
    "fiscal": frozenset({PeriodKind.FISCAL_YEAR}),
    "half": frozenset({PeriodKind.HALF}),
    "quarterly": frozenset({PeriodKind.QUARTER}),
    "fiscal_half": frozenset({PeriodKind.FISCAL_HALF}),
    "fiscal_quarterly": frozenset({PeriodKind.FISCAL_QUARTER}),
    "monthly": frozenset({PeriodKind.MONTH}),
    "irregular": frozenset(PeriodKind),
}


@dataclass(frozen=True)
class SeriesInfo:
    """What the store needs to know about a series: its unit, label and frequency."""

    id: str
    unit: str
    label: Text
    frequency: str = "annual"

    def accepts(self, kind: PeriodKind) -> bool:
        return kind in PERIOD_KINDS.get(self.frequency, PERIOD_KINDS["irregular"])


SeriesCatalog = Mapping[str, SeriesInfo]


def catalog_from_plan(plan: Plan) -> dict[str, SeriesInfo]:
    """Every series of the plan, by id."""
    return {
        series.id: SeriesInfo(series.id, series.unit, series.label, series.frequency)
        for _kpi, series in plan.all_series()
    }
