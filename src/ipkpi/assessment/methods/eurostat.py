"""Eurostat's EU-SDG assessment as copied by Statistics Canada's first CIF method (§1).

* Period: the short term, the last five years — base = latest year − 5, or the first later year
  with data (``period_years`` sets another span; a base year given per series wins).
* With a quantified target: ``R = CAGR_o / CAGR_r`` (no absolute value, no sign device; a
  falling target makes both rates negative). ``R ≥ 95 %`` substantial, ``60 % ≤ R < 95 %``
  moderate, ``0 ≤ R < 60 %`` negligible, ``R < 0`` deterioration (lower bounds inclusive).
  Target 0 → 0.001; no target year → 2030. A series that met the target in its base year and
  then declined is forced to deterioration (Statistics Canada rule 10).
* Without: the observed CAGR in the desired direction against ±1 %: ``> 1 %`` substantial,
  ``(0, 1 %]`` moderate progress, ``(−1 %, 0]`` moderate deterioration, ``≤ −1 %``
  significant deterioration (upper bounds inclusive — the reverse of the target table).
* Score (Eurostat's aggregation, §1): without target, linear with ±2 % → ±5; with target,
  piecewise linear through −60 % → −5, 60 % → 0 and 130 % → +5; both capped to [−5, 5].

CAGRs are of positive levels: a base ≤ 0 or a negative value → not available. A target equal
to the base value makes ``CAGR_r`` nil: the ratio is undefined, and the status follows the
sign of the change (no change or a change the desired way → substantial, else deterioration).
"""

from __future__ import annotations

import numpy as np

from ...text import t
from .._outcome import Mask, Outcome, classify, decimal, growth
from ..batch import F64, SeriesBatch
from ..explain import ratio_sentence
from ..method import Method, Status
from ..table import VerdictTable
from ..vocabulary import NA

TARGET_THRESHOLDS = {"high": 0.95, "med": 0.6, "low": 0.0}
TREND_THRESHOLDS = {"high": 0.01, "low": -0.01}
SHORT_TERM_YEARS = 5.0
DEFAULT_TARGET_YEAR = 2030.0
ZERO_SUBSTITUTE = 0.001

STATUSES = (
    Status(
        "substantial_progress",
        t("大きな進展", "Substantial progress (significant progress)"),
        "good",
    ),
    Status("moderate_progress", t("中程度の進展", "Moderate progress"), "fair"),
    Status(
        "negligible_progress",
        t("わずかな進展（不十分）", "Negligible progress (insufficient)"),
        "poor",
    ),
    Status("deterioration", t("後退（目標から遠ざかる）", "Deterioration (movement away)"), "bad"),
    Status("moderate_deterioration", t("やや悪化", "Moderate deterioration"), "poor"),
    Status("significant_deterioration", t("大きく悪化", "Significant deterioration"), "bad"),
    Status(NA, t("評価不能", "Not available"), "neutral"),
)
"""StatCan v1's words with Eurostat's in brackets (progress-methods.md §1)."""
CODES = tuple(s.code for s in STATUSES)
ORDER = (
    ("substantial_progress", "moderate_progress", "negligible_progress", "deterioration"),
    (
        "substantial_progress",
        "moderate_progress",
        "moderate_deterioration",
        "significant_deterioration",
    ),
)


def target_score(r: F64) -> F64:
    """Eurostat's target score: −60 % → −5, 0 → −2.5, 60 % → 0, 95 % → 2.5, 130 % → 5."""
    score = np.where(r >= 0.6, 5.0 * (r - 0.6) / 0.7, 5.0 * (r - 0.6) / 1.2)
    return np.clip(score, -5.0, 5.0)


def trend_score(x: F64) -> F64:
    """Eurostat's no-target score: linear, ±2 % a year → ±5."""
    return np.clip(x * 250.0, -5.0, 5.0)


def target_bands(r: F64) -> list[tuple[Mask, str]]:
    t = TARGET_THRESHOLDS
    return [
        (r >= t["high"], "substantial_progress"),
        (r >= t["med"], "moderate_progress"),
        (r >= t["low"], "negligible_progress"),
        (r < t["low"], "deterioration"),
    ]


