"""A verdict is data: the rule that produced it, the numbers it used, and one sentence.

A :class:`Verdict` is what the CLI, the dashboard, the report and the JSON export all show. It
records the method and status, the inputs (base and current period and value, target and
target year), the intermediate numbers (observed and required rates, the ratio), the
thresholds applied, and why a verdict could not be given. The sentence is rendered from those
fields on demand (:meth:`Verdict.explain`), so it always says what the numbers say.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ..text import Text
from ..wording import Wording
from .vocabulary import NOTES, REASONS


@dataclass(frozen=True)
class Contribution:
    """One component of a total (the Cool Japan table): its change and its part in the total."""

    series: str
    label: Text
    previous: float
    current: float
    previous_period: str | None = None
    current_period: str | None = None
    published_change_pct: float | None = None
    share_of_change: float | None = None
    share_of_total: float | None = None
    definition_changed: bool = False
    previous_share_of_total: float | None = None
    """The part in the previous survey's total (the chart's bars read both shares here)."""

    @property
    def change(self) -> float:
        return self.current - self.previous


@dataclass(frozen=True)
class PeerGap:
    """Where the KPI stood against its peers in one period: the benchmark and the ratio to it."""

    period: str
    year: float
    value: float
    benchmark: float
    benchmark_series: str
    ratio: float
    benchmark_label: Text | None = None
    """The benchmark peer's name (its series label), for sentences; the id is the data."""


@dataclass(frozen=True)
class Verdict:
    """The assessment of one series or KPI by one method."""

    subject: str
    method: str
    status: str
    rule: str = ""
    score: float | None = None
    progress: float | None = None
    direction: str | None = None
    base_period: str | None = None
    base_year: float | None = None
    base_value: float | None = None
    current_period: str | None = None
    current_year: float | None = None
    current_value: float | None = None
    target: float | None = None
    target_year: float | None = None
    observed_rate: float | None = None
    required_rate: float | None = None
    rate_kind: str = "growth"
    """``growth``: rates are fractions a year (0.04 = +4 %/yr); ``change``: units a year."""
    thresholds: Mapping[str, float] = field(default_factory=dict)
    reason: str = ""
    notes: tuple[str, ...] = ()
    projected_value: float | None = None
    interval_low: float | None = None
    interval_high: float | None = None
    interval_level: float | None = None
    probability: float | None = None
    pace_needed: float | None = None
    pace_recent: float | None = None
    unit: str | None = None
    components: tuple[Contribution, ...] = ()
    peer_gaps: tuple[PeerGap, ...] = ()
    detail: Text | None = None
    """A sentence the kind adds (what a pending KPI waits for, a milestone's evidence)."""
    headline_rule: bool = False
    """Judged from the plan's baseline by the headline rule where the method's own base-year
    rule picks another base (its own verdict is listed too): docs/assessment.md."""

    @property
    def status_label(self) -> Text:
        from .registry import status_label  # the registry's kernels build verdicts

        return status_label(self.method, self.status)

    @property
    def method_label(self) -> Text:
        from .registry import method_of

        return method_of(self.method).label

    @property
    def tone(self) -> str:
        """good | fair | poor | bad | early | neutral, for the verdict's own direction."""
        from .registry import tone

        return tone(self.method, self.status, self.direction)

    @property
    def reason_text(self) -> Text:
        return REASONS[self.reason]

    @property
    def available(self) -> bool:
        return self.status != "not_available"

    def explain(self, wording: Wording | None = None) -> Text:
        """One sentence in Japanese and English built from this verdict's numbers.

        ``wording`` words the numbers in the scale the page uses for the KPI's series; without
        it, in the scale of the verdict's own numbers.
        """
        from .explain import explain

        return explain(self, wording)

    @property
    def sentence(self) -> Text:
        return self.explain()

    def to_dict(self, *, sentence: bool = True) -> dict[str, Any]:
        """A JSON-ready dict: NaN becomes None, texts become {"ja": …, "en": …}."""
        out: dict[str, Any] = {}
        for f in fields(self):
            out[f.name] = _plain(getattr(self, f.name))
        out["series"] = self.subject
        out["status_label"] = _plain(self.status_label)
        out["notes_text"] = [_plain(NOTES[n]) for n in self.notes]
        out["reason_text"] = _plain(self.reason_text) if self.reason else None
        if sentence:
            out["explanation"] = _plain(self.explain())
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return {"ja": value.ja, "en": value.en}
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, Contribution | PeerGap):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, Contribution):
            out["change"] = _plain(value.change)
        return out
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def clean(value: float) -> float | None:
    """A float for a verdict field: NaN (nothing computed) becomes None."""
    return None if math.isnan(value) else float(value)


@dataclass(frozen=True)
class KpiAssessment:
    """The verdicts of one KPI: the headline, the forecast, and any supporting reading."""

    kpi_id: str
    kind: str
    verdict: Verdict
    forecast: Verdict | None = None
    supporting: tuple[Verdict, ...] = ()

    def verdicts(self) -> tuple[Verdict, ...]:
        rest = (self.forecast,) if self.forecast is not None else ()
        return (self.verdict, *rest, *self.supporting)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kpi": self.kpi_id,
            "kind": self.kind,
            "verdict": self.verdict.to_dict(),
            "forecast": None if self.forecast is None else self.forecast.to_dict(),
            "supporting": [v.to_dict() for v in self.supporting],
        }
