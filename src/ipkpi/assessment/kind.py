"""A KPI kind as one record: its plan model, goal text, target in a series' unit and its rule.

Each kind lives in ``assessment/kinds/<kind>.py`` with a ``KINDS`` record; :mod:`.registry`
finds them. Views ask the record (``kind_of(kpi).goal(...)``), never test a KPI's class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..plan.kpi import KpiBase
from ..plan.series import Series
from ..text import Lang
from ..wording import Wording
from .points import Point

if TYPE_CHECKING:
    from .verdict import KpiAssessment

Observations = Mapping[str, Sequence[Point]]


@dataclass(frozen=True)
class KindInput:
    """What a kind's rule is given: the KPI's observations, the method asked for, the date."""

    points: Observations
    method: str
    today: dt.date
    forecast: bool = True
    """False: skip the trend forecast (another method's call already has it)."""
    from_baseline: bool = False
    """True for a plan KPI's headline: judged from the plan's stated baseline to the latest
    value, even where the method's own base-year rule would pick another base (an undated
    level: Open SDG's first value from 2015 on). False: each method's own rule, as shown per
    method and as ``assess-table`` applies it (docs/assessment.md, "The headline rule")."""
    completions: Mapping[str, dt.date] = field(default_factory=dict)
    """Milestone KPI id → the date its completion was recorded (as data, with its source)."""

    def own(self, series: Series) -> list[Point]:
        return list(self.points.get(series.id, ()))


@dataclass(frozen=True)
class Kind:
    """One KPI kind of the plan model and everything the assessment and the views need of it."""

    name: str
    model: type[KpiBase]
    goal: Callable[[Any, Lang, Wording | None], str]
    """What the KPI asks for, with its deadline (``≥ 20兆円（2033年まで）``)."""
    target: Callable[[Any, str], float | None]
    """The plan's target in a series' unit; None when the kind has no numeric target."""
    assess: Callable[[Any, KindInput], KpiAssessment]
    """The rule: the headline verdict by the method asked for, and the forecast."""

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields the kind adds to every KPI's (id, title, wording, series, …)."""
        return tuple(f for f in self.model.model_fields if f not in KpiBase.model_fields)


def no_target(kpi: KpiBase, unit_code: str) -> float | None:
    """For kinds without a numeric target (direction, monitor, pending, milestone)."""
    return None
