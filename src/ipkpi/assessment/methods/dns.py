"""Germany's Sustainable Development Strategy: the Destatis weather symbols (§5.2).

The trend is the mean of the last five annual changes, from the last six annual points; when
fewer are available, the last four or five *consecutive* annual points (fewer than four → no
symbol). Three rules, bullets read in the order the source lists them (first match wins):

* **Target value by a year** — project the mean change linearly to the target year:
  ``v* = v_t + mean·(T − t)``. The shortfall ``d·(target − v*)`` as a share of the gap
  ``|target − v_t|``: met or < 5 % → ☀ sun; 5–20 % (both ends inclusive) → 🌤 sun_cloud;
  > 20 % and the mean change in the right direction → ☁ cloud; otherwise (no change or the
  wrong direction) → ⚡ thunderstorm. A target year already reached counts as no years left.
* **Target to hold every year** (a target without a year), also used when a dated target is
  already met: met and the mean not pointing to a setback (``d·mean ≥ 0``) → sun; met but
  pointing to a setback → sun_cloud; not met and not moving away (``d·mean ≥ 0``) → cloud;
  not met and moving away → thunderstorm.
* **Direction only**: the mean change first, the last annual change second. Both right → sun;
  mean right, last wrong or nil → sun_cloud; mean wrong or nil, last right → cloud; neither →
  thunderstorm.

No score: the symbols are the method's output. ``progress`` is the shortfall share.
"""

from __future__ import annotations

import numpy as np

from ...text import t
from .._outcome import Outcome, classify, decimal
from ..batch import SeriesBatch
from ..explain import Pair, Words
from ..method import Method, Status
from ..table import VerdictTable
from ..verdict import Verdict
from ..vocabulary import NA

WINDOW_POINTS = 6
MIN_POINTS = 4
PROJECTION_THRESHOLDS = {"sun": 0.05, "sun_cloud": 0.20}
_STEP_TOLERANCE = 1e-9

STATUSES = (
    Status("sun", t("☀ 晴れ", "☀ Sun"), "good"),
    Status("sun_cloud", t("🌤 晴れ時々曇り", "🌤 Sun partly hidden by a cloud"), "fair"),
    Status("cloud", t("☁ 曇り", "☁ Cloud"), "poor"),
    Status("thunderstorm", t("⚡ 雷雨", "⚡ Thunderstorm"), "bad"),
    Status(NA, t("記号なし（データ不足）", "No symbol (not enough data)"), "neutral"),
)
"""Destatis' weather symbols (progress-methods.md §5.2)."""
CODES = tuple(s.code for s in STATUSES)


def assess_dns(batch: SeriesBatch) -> VerdictTable:
    """Assess every series of ``batch`` with the Destatis weather-symbol rules."""
    with np.errstate(all="ignore"):
        return _assess(batch)


