"""The evidence rule: enough data after the base before a verdict in the good tone.

A headline in the good tone ("on track", "substantial progress") says the plan is working; it
needs more than one new value. After the base (the plan's baseline, or the method's base
year), a KPI's main series needs at least ``count`` observations spanning at least ``span``
years, per frequency (:data:`MINIMUM`); a rank must also have moved more than one place, since
a one-place move is within a ranking's noise (GII 2025: 13th → 12th). Below that the headline
is :data:`TOO_EARLY`, "判断には早い / too early to tell", in its own tone (``early``), never
the grey of "no data"; it keeps the numbers it was computed from and says what it awaits.

A target already met (``Status.met``) is a fact and needs no evidence rule. Verdicts in the
other tones are kept and show their evidence count (docs/assessment.md, "The evidence rule").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...text import t
from ..explain import Pair, Words
from ..method import Method, Status
from ..points import Point
from ..verdict import Verdict

TOO_EARLY: Final = "too_early"


@dataclass(frozen=True, slots=True)
class Minimum:
    """The least evidence after the base, for one frequency."""

    count: int
    span: float
    """Years from the base to the latest value."""


#: Per frequency: two annual values over two years; a year of half-yearly or quarterly
#: values; six months of monthly ones (three values); an irregular series two values a year
#: apart. Documented with worked examples in docs/assessment.md.
MINIMUM: Final[dict[str, Minimum]] = {
    "annual": Minimum(2, 2.0),
    "fiscal": Minimum(2, 2.0),
    "half": Minimum(2, 1.0),
    "fiscal_half": Minimum(2, 1.0),
    "quarterly": Minimum(4, 1.0),
    "fiscal_quarterly": Minimum(4, 1.0),
    "monthly": Minimum(3, 0.5),
    "irregular": Minimum(2, 1.0),
}

#: A rank must move more than this many places from its base to count as a move.
RANK_NOISE: Final = 1.0

#: The headline verdicts that are "not available" only for want of data after the base.
SHORT: Final = frozenset({"too_short", "single_observation", "base_after_current"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a headline verdict rests on after its base, against the minimum for the series."""

    frequency: str
    base_period: str | None
    current_period: str | None
    count: int
    """Observations after the base, up to and including the latest."""
    span: float
    """Years from the base to the latest value."""
    minimum: Minimum
    rank_move: float | None = None
    """Places moved from the base (ranks only; negative is better)."""

    @property
    def sufficient(self) -> bool:
        if self.count < self.minimum.count or self.span + 1e-9 < self.minimum.span:
            return False
        return self.rank_move is None or abs(self.rank_move) > RANK_NOISE

    @property
    def within_rank_noise(self) -> bool:
        return self.rank_move is not None and abs(self.rank_move) <= RANK_NOISE


def evidence_of(
    verdict: Verdict, points: Sequence[Point], frequency: str, *, rank: bool = False
) -> Evidence | None:
    """The evidence behind ``verdict``'s base and latest value; None without a base."""
    if verdict.base_year is None:
        return None
    latest = verdict.current_year
    if latest is None:
        latest = max((p.year for p in points), default=verdict.base_year)
    after = [p for p in points if verdict.base_year < p.year <= latest]
    move = None
    if rank and verdict.base_value is not None and verdict.current_value is not None:
        move = verdict.current_value - verdict.base_value
    return Evidence(
        frequency=frequency,
        base_period=verdict.base_period,
        current_period=verdict.current_period,
        count=len(after),
        span=max(0.0, latest - verdict.base_year),
        minimum=MINIMUM.get(frequency, MINIMUM["irregular"]),
        rank_move=move,
    )


