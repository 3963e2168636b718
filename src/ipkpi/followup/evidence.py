"""The evidence rule applied to a KPI's headline (rule: :mod:`ipkpi.assessment.methods.evidence`).

A headline in the good tone, or one not available only because too little time has passed
since its base, becomes "判断には早い / too early to tell" while the KPI's main series has
fewer observations after the base than its frequency needs; the computed verdict stays next
to it, so the reader sees both the numbers and why they do not yet make a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..assessment.methods.evidence import Evidence, evidence_of, needs_gate, too_early
from ..assessment.points import Point
from ..assessment.registry import method_of, tone
from ..assessment.verdict import Verdict
from ..plan import KpiBase
from .headline import basis_of

_OWN_VERDICTS = ("pending", "milestone", "trend", "evidence")


def _main(kpi: KpiBase) -> tuple[str, str] | None:
    series = kpi.main_series() or (kpi.series[0] if kpi.series else None)
    return None if series is None else (series.id, series.frequency)


def headline_evidence(
    kpi: KpiBase, points: Mapping[str, Sequence[Point]], computed: Verdict
) -> Evidence | None:
    """The evidence behind the computed headline (None: a kind's own verdict, or no base)."""
    main = _main(kpi)
    if main is None or computed.method in _OWN_VERDICTS:
        return None
    rank = str(getattr(kpi, "kind", "")) == "rank"
    return evidence_of(computed, points.get(main[0], ()), main[1], rank=rank)


def gated(
    kpi: KpiBase, points: Mapping[str, Sequence[Point]], verdicts: list[Verdict]
) -> list[Verdict]:
    """``verdicts`` with "too early to tell" first when the headline's evidence is short."""
    head = verdicts[0]
    evidence = headline_evidence(kpi, points, head)
    if evidence is None or evidence.sufficient:
        return verdicts
    status = method_of(head.method).status(head.status)
    from_plan = basis_of(kpi, head).source == "plan_baseline"
    good = tone(head.method, head.status, head.direction)
    if not needs_gate(head, good, status.met, from_plan_baseline=from_plan):
        return verdicts
    return [too_early(head, evidence), *verdicts]


def computed_headline(verdicts: Sequence[Verdict]) -> Verdict:
    """The headline method's own verdict (the one the evidence rule held back, if it did)."""
    if verdicts[0].method == "evidence" and len(verdicts) > 1:
        return verdicts[1]
    return verdicts[0]
