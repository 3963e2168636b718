"""The pace of a KPI by one method: one typed value every view reads.

A pace is a rate a year of a kind (:data:`ipkpi.wording.PaceKind`): ``growth`` (a compound
rate, %/年), ``points`` (percentage points a year, a share), ``places`` (ranks a year) or
``units`` (the KPI's own unit a year). It is computed once per KPI and method from the
verdict's own numbers:

- ``achieved``: the rate the method observed (its ``observed_rate``: from its base period to
  the latest value, or the forecast's fitted trend), measured ``since`` the base period;
- ``needed``: the rate needed from the latest value to reach the target by the target year
  (the assessment's ``pace_needed``; the chart's needed path runs at it from the latest);
- ``needed_from_base``: the rate needed from the base to the target (``required_rate``, what
  the method compares the achieved rate with).

The verdict's sentence, the numbers box, the chart's needed path, the CLI, the report and the
JSON all word this one value (:meth:`Pace.text`), so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..text import Lang
from ..wording import PaceKind, Wording, pace_kind, rate
from .verdict import Verdict

Which = Literal["achieved", "needed", "needed_from_base"]


@dataclass(frozen=True, slots=True)
class Pace:
    method: str
    kind: PaceKind
    unit: str
    """The unit of the KPI the rates of kind ``units`` are in ('' for a ratio)."""
    achieved: float | None
    since: str | None
    latest: str | None
    needed: float | None
    needed_from_base: float | None
    target_year: float | None

    def value(self, which: Which) -> float | None:
        return getattr(self, which)  # type: ignore[no-any-return]

    def text(self, which: Which, wording: Wording, lang: Lang) -> str:
        """The rate ``which`` worded in the kind's own unit (``年率+3.9%``, ``年0.8位改善``)."""
        return rate(self.value(which), self.kind, wording, lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "kind": self.kind,
            "unit": self.unit,
            "achieved": self.achieved,
            "since": self.since,
            "latest": self.latest,
            "needed": self.needed,
            "needed_from_base": self.needed_from_base,
            "target_year": self.target_year,
        }


def pace_of_verdict(v: Verdict) -> Pace:
    """The pace of verdict ``v`` (its rates may all be None: a verdict without a rate)."""
    unit = v.unit or ""
    return Pace(
        method=v.method,
        kind=pace_kind(v.rate_kind, unit),
        unit=unit,
        achieved=v.observed_rate,
        since=v.base_period,
        latest=v.current_period,
        needed=v.pace_needed,
        needed_from_base=v.required_rate,
        target_year=v.target_year,
    )