def trend_bands(x: F64) -> list[tuple[Mask, str]]:
    t = TREND_THRESHOLDS
    return [
        (x > t["high"], "substantial_progress"),
        (x > 0, "moderate_progress"),
        (x > t["low"], "moderate_deterioration"),
        (x <= t["low"], "significant_deterioration"),
    ]


def assess_eurostat(
    batch: SeriesBatch,
    *,
    period_years: float = SHORT_TERM_YEARS,
    default_target_year: float = DEFAULT_TARGET_YEAR,
) -> VerdictTable:
    """Assess every series of ``batch`` by the Eurostat rules; returns the verdict table."""
    with np.errstate(all="ignore"):
        return _assess(batch, period_years, default_target_year)


def _assess(batch: SeriesBatch, period_years: float, default_target_year: float) -> VerdictTable:
    thresholds = {"target": TARGET_THRESHOLDS, "no_target": TREND_THRESHOLDS}
    out = Outcome("eurostat", CODES, batch, ("target", "no_target"), thresholds)
    d = batch.direction.astype(np.float64)
    cur = out.current_index
    cy, cv = batch.take(cur, batch.years), batch.take(cur, batch.values)

    given = ~np.isnan(batch.base_year)
    asked = np.where(given, batch.base_year, cy - period_years)
    base = batch.first_at_or_after(asked)
    out.base_index = base
    by, bv = batch.take(base, batch.years), batch.take(base, batch.values)
    out.note(given & (base >= 0) & (by != asked), "base_year_fallback")

    has_t = ~np.isnan(batch.target)
    tgt = np.where(batch.target == 0, ZERO_SUBSTITUTE, batch.target)
    out.note(batch.target == 0, "target_zero_replaced")
    ty = np.where(has_t & np.isnan(batch.target_year), default_target_year, batch.target_year)
    out.note(has_t & np.isnan(batch.target_year), "default_target_year")
    out.target, out.target_year = tgt, ty
    out.use_rule(~has_t, "no_target")

    out.fail(cur < 0, "no_data")
    out.fail(batch.direction == 0, "no_direction")
    out.fail(batch.lengths == 1, "single_observation")
    out.fail(base < 0, "base_after_current")
    out.fail(cy - by < 1, "too_short")
    out.fail(bv == 0, "zero_base")
    out.fail((bv < 0) | (cv < 0) | (has_t & (tgt < 0)), "non_positive")
    out.fail(has_t & (ty <= by), "target_year_not_after_base")
    out.note(has_t & (ty < cy), "deadline_passed")

    cagr_o = growth(cv, bv, cy, by)
    cagr_r = growth(tgt, bv, ty, by)
    ok = out.ok
    out.observed_rate = np.where(ok, cagr_o, np.nan)
    out.required_rate = np.where(ok & has_t, cagr_r, np.nan)

    with_t = ok & has_t
    nil = with_t & (cagr_r == 0)
    beyond = with_t & (d * (bv - tgt) > 0)
    forced = beyond & (d * (cv - bv) < 0)
    ratio = cagr_o / cagr_r
    ratio_ok = with_t & ~nil & ~forced
    classify(out, ratio_ok, target_bands(decimal(ratio)))
    out.note(nil, "target_equals_base")
    classify(out, nil, [(d * (cv - bv) >= 0, "substantial_progress"), (nil, "deterioration")])
    out.note(beyond, "base_beyond_target")
    out.note(forced, "forced_deterioration")
    out.set(forced, "deterioration")
    out.progress = np.where(ratio_ok | forced, ratio, np.nan)
    out.score = np.where(ratio_ok, target_score(ratio), np.nan)

    no_t = ok & ~has_t
    x = d * cagr_o
    classify(out, no_t, trend_bands(decimal(x)))
    out.progress = np.where(no_t, x, out.progress)
    out.score = np.where(no_t, trend_score(x), out.score)
    return out.table()


METHODS = (
    Method(
        name="eurostat",
        label=t("Eurostat法", "Eurostat method"),
        statuses=STATUSES,
        order=ORDER,
        explain=ratio_sentence,
        kernel=assess_eurostat,
        headline=True,
        rank=20,
        compared=20,
    ),
)
