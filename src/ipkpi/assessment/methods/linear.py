"""A linear gap rule for ordinals and cumulative counts (ranks, hubs selected, firms reached).

None of the published methods covers ranks (progress-methods.md §6): a compound growth rate on
an ordinal is meaningless, and a count that starts at zero has none. The rule here is Open
SDG's ratio rule (§4) with linear rates in place of compound ones:

* observed ``r_o = (y_t − y_b)/(t − b)``; required ``r_r = (y_T − y_b)/(T − b)``;
* ``p = d·r_o / |r_r|``; thresholds 0.95 / 0.6 / 0, lower bounds inclusive, and the Open SDG
  vocabulary and target score (so a rank verdict reads like the others);
* target achieved (``y_t ≤ N`` for a rank) overrides, score 5; a target equal to the base
  value → deterioration, score −5 (the value is on the wrong side of an unmoving target);
* base year 2015 by default, else the first later year with data; at least a year between the
  base and the latest value. A quantified target is required. ``limit`` (rank 1) is the
  best value possible: a target beyond it is an input error left to the caller.
"""

from __future__ import annotations

import numpy as np

from ...text import t
from .._outcome import Outcome, classify, decimal
from ..batch import SeriesBatch
from ..explain import ratio_sentence
from ..method import Method
from ..table import VerdictTable
from .opensdg import (
    CODES,
    DEFAULT_BASE_YEAR,
    DEFAULT_TARGET_YEAR,
    ORDER,
    STATUSES,
    TARGET_THRESHOLDS,
    bands,
    target_score,
)


def assess_linear(
    batch: SeriesBatch,
    *,
    default_base_year: float = DEFAULT_BASE_YEAR,
    default_target_year: float = DEFAULT_TARGET_YEAR,
) -> VerdictTable:
    """Assess every series of ``batch`` by the linear gap rule."""
    with np.errstate(all="ignore"):
        return _assess(batch, default_base_year, default_target_year)


def _assess(
    batch: SeriesBatch, default_base_year: float, default_target_year: float
) -> VerdictTable:
    out = Outcome("linear", CODES, batch, ("target",), {"target": TARGET_THRESHOLDS}, "change")
    d = batch.direction.astype(np.float64)
    cur = out.current_index
    cy, cv = batch.take(cur, batch.years), batch.take(cur, batch.values)
    asked = np.where(np.isnan(batch.base_year), default_base_year, batch.base_year)
    base = batch.first_at_or_after(asked)
    out.base_index = base
    by, bv = batch.take(base, batch.years), batch.take(base, batch.values)
    out.note((base >= 0) & (by != asked), "base_year_fallback")

    has_t = ~np.isnan(batch.target)
    tgt = batch.target
    ty = np.where(has_t & np.isnan(batch.target_year), default_target_year, batch.target_year)
    out.note(has_t & np.isnan(batch.target_year), "default_target_year")
    out.target_year = ty
    achieved = has_t & (cur >= 0) & (d != 0) & (d * (cv - tgt) >= 0)

    out.fail(cur < 0, "no_data")
    out.fail(batch.direction == 0, "no_direction")
    out.fail(~has_t, "needs_target")
    out.fail(batch.lengths == 1, "single_observation")
    out.fail(base < 0, "base_after_current")
    out.fail(cy - by < 1, "too_short")
    out.fail(ty <= by, "target_year_not_after_base")
    out.note(has_t & (ty < cy), "deadline_passed")

    observed = (cv - bv) / (cy - by)
    required = (tgt - bv) / (ty - by)
    ok = out.ok
    out.observed_rate = np.where(ok, observed, np.nan)
    out.required_rate = np.where(ok, required, np.nan)
    nil = ok & (required == 0)
    out.note(nil, "target_equals_base")
    out.note(ok & (d * (bv - tgt) > 0), "base_beyond_target")
    p = d * observed / np.abs(required)
    t = TARGET_THRESHOLDS
    classify(out, ok & ~nil, bands(decimal(p), t["high"], t["med"], t["low"]))
    out.set(nil, "deterioration")
    out.progress = np.where(ok & ~nil, p, np.nan)
    out.score = np.where(ok & ~nil, target_score(p), np.where(nil, -5.0, np.nan))

    out.set(achieved, "target_achieved")
    out.score = np.where(achieved, 5.0, out.score)
    out.reason[achieved] = 0
    return out.table()


METHODS = (
    Method(
        name="linear",
        label=t("線形ギャップ法", "Linear gap rule"),
        statuses=STATUSES,
        order=ORDER,
        explain=ratio_sentence,
        kernel=assess_linear,
        rate_kind="change",
        rank=60,
        compared=50,
    ),
)
