"""Relative to peers: the KPI's value as a ratio to its peers' level, period by period.

"World top level" is read as at or above the best peer's latest value; "on par with X" as at
or above X's latest value. For each observation of the KPI the benchmark is the best (or the
named) peer's latest value up to that period, carried forward; for the KPI's latest
observation it is the peer's latest value whatever its period, so that "achieved" means
exactly the rule above. The ratio series (target 1 by the deadline) is then assessed like any
other series, so the verdict follows the gap over time: a KPI that grows more slowly than its
peers falls behind even while it grows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ...plan.kpi import RelativeToPeers
from ...plan.series import Series
from ...text import Lang, Text
from ...wording import Wording, by_deadline
from ..kind import Kind, KindInput
from ..kpi_inputs import in_unit
from ..kpi_run import add_note, not_available, run
from ..points import Point
from ..verdict import KpiAssessment, PeerGap, Verdict
from ._goals import WORDS, target_text
from ._rules import main_series, no_series


@dataclass(frozen=True)
class PeerBenchmark:
    """The gap series and the benchmark the latest value is judged against."""

    gaps: tuple[PeerGap, ...]
    best_value: float
    best_series: str

    def ratio_points(self) -> list[Point]:
        return [Point(g.period, g.year, g.ratio) for g in self.gaps]


def benchmark(
    kpi_points: Sequence[Point], peers: Sequence[tuple[str, Sequence[Point]]]
) -> PeerBenchmark | None:
    """The ratio of each KPI observation to its peers' level; None when no peer has data."""
    peers = [(sid, sorted(pts, key=lambda p: p.year)) for sid, pts in peers if pts]
    if not peers:
        return None
    latest = [(pts[-1].value, sid) for sid, pts in peers]
    best_value, best_series = max(latest)
    ordered = sorted(kpi_points, key=lambda p: p.year)
    gaps = []
    for k, point in enumerate(ordered):
        if k == len(ordered) - 1:
            value, series = best_value, best_series
        else:
            known = [
                (max((p for p in pts if p.year <= point.year), key=lambda p: p.year).value, sid)
                for sid, pts in peers
                if pts[0].year <= point.year
            ]
            if not known:
                continue
            value, series = max(known)
        if value <= 0:
            continue
        gaps.append(
            PeerGap(point.period, point.year, point.value, value, series, point.value / value)
        )
    return PeerBenchmark(tuple(gaps), best_value, best_series)


def assess_relative(
    kpi: RelativeToPeers,
    points: Mapping[str, Sequence[Point]],
    series: Series,
    own: list[Point],
    method: str,
) -> KpiAssessment:
    peers = []
    for s in kpi.series_by_role("peer")[: 1 if kpi.criterion == "named_peer" else None]:
        factor = in_unit(1.0, s.unit, series.unit)
        if factor is not None:
            peers.append((s.id, [replace(p, value=p.value * factor) for p in points.get(s.id, ())]))
    supporting: tuple[Verdict, ...] = ()
    if kpi.interpretation is not None:
        reading = in_unit(kpi.interpretation.value, kpi.interpretation.unit, series.unit)
        if reading is not None:
            label = kpi.interpretation.label or Text(ja="数値による解釈", en="a numeric reading")
            extra = run(
                kpi.id,
                method,
                own,
                series,
                direction=kpi.interpretation.direction,
                target=reading,
                target_year=kpi.deadline,
            )
            detail = Text(
                ja=f"目標の解釈：{label.ja.rstrip('。')}。",
                en=f"Target as read: {label.en.rstrip('.')}.",
            )
            supporting = (replace(extra, detail=detail),)
    if not own:
        return KpiAssessment(
            kpi.id, kpi.kind, not_available(kpi.id, method, "no_data"), None, supporting
        )
    bench = benchmark(own, peers)
    if bench is None or not bench.gaps:
        return KpiAssessment(
            kpi.id, kpi.kind, not_available(kpi.id, method, "no_peer_data"), None, supporting
        )
    ratio = bench.ratio_points()
    head = run(
        kpi.id, method, ratio, None, direction="increase", target=1.0, target_year=kpi.deadline
    )
    labels = {s.id: s.label for s in kpi.series_by_role("peer")}
    gaps = tuple(replace(g, benchmark_label=labels.get(g.benchmark_series)) for g in bench.gaps)
    head = add_note(replace(head, peer_gaps=gaps), "moving_target")
    fc = run(
        kpi.id,
        "forecast",
        own,
        series,
        direction="increase",
        target=bench.best_value,
        target_year=kpi.deadline,
    )
    return KpiAssessment(kpi.id, kpi.kind, head, add_note(fc, "moving_target"), supporting)


def goal(kpi: RelativeToPeers, lang: Lang, wording: Wording | None) -> str:
    what = WORDS[kpi.criterion].get(lang)
    if kpi.interpretation is not None:
        what += f" ({target_text(kpi.interpretation, lang, wording)})"
    return by_deadline(what, kpi.deadline, lang)


def target(kpi: RelativeToPeers, unit_code: str) -> float | None:
    """The peers' level moves; the plan's number is only its labelled interpretation."""
    if kpi.interpretation is None:
        return None
    return in_unit(kpi.interpretation.value, kpi.interpretation.unit, unit_code)


def assess(kpi: RelativeToPeers, inputs: KindInput) -> KpiAssessment:
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    return assess_relative(kpi, inputs.points, series, inputs.own(series), inputs.method)


KINDS = (Kind("relative_to_peers", RelativeToPeers, goal, target, assess),)