def too_early(computed: Verdict, evidence: Evidence) -> Verdict:
    """The headline when the evidence is below the minimum: the computed numbers, kept, and
    what the headline method would have said (its ``detail``)."""
    from ..registry import method_of

    label = method_of(computed.method).label
    said = computed.status_label
    if computed.status == "not_available":
        detail = t(
            f"（{label.ja}では、基準以降の期間が短く評価できない。）",
            f"({label.en}: not available, the time since the base is too short.)",
        )
    else:
        detail = t(
            f"（{label.ja}の計算では「{said.ja}」に当たるが、根拠が足りない。）",
            f"({label.en} alone would say '{said.en}', on too little evidence.)",
        )
    limits = {
        "count": float(evidence.minimum.count),
        "span": evidence.minimum.span,
        "observed_count": float(evidence.count),
    }
    if evidence.rank_move is not None:
        limits["rank_move"] = evidence.rank_move
        limits["rank_noise"] = RANK_NOISE
    return Verdict(
        subject=computed.subject,
        method="evidence",
        status=TOO_EARLY,
        rule=computed.method,
        direction=computed.direction,
        base_period=computed.base_period,
        base_year=computed.base_year,
        base_value=computed.base_value,
        current_period=computed.current_period,
        current_year=computed.current_year,
        current_value=computed.current_value,
        target=computed.target,
        target_year=computed.target_year,
        rate_kind=computed.rate_kind,
        unit=computed.unit,
        thresholds=limits,
        notes=tuple(n for n in computed.notes if n == "plan_baseline_used"),
        detail=detail,
    )


def needs_gate(verdict: Verdict, tone: str, met: bool, *, from_plan_baseline: bool) -> bool:
    """Whether the evidence rule applies: a good-tone verdict (not a met target), or one not
    available only because too little time has passed since the plan's baseline."""
    if verdict.status == "not_available":
        return from_plan_baseline and verdict.reason in SHORT
    return tone == "good" and not met


def _span(years: float) -> Pair:
    months = round(years * 12)
    if months < 24 and not float(years).is_integer():
        return f"{months}か月", f"{months} month{'s' if months != 1 else ''}"
    y = f"{years:g}"
    return f"{y}年", f"{y} year{'s' if years != 1 else ''}"


def explain_too_early(v: Verdict, w: Words) -> Pair:
    """基準（2024）以降の観測値は1件・1年分：年次の系列では2件・2年分以上が必要 …"""
    need_count = int(v.thresholds.get("count", 0))
    need_span = _span(float(v.thresholds.get("span", 0.0)))
    base, current = w.base, w.current
    span = (v.current_year or 0.0) - (v.base_year or 0.0)
    got = _span(max(0.0, span))
    count = int(v.thresholds.get("observed_count", 0))
    base_ja, base_en = (
        f"{base}、{w.number(v.base_value)[0]}",
        f"{base}, {w.number(v.base_value)[1]}",
    )
    if count == 0:
        ja = f"基準（{base_ja}）以降の観測値はまだない。"
        en = f"No value since the base ({base_en}) yet."
    else:
        ja = (
            f"基準（{base_ja}）以降の観測値は{count}件・{got[0]}分"
            f"（最新 {current}、{w.number(v.current_value)[0]}）。"
        )
        en = (
            f"Since the base ({base_en}) there {_be(count)} over {got[1]} "
            f"(latest {current}, {w.number(v.current_value)[1]})."
        )
    ja += f"評価には基準以降に{need_count}件以上・{need_span[0]}分以上の観測値が必要。"
    en += f" A verdict needs at least {need_count} values over {need_span[1]} after the base."
    if "rank_move" in v.thresholds and abs(v.thresholds["rank_move"]) <= RANK_NOISE:
        ja += "順位の1つ以内の変動は誤差の範囲。"
        en += " A move of one place or less is within a ranking's noise."
    return ja, en


def _be(count: int) -> str:
    return "is 1 value" if count == 1 else f"are {count} values"


METHODS = (
    Method(
        name="evidence",
        label=t("評価の根拠", "Evidence rule"),
        statuses=(Status(TOO_EARLY, t("判断には早い", "Too early to tell"), "early"),),
        order=(),
        explain=explain_too_early,
        pace=False,
        rank=90,
    ),
)
