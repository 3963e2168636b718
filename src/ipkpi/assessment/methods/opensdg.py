"""Open SDG / Statistics Canada progress measure (progress-methods.md §4), vectorized.

Follows sdg-build's ``ProgressMeasure`` rule by rule:

* base year 2015 unless given; when it has no value, the first later year with data;
* ``target achieved`` (current at or beyond the target in the desired direction) is checked
  first and overrides every other outcome, with score 5;
* a target of 0 and a base value of 0 are computed as 0.001;
* base and current values of opposite sign, or less than a year between base and current
  (fewer than two years of data) → not available;
* with a target: ``p = s·d·CAGR_o / |CAGR_r|``, thresholds 0.95 / 0.6 / 0 (lower-inclusive);
* without: ``p = s·d·CAGR_o``, thresholds 1.5 % / 0.5 % / 0, the positive ones scaled by the
  natural-limit coefficient ``C`` (a = 4.44) when a limit is given; ``C = 0`` and ``p ≥ 0`` →
  on track, score 5;
* the score in [−5, 5] with sdg-build's coefficients (7.1429, 4.2857, 4.1667).

As in Open SDG, a series without a configured direction (0) is taken as lower-is-better
("the default is negative", §4), with the note ``direction_defaulted``. Unlike it, a target
equal to the base value does not divide by zero: the required growth is nil, so a value not at
the target has moved away from it — deterioration, score −5, no ratio.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ...text import t
from .._outcome import Mask, Outcome, classify, decimal, growth
from ..batch import F64, SeriesBatch
from ..explain import ratio_sentence
from ..method import Method, Status
from ..table import VerdictTable
from ..vocabulary import NA

TARGET_THRESHOLDS = {"high": 0.95, "med": 0.6, "low": 0.0}
TREND_THRESHOLDS = {"high": 0.015, "med": 0.005, "low": 0.0}
LIMIT_EXPONENT = 4.44
DEFAULT_BASE_YEAR = 2015.0
DEFAULT_TARGET_YEAR = 2030.0
ZERO_SUBSTITUTE = 0.001

STATUSES = (
    Status("target_achieved", t("目標達成", "Target achieved"), "good", met=True),
    Status("substantial_progress", t("順調（目標達成ペース）", "On track"), "good"),
    Status(
        "moderate_progress",
        t("進展あり（加速が必要）", "Progress made but acceleration needed"),
        "fair",
    ),
    Status("limited_progress", t("進展わずか", "Limited progress"), "poor"),
    Status("deterioration", t("悪化", "Deterioration"), "bad"),
    Status(NA, t("評価不能", "Not available"), "neutral"),
)
"""Open SDG's published words (progress-methods.md §4), best first."""
CODES = tuple(s.code for s in STATUSES)
ORDER = (CODES[:-1],)


def limit_coefficient(base: F64, limit: F64) -> F64:
    """Open SDG's natural-limit factor C from the (raw) base value and the limit; NaN: none."""
    b, lim = np.abs(base), np.abs(limit)
    with np.errstate(all="ignore"):
        inner = 1.0 - np.power(b / lim, LIMIT_EXPONENT)
        outer = 1.0 - np.power((2.0 * lim - b) / lim, LIMIT_EXPONENT)
    c = np.where(b >= 2.0 * lim, 1.0, np.where(b <= lim, inner, outer))
    return np.where(np.isnan(limit), np.nan, c)


def target_score(p: F64, med: float = TARGET_THRESHOLDS["med"]) -> F64:
    """sdg-build's score for a target ratio: −60 % → −5, 60 % → 0, 130 % → 5.

    The formula changes at the ``med`` threshold, the configured one when thresholds are
    overridden (sdg-build ``get_score``; 0.6 by default, as §4 writes it).
    """
    return np.where(
        p >= med,
        np.minimum(7.1429 * p - 4.2857, 5.0),
        np.maximum(4.1667 * p - 2.5, -5.0),
    )


def trend_score(p: F64, c: F64, high: F64, med: F64, low: F64) -> F64:
    """sdg-build's score for a growth rate without target, normalised by C."""
    with np.errstate(all="ignore"):
        return np.select(
            [p < low, c == 0, p >= high, p >= med],
            [
                np.maximum(125.0 * p - 2.5, -5.0),
                np.full_like(p, 5.0),
                np.minimum(500.0 * p / c - 5.0, 5.0),
                250.0 * p / c - 1.25,
            ],
            default=500.0 * p / c - 2.5,
        )


def bands(p: F64, high: F64 | float, med: F64 | float, low: F64 | float) -> list[tuple[Mask, str]]:
    """Open SDG's four bands, lower bounds inclusive (sdg-build ``get_progress_status``)."""
    return [
        (p >= high, "substantial_progress"),
        (p >= med, "moderate_progress"),
        (p >= low, "limited_progress"),
        (p < low, "deterioration"),
    ]


def assess_opensdg(
    batch: SeriesBatch,
    *,
    default_base_year: float = DEFAULT_BASE_YEAR,
    default_target_year: float = DEFAULT_TARGET_YEAR,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
) -> VerdictTable:
    """Assess every series of ``batch`` by the Open SDG rules; returns the verdict table."""
    with np.errstate(all="ignore"):
        return _assess(batch, default_base_year, default_target_year, thresholds)