def _assess(batch: SeriesBatch) -> VerdictTable:
    thresholds = {"projection": PROJECTION_THRESHOLDS, "hold": {}, "direction": {}}
    out = Outcome("dns", CODES, batch, ("projection", "hold", "direction"), thresholds, "change")
    d = batch.direction.astype(np.float64)
    last = batch.last
    start = batch.offsets[:-1]
    run = np.where(last >= 0, 1, 0)
    still = last >= 0
    for k in range(1, WINDOW_POINTS if batch.years.size else 1):
        prev = last - k
        inside = prev >= start
        safe = np.where(inside, prev, 0)
        step = batch.years[np.minimum(safe + 1, batch.years.size - 1)] - batch.years[safe]
        still = still & inside & (np.abs(step - 1.0) < _STEP_TOLERANCE)
        run += still
    first = np.where(last >= 0, last - (run - 1), -1)
    out.base_index = first
    cy, cv = batch.take(last, batch.years), batch.take(last, batch.values)
    fv = batch.take(first, batch.values)
    previous_value = batch.take(np.where(run >= 2, last - 1, -1), batch.values)
    mean = (cv - fv) / (run - 1)
    last_change = cv - previous_value

    out.fail(last < 0, "no_data")
    out.fail(batch.direction == 0, "no_direction")
    out.fail(run < MIN_POINTS, "too_few_consecutive")
    out.note(out.ok & (run < WINDOW_POINTS), "short_window")
    ok = out.ok
    out.observed_rate = np.where(ok, mean, np.nan)

    has_t = ~np.isnan(batch.target)
    tgt, ty = batch.target, batch.target_year
    met = d * (cv - tgt) >= 0
    hold = ok & has_t & (np.isnan(ty) | met)
    projection = ok & has_t & ~hold
    direction = ok & ~has_t
    out.use_rule(hold, "hold")
    out.use_rule(direction, "direction")
    out.note(hold, "hold_rule")

    years_left = np.maximum(ty - cy, 0.0)
    out.note(projection & (ty <= cy), "deadline_passed")
    hypothetical = cv + mean * years_left
    shortfall = decimal(d * (tgt - hypothetical) / np.abs(tgt - cv))
    right = d * mean > 0
    classify(
        out,
        projection,
        [
            (shortfall < PROJECTION_THRESHOLDS["sun"], "sun"),
            (shortfall <= PROJECTION_THRESHOLDS["sun_cloud"], "sun_cloud"),
            (right, "cloud"),
            (projection, "thunderstorm"),
        ],
    )
    out.progress = np.where(projection, shortfall, np.nan)
    out.extra["projected"] = np.where(projection, hypothetical, np.nan)
    with np.errstate(all="ignore"):
        needed = (tgt - cv) / (ty - cy)
    out.required_rate = np.where(projection & (ty > cy), needed, np.nan)

    steady = d * mean >= 0
    classify(
        out,
        hold,
        [
            (met & steady, "sun"),
            (met, "sun_cloud"),
            (steady, "cloud"),
            (hold, "thunderstorm"),
        ],
    )

    last_right = d * last_change > 0
    classify(
        out,
        direction,
        [
            (right & last_right, "sun"),
            (right, "sun_cloud"),
            (last_right, "cloud"),
            (direction, "thunderstorm"),
        ],
    )
    return out.table()


def explain_dns(v: Verdict, w: Words) -> Pair:
    """The mean change of the last years, and where it leads by the target year."""
    obs, cv, tg = w.rate(v.observed_rate), w.number(v.current_value), w.number(v.target)
    ty = w.target_year
    mean_ja = f"{w.base}～{w.current}の平均変化は{obs[0]}"
    mean_en = f"mean change {obs[1]} over {w.base}–{w.current}"
    if v.rule == "projection":
        projected = w.number(v.projected_value)
        if v.progress is not None and v.progress <= 0:
            return (
                f"{mean_ja}。このペースでは{ty}年に{projected[0]}となり目標{tg[0]}に届く。",
                f"At the {mean_en}, the value would be {projected[1]} in {ty}, meeting the "
                f"target of {tg[1]}.",
            )
        gap = "—" if v.progress is None else f"{v.progress * 100:.0f}%"
        return (
            f"{mean_ja}。このペースでは{ty}年に{projected[0]}（目標{tg[0]}、残りの差の{gap}に"
            "届かない）。",
            f"At the {mean_en}, the value would be {projected[1]} in {ty} against a target of "
            f"{tg[1]}: {gap} of the remaining gap would be missed.",
        )
    if v.rule == "hold":
        return (
            f"最新値{cv[0]}（{w.current}）、維持すべき目標{tg[0]}、{mean_ja}。",
            f"Latest value {cv[1]} ({w.current}) against a target of {tg[1]} to hold; {mean_en}.",
        )
    return f"{mean_ja}。", f"The {mean_en}."


METHODS = (
    Method(
        name="dns",
        label=t(
            "ドイツ持続可能性戦略（天気記号）",
            "German Sustainable Development Strategy (weather symbols)",
        ),
        statuses=STATUSES,
        order=(CODES[:-1],),
        explain=explain_dns,
        kernel=assess_dns,
        headline=True,
        rate_kind="change",
        rank=40,
        compared=40,
        progress=t(
            "目標年に見込まれる不足（残る必要な変化に対する割合）",
            "Projected shortfall in the target year (share of the change still needed)",
        ),
        progress_as_share=True,
    ),
)
