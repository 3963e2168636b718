"""A KPI's pace on its pages, the CLI and the report: the one pace of the verdict shown.

The pace is the assessment's typed value (:class:`ipkpi.assessment.pace.Pace`) of the headline
verdict (or of the method asked for), worded in the KPI's scale: the pace needed from the
latest value to the target by the deadline, and the pace the method observed since its base.
A verdict judged in another unit than the KPI's (a ratio to the peers) does not give the KPI's
pace; the first verdict in the KPI's unit does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..assessment.pace import Pace as VerdictPace
from ..assessment.pace import pace_of_verdict
from ..assessment.registry import headline_methods
from ..assessment.verdict import Verdict
from ..text import Lang
from ..wording import Wording
from .evidence import computed_headline
from .model import KpiStatus


@dataclass(frozen=True, slots=True)
class Pace:
    pace: VerdictPace
    wording: Wording

    @property
    def needed(self) -> float | None:
        return self.pace.needed

    @property
    def achieved(self) -> float | None:
        return self.pace.achieved

    @property
    def kind(self) -> str:
        return self.pace.kind

    @property
    def unit(self) -> str:
        return self.pace.unit

    @property
    def method(self) -> str:
        return self.pace.method

    @property
    def since(self) -> str:
        """The period the achieved pace is measured from."""
        return self.pace.since or ""

    @property
    def latest(self) -> str:
        """The period of the latest value the needed pace is measured from."""
        return self.pace.latest or ""

    def since_text(self, lang: Lang) -> str:
        """``FY2018以降`` / ``since FY2018``: what the achieved pace is measured over."""
        if not self.since or self.achieved is None:
            return ""
        return f"{self.since}以降" if lang == "ja" else f"since {self.since}"

    def needed_text(self, lang: Lang) -> str:
        return self.pace.text("needed", self.wording, lang)

    def achieved_text(self, lang: Lang) -> str:
        return self.pace.text("achieved", self.wording, lang)


def pace_verdict(
    verdicts: Sequence[Verdict], unit_code: str, method: str | None = None
) -> Verdict | None:
    """The verdict whose pace a KPI's views print (and its chart draws); None without one.

    By default the headline's, else the forecast's or a supporting reading's (the verdicts
    every follow-up computes, so a list and a KPI page give the same pace), the first in the
    KPI's unit that needs a pace, preferring one that also observed a pace.
    """
    if not verdicts:
        return None
    if method is None:
        others = set(headline_methods()) - {computed_headline(verdicts).method}
        chosen = [v for v in verdicts if v.method not in others]
    else:
        chosen = [v for v in verdicts if v.method == method]
    usable = [v for v in chosen if v.pace_needed is not None and (v.unit or "") == unit_code]
    # A verdict that also observed a pace first (a forecast without enough points has none).
    usable.sort(key=lambda v: v.observed_rate is None)
    return usable[0] if usable else None


def pace_of(status: KpiStatus, method: str | None = None) -> Pace | None:
    """The pace of the verdict by ``method`` (:func:`pace_verdict`); None when none has one."""
    unit_code = status.main.series.unit if status.main else ""
    found = pace_verdict(status.verdicts, unit_code, method)
    return Pace(pace_of_verdict(found), status.wording) if found is not None else None