def _assess(
    batch: SeriesBatch,
    default_base_year: float,
    default_target_year: float,
    thresholds: Mapping[str, Mapping[str, float]] | None,
) -> VerdictTable:
    th = {"target": dict(TARGET_THRESHOLDS), "no_target": dict(TREND_THRESHOLDS)}
    for rule, values in (thresholds or {}).items():
        th[rule].update(values)
    out = Outcome("opensdg", CODES, batch, ("target", "no_target"), th)
    unset = batch.direction == 0
    d = np.where(unset, -1.0, batch.direction.astype(np.float64))  # §4: default negative
    out.note(unset, "direction_defaulted")
    cur = out.current_index
    cy, cv = batch.take(cur, batch.years), batch.take(cur, batch.values)

    asked = np.where(np.isnan(batch.base_year), default_base_year, batch.base_year)
    base = batch.first_at_or_after(asked)
    out.base_index = base
    by, bv_raw = batch.take(base, batch.years), batch.take(base, batch.values)
    out.note((base >= 0) & (by != asked), "base_year_fallback")

    has_t = ~np.isnan(batch.target)
    tgt = np.where(batch.target == 0, ZERO_SUBSTITUTE, batch.target)
    out.note(batch.target == 0, "target_zero_replaced")
    ty = np.where(has_t & np.isnan(batch.target_year), default_target_year, batch.target_year)
    out.note(has_t & np.isnan(batch.target_year), "default_target_year")
    out.target, out.target_year = tgt, ty
    out.use_rule(~has_t, "no_target")

    achieved = has_t & (cur >= 0) & (((d > 0) & (cv >= tgt)) | ((d < 0) & (cv <= tgt)))

    out.fail(cur < 0, "no_data")
    out.fail(batch.lengths == 1, "single_observation")
    out.fail(base < 0, "base_after_current")
    out.fail(cy - by < 1, "too_short")
    bv = np.where(bv_raw == 0, ZERO_SUBSTITUTE, bv_raw)
    out.note(out.ok & (bv_raw == 0), "base_zero_replaced")
    out.fail(((bv > 0) & (cv < 0)) | ((bv < 0) & (cv > 0)), "sign_change")
    sign = np.where(bv_raw < 0, -1.0, 1.0)
    out.fail(has_t & (tgt / bv < 0), "target_sign")
    out.fail(has_t & (ty <= by), "target_year_not_after_base")
    out.note(has_t & (ty < cy), "deadline_passed")

    cagr_o = growth(cv, bv, cy, by)
    cagr_r = growth(tgt, bv, ty, by)
    ok = out.ok
    out.observed_rate = np.where(ok, cagr_o, np.nan)
    out.required_rate = np.where(ok & has_t, cagr_r, np.nan)

    # With a target.
    with_t = ok & has_t
    nil = with_t & (cagr_r == 0)
    out.note(nil, "target_equals_base")
    out.note(with_t & (d * (bv - tgt) > 0), "base_beyond_target")
    with np.errstate(all="ignore"):
        p_t = sign * d * cagr_o / np.abs(cagr_r)
    t = th["target"]
    ratio_ok = with_t & ~nil
    classify(out, ratio_ok, bands(decimal(p_t), t["high"], t["med"], t["low"]))
    out.set(nil, "deterioration")
    out.progress = np.where(ratio_ok, p_t, np.nan)
    out.score = np.where(ratio_ok, target_score(p_t, t["med"]), np.where(nil, -5.0, np.nan))

    # Without a target: growth against fixed rates, scaled near a natural limit.
    no_t = ok & ~has_t
    c = np.where(no_t, limit_coefficient(bv_raw, batch.limit), np.nan)
    out.note(has_t & ~np.isnan(batch.limit), "limit_ignored")
    beyond = ((d > 0) & (bv_raw > batch.limit)) | ((d < 0) & (bv_raw < batch.limit))
    out.note(no_t & beyond, "base_beyond_limit")
    out.extra["coefficient"] = c
    scale = np.where(np.isnan(c), 1.0, c)
    n = th["no_target"]
    high, med, low = n["high"] * scale, n["med"] * scale, n["low"] * scale
    p_n = sign * d * cagr_o
    classify(out, no_t, bands(decimal(p_n), high, med, low))
    out.progress = np.where(no_t, p_n, out.progress)
    out.score = np.where(no_t, trend_score(p_n, scale, high, med, low), out.score)

    out.set(achieved, "target_achieved")
    out.score = np.where(achieved, 5.0, out.score)
    out.reason[achieved] = 0
    return out.table()


METHODS = (
    Method(
        name="opensdg",
        label=t("Open SDG（カナダ統計局）法", "Open SDG (Statistics Canada) method"),
        statuses=STATUSES,
        order=ORDER,
        explain=ratio_sentence,
        kernel=assess_opensdg,
        headline=True,
        rank=10,
        compared=10,
    ),
)
