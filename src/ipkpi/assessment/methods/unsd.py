"""UNSD SDG Progress Chart method, as re-implemented by EUSTAT (progress-methods.md §5.1).

* ``CAGR_a = (v_t/v_b)^(1/(t−b)) − 1``; projected ``v_e = v_t·(1 + CAGR_a)^(T−t)``.
* With a target: ``r = (v_e − v_b)/(v_T − v_b)``; ``r ≥ 0.95`` target reached or on track (3),
  ``0.10 ≤ r < 0.95`` reasonable progress, acceleration needed (2), ``r < 0.10`` stagnation or
  regression (1). The level number is the score.
* Without: increase desired, ``CAGR ≥ 2 %`` → 3, ``0.5 % ≤ CAGR < 2 %`` → 2, ``< 0.5 %`` → 1;
  decrease desired, the mirror image (``≤ −2 %``, ``(−2 %, −0.5 %]``, ``> −0.5 %``).
* Exceptions: the latest value meets the target → achieved (score 3), whatever the trend; a
  latest value within 1 percentage point of a 0 % or 100 % target → achieved; base year 2015,
  or the first year after it that still leaves two values, else the nearest year before it;
  target year 2030 by default; a target year already past → the latest value up to the target
  year is the one assessed; at least two values.

Where the base already meets the target, ``v_T − v_b`` has the wrong sign and the published
ratio would read regression as progress: the ratio is taken as ``d·(v_e − v_b)/|v_T − v_b|``
(Open SDG's device, §4), identical to the published formula in every other case. A target
equal to the base value leaves the ratio undefined: not achieved means stagnation.
Growth rates are of positive levels: a negative base or latest value → not available. The
1-pp rule needs percentages: it applies where the batch says the values are percentages,
or, where that is unknown, to targets of exactly 0 or 100 (noted on the verdict).
"""

from __future__ import annotations

import numpy as np

from ...text import t
from .._outcome import Mask, Outcome, classify, decimal, growth
from ..batch import F64, SeriesBatch
from ..explain import Pair, Words, moved, trend_sentence
from ..method import Method, Status
from ..table import VerdictTable
from ..verdict import Verdict
from ..vocabulary import NA

TARGET_THRESHOLDS = {"on_track": 0.95, "acceleration_needed": 0.10}
TREND_THRESHOLDS = {"on_track": 0.02, "acceleration_needed": 0.005}
DEFAULT_BASE_YEAR = 2015.0
DEFAULT_TARGET_YEAR = 2030.0
STATUSES = (
    Status("target_achieved", t("目標達成", "Target achieved"), "good", met=True),
    Status("on_track", t("目標達成または順調", "Target reached or on track"), "good"),
    Status(
        "acceleration_needed",
        t("相応の進展（加速が必要）", "Reasonable progress, acceleration needed"),
        "fair",
    ),
    Status("stagnation_or_regression", t("停滞または後退", "Stagnation or regression"), "poor"),
    Status(NA, t("評価不能", "Not available"), "neutral"),
)
"""EUSTAT's reading of the UNSD Progress Chart words (progress-methods.md §5.1)."""
CODES = tuple(s.code for s in STATUSES)
LEVELS = {
    "target_achieved": 3.0,
    "on_track": 3.0,
    "acceleration_needed": 2.0,
    "stagnation_or_regression": 1.0,
}


def bands(x: F64, th: dict[str, float]) -> list[tuple[Mask, str]]:
    return [
        (x >= th["on_track"], "on_track"),
        (x >= th["acceleration_needed"], "acceleration_needed"),
        (x < th["acceleration_needed"], "stagnation_or_regression"),
    ]


def assess_unsd(
    batch: SeriesBatch,
    *,
    default_base_year: float = DEFAULT_BASE_YEAR,
    default_target_year: float = DEFAULT_TARGET_YEAR,
) -> VerdictTable:
    """Assess every series of ``batch`` by the UNSD progress-chart rules."""
    with np.errstate(all="ignore"):
        return _assess(batch, default_base_year, default_target_year)


