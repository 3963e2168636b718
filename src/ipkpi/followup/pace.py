"""The pace a KPI needs from its latest value to its target, next to the pace it achieved.

One definition for every view (status, pages, report): the pace needed from the latest value
to the target by the deadline, and the pace of the last five years (the assessment's
``pace_needed`` / ``pace_recent``), from the first verdict that worked out both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import Lang
from ..wording import Wording, pace_kind, rate
from .model import KpiStatus


@dataclass(frozen=True, slots=True)
class Pace:
    needed: float
    achieved: float
    kind: str
    """``growth``: fractions a year (0.132 = +13.2 %/yr); ``change``: units a year."""
    unit: str
    latest: str
    wording: Wording
    """The period of the latest value the pace is measured from."""
    method: str

    def needed_text(self, lang: Lang) -> str:
        return rate(self.needed, pace_kind(self.kind, self.unit), self.wording, lang)

    def achieved_text(self, lang: Lang) -> str:
        return rate(self.achieved, pace_kind(self.kind, self.unit), self.wording, lang)


def pace_of(status: KpiStatus) -> Pace | None:
    unit_code = status.main.series.unit if status.main else ""
    for v in status.verdicts:
        if v.pace_needed is not None and v.pace_recent is not None:
            return Pace(
                needed=v.pace_needed,
                achieved=v.pace_recent,
                kind=v.rate_kind,
                unit=unit_code,
                latest=v.current_period or "",
                method=v.method,
                wording=status.wording,
            )
    return None
