"""Rank: an ordinal, lower is better, reach rank N or better by a year (GII 4位以内 by 2035)."""

from __future__ import annotations

from ...plan.kpi import Rank
from ...text import Lang
from ...wording import Wording, by_deadline
from ..kind import Kind, KindInput
from ..verdict import KpiAssessment
from ._rules import main_series, no_series, with_target


def goal(kpi: Rank, lang: Lang, wording: Wording | None) -> str:
    rank = f"≤ {kpi.target_rank}位" if lang == "ja" else f"rank ≤ {kpi.target_rank}"
    return by_deadline(rank, kpi.deadline, lang)


def target(kpi: Rank, unit_code: str) -> float | None:
    return float(kpi.target_rank)


def assess(kpi: Rank, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    own = inputs.own(series)
    limit = float(kpi.best_possible)
    return with_target(
        kpi, inputs, series, own, target(kpi, series.unit) or 1.0, kpi.deadline, linear=True,
        limit=limit,
    )  # fmt: skip


KINDS = (Kind("rank", Rank, goal, target, assess),)