def _assess(
    batch: SeriesBatch, default_base_year: float, default_target_year: float
) -> VerdictTable:
    thresholds = {"target": TARGET_THRESHOLDS, "no_target": TREND_THRESHOLDS}
    out = Outcome("unsd", CODES, batch, ("target", "no_target"), thresholds)
    d = batch.direction.astype(np.float64)
    has_t = ~np.isnan(batch.target)
    tgt = batch.target
    ty = np.where(has_t & np.isnan(batch.target_year), default_target_year, batch.target_year)
    out.note(has_t & np.isnan(batch.target_year), "default_target_year")
    out.target_year = ty
    out.use_rule(~has_t, "no_target")

    last = batch.last
    last_year = batch.take(last, batch.years)
    past = has_t & (last >= 0) & (ty < last_year)
    cur = np.where(past, batch.last_at_or_before(ty), last)
    out.current_index = cur
    out.note(past, "deadline_passed")
    cy, cv = batch.take(cur, batch.years), batch.take(cur, batch.values)

    asked = np.where(np.isnan(batch.base_year), default_base_year, batch.base_year)
    after = batch.first_at_or_after(asked)
    # Before the base year: the nearest point that still leaves two values, i.e. before the
    # current one (which may itself be the last point before the base year).
    nearest_before = batch.last_before(asked)
    before = np.minimum(nearest_before, cur - 1)
    before_ok = (nearest_before >= 0) & (cur >= 0) & (before >= batch.offsets[:-1])
    use_after = (after >= 0) & (after < cur)
    base = np.where(use_after, after, np.where(before_ok, before, -1))
    out.base_index = base
    by, bv = batch.take(base, batch.years), batch.take(base, batch.values)
    out.note(use_after & (by != asked), "base_year_fallback")
    out.note(~use_after & (base >= 0), "base_year_before")

    pct = (batch.percent == 1) | ((batch.percent == -1) & ((tgt == 0) | (tgt == 100)))
    meets = (d * (cv - tgt) >= 0) & (d != 0)
    near = has_t & pct & ((tgt == 0) | (tgt == 100)) & (np.abs(cv - tgt) <= 1.0) & ~meets
    achieved = has_t & (cur >= 0) & (meets | near)
    out.note(near, "within_1pp")
    out.note(near & (batch.percent == -1), "percent_assumed")

    out.fail(last < 0, "no_data")
    out.fail(batch.direction == 0, "no_direction")
    out.fail(batch.lengths == 1, "single_observation")
    out.fail(past & (cur < 0), "no_data_by_target_year")
    out.fail(past & (base < 0), "no_data_by_target_year")
    out.fail(base < 0, "too_short")
    out.fail(bv == 0, "zero_base")
    out.fail((bv < 0) | (cv < 0), "non_positive")

    cagr = growth(cv, bv, cy, by)
    ok = out.ok
    out.observed_rate = np.where(ok, cagr, np.nan)

    with_t = ok & has_t
    projected = cv * np.power(1.0 + cagr, ty - cy)
    span = np.abs(tgt - bv)
    nil = with_t & (span == 0)
    ratio = d * (projected - bv) / span
    out.note(with_t & (d * (bv - tgt) > 0), "base_beyond_target")
    out.note(nil, "target_equals_base")
    classify(out, with_t & ~nil, bands(decimal(ratio), TARGET_THRESHOLDS))
    out.set(nil, "stagnation_or_regression")
    out.progress = np.where(with_t & ~nil, ratio, np.nan)
    out.required_rate = np.where(with_t, growth(tgt, bv, ty, by), np.nan)
    out.extra["projected"] = np.where(with_t, projected, np.nan)

    no_t = ok & ~has_t
    x = d * cagr
    classify(out, no_t, bands(decimal(x), TREND_THRESHOLDS))
    out.progress = np.where(no_t, x, out.progress)

    out.set(achieved, "target_achieved")
    out.reason[achieved] = 0
    codes = np.asarray([LEVELS.get(s, np.nan) for s in CODES])
    out.score = np.where(out.ok | achieved, codes[out.status], np.nan)
    return out.table()


def explain_unsd(v: Verdict, w: Words) -> Pair:
    """The observed rate, carried on to the target year, against the target."""
    if v.rule == "no_target":
        return trend_sentence(v, w)
    m, tg, projected = moved(v, w), w.number(v.target), w.number(v.projected_value)
    ratio = "—" if v.progress is None else f"{v.progress:.2f}"
    ty = w.target_year
    return (
        f"{m[0]}。この率が続けば{ty}年に{projected[0]}（目標{tg[0]}、達成度{ratio}）。",
        f"Observed {m[1]}; at that rate {projected[1]} in {ty} against a target of "
        f"{tg[1]} (ratio {ratio}).",
    )


METHODS = (
    Method(
        name="unsd",
        label=t("国連統計部 進捗チャート法", "UNSD Progress Chart method"),
        statuses=STATUSES,
        order=(CODES[:-1],),
        explain=explain_unsd,
        kernel=assess_unsd,
        headline=True,
        rank=30,
        compared=30,
    ),
)
