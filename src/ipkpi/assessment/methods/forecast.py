"""Trend projection to the deadline, with a prediction interval and a probability (§5.5, §6).

Model: ordinary least squares on the last ``window`` (default 10) observations of a series,
time in years, in a space that respects the quantity's bounds (``lower``/``upper``, per series;
see :mod:`ipkpi.assessment.spaces`). A quantity bounded on both sides (a share, 0–100 %) is
fitted as ``logit y = a + b·t`` when its values and target lie strictly inside; a positive
quantity as ``ln y = a + b·t`` (a constant growth rate) when every value in the window and the
target are positive; anything else as ``y = a + b·t``. ``model="linear"`` asks for the pace in
units a year (ranks, percentage points, counts): an unbounded series is then fitted linearly,
a bounded one still in its space. The projection to the target year has a Student-t prediction
interval (default 90 %, ``n − 2`` degrees of freedom) computed in the fitted space and mapped
back, and the probability that the value in the target year meets the target under that
predictive distribution. Whatever still leaves a bound (a linear fit of a series that touches
it) is cut at the bound, with the note ``interval_cut_at_bound``.

Minimum evidence: a forecast or a trend needs ``MIN_POINTS`` (4) observations in its window;
fewer give no verdict (``too_few_points``): two or three points fix a line but not its spread,
and a decade's projection from them is a guess (the Cool Japan total's two surveys).

The observed rate is the fitted growth a year (log space, ``model="auto"``), else the fitted
line's change a year over the window, in the quantity's units.

Statuses with a target: ``target_met`` (the latest value already meets it); ``moving_away``
(fitted trend the wrong way); ``on_track`` (the projection meets the target: probability ≥ ½);
``off_track`` (improving, too slowly). A target year already past: ``target_met`` or ``missed``.
Without a target (or without a target year): ``improving`` / ``worsening`` when the slope's
interval excludes zero, else ``no_clear_trend``. The ``trend`` method reads the same fit
without a desired direction: ``rising`` / ``falling`` / ``no_clear_trend``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ...text import t
from .. import spaces
from .._outcome import Outcome, classify, growth
from ..batch import F64, SeriesBatch
from ..explain import Pair, Words
from ..method import Method, Status
from ..student_t import t_cdf, t_quantile
from ..table import VerdictTable
from ..verdict import Verdict
from ..vocabulary import NA

DEFAULT_WINDOW = 10
DEFAULT_LEVEL = 0.90
MIN_POINTS = 4
"""Observations a forecast or trend verdict needs in its window (docs/assessment.md)."""
_CHUNK = 1 << 17

FORECAST_STATUSES = (
    Status("target_met", t("目標達成済み", "Target already met"), "good", met=True),
    Status(
        "on_track", t("期限までに達成見込み", "On track to meet the target by the deadline"), "good"
    ),
    Status(
        "off_track", t("期限までの達成は困難（改善中）", "Off track (improving too slowly)"), "fair"
    ),
    Status("moving_away", t("目標から遠ざかっている", "Moving away from the target"), "bad"),
    Status("missed", t("期限までに未達成", "Deadline passed, target missed"), "bad"),
    Status("improving", t("改善傾向", "Improving"), "fair"),
    Status("worsening", t("悪化傾向", "Worsening"), "bad"),
    Status("no_clear_trend", t("明確な傾向なし", "No clear trend"), "neutral"),
    Status(NA, t("評価不能", "Not available"), "neutral"),
)
TREND_STATUSES = (
    Status("rising", t("増加傾向", "Rising"), "rising"),
    Status("falling", t("減少傾向", "Falling"), "falling"),
    Status("no_clear_trend", t("明確な傾向なし", "No clear trend"), "neutral"),
    Status(NA, t("評価不能", "Not available"), "neutral"),
)
_CODES = {
    "forecast": tuple(s.code for s in FORECAST_STATUSES),
    "trend": tuple(s.code for s in TREND_STATUSES),
}


@dataclass(frozen=True)
class Fit:
    """Per-series least-squares fit, time measured from the latest observation."""

    points: F64
    intercept: F64
    slope: F64
    x_mean: F64
    sxx: F64
    s2: F64
    log_model: np.ndarray
    """Rates are growth rates (log space, ``model="auto"``)."""
    space: NDArray[np.int8]
    observed: F64
    """The fitted rate: growth a year, or change a year over the window in units."""


def fit(
    batch: SeriesBatch, window: int, model: str, lower: F64 | None = None, upper: F64 | None = None
) -> Fit:
    """Fit every series on its last ``window`` points, in chunks of series (no loop per series)."""
    lower = spaces.per_series(lower, batch.n, "lower")
    upper = spaces.per_series(upper, batch.n, "upper")
    parts = [
        _fit_chunk(batch, lo, min(lo + _CHUNK, batch.n), window, model, lower, upper)
        for lo in range(0, batch.n, _CHUNK)
    ]
    if not parts:
        empty = np.zeros(0)
        none = np.zeros(0, dtype=bool)
        return Fit(empty, empty, empty, empty, empty, empty, none, none.astype(np.int8), empty)
    return Fit(*(np.concatenate([getattr(p, f) for p in parts]) for f in Fit.__dataclass_fields__))


def _spaces(
    v: F64, valid: np.ndarray, target: F64, lo: F64, hi: F64, model: str
) -> tuple[NDArray[np.int8], np.ndarray]:
    """Each series' fitting space, and whether its rates are growth rates."""
    two_sided = ~np.isnan(lo) & ~np.isnan(hi)
    with np.errstate(invalid="ignore"):
        inside = np.all(~valid | ((v > lo[:, None]) & (v < hi[:, None])), axis=1)
        target_inside = np.isnan(target) | ((target > lo) & (target < hi))
    logit = two_sided & inside & target_inside
    positive = np.all(v > 0, axis=1) & ~(target <= 0)
    bounded_below = ~np.isnan(lo) & (lo >= 0)
    log = ~two_sided & positive & ((model != "linear") | bounded_below)
    space = np.where(logit, spaces.LOGIT, np.where(log, spaces.LOG, spaces.LINEAR))
    return space.astype(np.int8), log & (model != "linear")


def _fit_chunk(
    batch: SeriesBatch, lo: int, hi: int, window: int, model: str, lower: F64, upper: F64
) -> Fit:
    last = batch.last[lo:hi]
    m = np.minimum(batch.lengths[lo:hi], window)
    back = np.arange(window)
    valid = back[None, :] < m[:, None]
    idx = np.where(valid, last[:, None] - back[None, :], 0)
    cy = batch.take(last, batch.years)
    if batch.years.size:
        x = np.where(valid, batch.years[idx] - cy[:, None], 0.0)
        v = np.where(valid, batch.values[idx], 1.0)
    else:
        x = v = np.zeros(valid.shape)
    target = batch.target[lo:hi]
    bl, bh = lower[lo:hi], upper[lo:hi]
    space, log_model = _spaces(v, valid, target, bl, bh, model)
    if np.any(space != spaces.LINEAR):
        y = np.where(valid, spaces.forward(v, space, bl, bh), 0.0)
    else:
        y = v * valid
    mf = np.maximum(m, 1).astype(np.float64)
    x_mean = x.sum(axis=1) / mf
    y_mean = y.sum(axis=1) / mf
    dx = (x - x_mean[:, None]) * valid
    dy = (y - y_mean[:, None]) * valid
    sxx = np.einsum("ij,ij->i", dx, dx)
    sxy = np.einsum("ij,ij->i", dx, dy)
    syy = np.einsum("ij,ij->i", dy, dy)
    slope = sxy / sxx
    intercept = y_mean - slope * x_mean
    s2 = np.maximum(syy - slope * sxy, 0.0) / (mf - 2)
    # The fitted line's change a year over the window, in the quantity's own units.
    x_first = x.min(axis=1)
    span = np.where(x_first < 0, -x_first, np.nan)
    at_first = spaces.back(intercept + slope * x_first, space, bl, bh)
    change = np.where(
        space == spaces.LINEAR, slope, (spaces.back(intercept, space, bl, bh) - at_first) / span
    )
    observed = np.where(log_model, np.expm1(slope), change)
    return Fit(m.astype(np.float64), intercept, slope, x_mean, sxx, s2, log_model, space, observed)


def assess_forecast(
    batch: SeriesBatch,
    *,
    window: int = DEFAULT_WINDOW,
    level: float = DEFAULT_LEVEL,
    model: str = "auto",
    lower: ArrayLike | None = None,
    upper: ArrayLike | None = None,
) -> VerdictTable:
    """Project every series of ``batch`` to its target year; see the module docstring."""
    with np.errstate(all="ignore"):
        return _assess(batch, window, level, model, "forecast", lower, upper)


def assess_trend(
    batch: SeriesBatch,
    *,
    window: int = DEFAULT_WINDOW,
    level: float = DEFAULT_LEVEL,
    model: str = "auto",
    lower: ArrayLike | None = None,
    upper: ArrayLike | None = None,
) -> VerdictTable:
    """The fitted trend only, no direction or target needed (monitored KPIs)."""
    with np.errstate(all="ignore"):
        return _assess(batch, window, level, model, "trend", lower, upper)


def _assess(
    batch: SeriesBatch,
    window: int,
    level: float,
    model: str,
    method: str,
    lower: ArrayLike | None,
    upper: ArrayLike | None,
) -> VerdictTable:
    if model not in ("auto", "linear"):
        raise ValueError(f"unknown forecast model {model!r}: use 'auto' or 'linear'")
    rules = ("target", "trend") if method == "forecast" else ("trend",)
    th = {"target": {"interval_level": level}, "trend": {"interval_level": level}}
    out = Outcome(method, _CODES[method], batch, rules, th, "growth")
    lo_b = spaces.per_series(lower, batch.n, "lower")
    hi_b = spaces.per_series(upper, batch.n, "upper")
    f = fit(batch, window, model, lo_b, hi_b)
    d = batch.direction.astype(np.float64)
    cur = out.current_index
    out.base_index = np.where(cur >= 0, cur - (f.points.astype(np.int64) - 1), -1)
    cy, cv = batch.take(cur, batch.years), batch.take(cur, batch.values)
    df = f.points - 2
    q = t_quantile((1 + level) / 2, np.maximum(df, 1).astype(np.int64))
    se_slope = np.sqrt(f.s2 / f.sxx)
    out.extra["log_model"] = f.log_model.astype(np.float64)
    out.extra["space"] = f.space.astype(np.float64)
    out.extra["interval_level"] = np.full(batch.n, level)

    out.fail(cur < 0, "no_data")
    if method == "forecast":
        out.fail(batch.direction == 0, "no_direction")
    out.fail(batch.lengths == 1, "single_observation")
    out.fail(f.points < MIN_POINTS, "too_few_points")
    ok = out.ok
    out.note(ok & (f.space == spaces.LOGIT), "logit_space")
    out.note(ok & (f.space == spaces.LOG) & ~f.log_model, "log_space")
    out.observed_rate = np.where(ok, f.observed, np.nan)

    sure = (df >= 1) & ((f.slope - q * se_slope > 0) | (f.slope + q * se_slope < 0))
    if method == "trend":
        classify(
            out,
            ok,
            [
                (sure & (f.slope > 0), "rising"),
                (sure & (f.slope < 0), "falling"),
                (ok, "no_clear_trend"),
            ],
        )
        return out.table()

    has_t = ~np.isnan(batch.target)
    tgt, ty = batch.target, batch.target_year
    dated = ok & has_t & ~np.isnan(ty)
    met = ok & has_t & (d * (cv - tgt) >= 0)
    ahead = dated & (ty > cy)
    out.use_rule(ok & ~dated, "trend")
    out.note(dated & (ty <= cy), "deadline_passed")

    g = spaces.forward(tgt, f.space, lo_b, hi_b)
    x_t = ty - cy
    centre = f.intercept + f.slope * x_t
    se = np.sqrt(f.s2 * (1 + 1 / f.points + (x_t - f.x_mean) ** 2 / f.sxx))
    projected, cut_p = spaces.cut(spaces.back(centre, f.space, lo_b, hi_b), lo_b, hi_b)
    low, cut_l = spaces.cut(spaces.back(centre - q * se, f.space, lo_b, hi_b), lo_b, hi_b)
    high, cut_h = spaces.cut(spaces.back(centre + q * se, f.space, lo_b, hi_b), lo_b, hi_b)
    p_ge = 1 - t_cdf((g - centre) / se, np.maximum(df, 1))
    # A perfect fit has no spread: the target is met or not, at equality both ways.
    probability = np.where(
        se > 0, np.where(d > 0, p_ge, 1 - p_ge), (d * (centre - g) >= 0).astype(np.float64)
    )
    has_interval = ahead & (df >= 1)
    out.note(ahead & (cut_p | (has_interval & (cut_l | cut_h))), "interval_cut_at_bound")
    projected, low, high = _cap(batch, d, projected, low, high, out, ahead)
    out.extra["projected"] = np.where(ahead, projected, np.nan)
    out.extra["interval_low"] = np.where(has_interval, low, np.nan)
    out.extra["interval_high"] = np.where(has_interval, high, np.nan)
    out.extra["probability"] = np.where(has_interval, probability, np.nan)
    out.progress = out.extra["probability"]
    with np.errstate(all="ignore"):
        needed = np.where(f.log_model, growth(tgt, cv, ty, cy), (tgt - cv) / (ty - cy))
    out.required_rate = np.where(ahead, needed, np.nan)

    classify(
        out,
        dated,
        [
            (met, "target_met"),
            (~ahead, "missed"),
            (d * f.slope < 0, "moving_away"),
            (d * (centre - g) >= 0, "on_track"),
            (dated, "off_track"),
        ],
    )
    undated = ok & ~dated
    classify(
        out,
        undated,
        [
            (met, "target_met"),
            (sure & (d * f.slope > 0), "improving"),
            (sure & (d * f.slope < 0), "worsening"),
            (undated, "no_clear_trend"),
        ],
    )
    return out.table()


def _cap(
    batch: SeriesBatch, d: F64, projected: F64, low: F64, high: F64, out: Outcome, scope: np.ndarray
) -> tuple[F64, F64, F64]:
    """Keep projections inside a natural limit (100 %, rank 1) on the desired side."""
    lim = batch.limit
    has = ~np.isnan(lim) & (d != 0)
    capped = [
        np.where(has & (d > 0), np.minimum(a, lim), np.where(has & (d < 0), np.maximum(a, lim), a))
        for a in (projected, low, high)
    ]
    out.note(scope & has & (capped[0] != projected), "clipped_to_limit")
    return capped[0], capped[1], capped[2]


def explain_forecast(v: Verdict, w: Words) -> Pair:
    """The fitted trend, its projection to the target year with its interval and probability."""
    obs, tg = w.rate(v.observed_rate), w.number(v.target)
    ty = w.target_year
    model = ("線形", "Linear")
    if v.rate_kind == "growth" or "log_space" in v.notes:
        model = ("対数線形", "Log-linear")
    elif "logit_space" in v.notes:
        model = ("ロジット線形", "Logit-linear")
    fitted_ja = f"{w.base}～{w.current}の{model[0]}トレンドは{obs[0]}"
    fitted_en = f"{model[1]} trend over {w.base}–{w.current}: {obs[1]}"
    if v.projected_value is None:
        return f"{fitted_ja}。", f"{fitted_en}."
    projected = w.number(v.projected_value)
    if v.interval_low is None or v.probability is None:
        return (
            f"{fitted_ja}。{ty}年の予測値は{projected[0]}（目標{tg[0]}）。",
            f"{fitted_en}; projected {projected[1]} in {ty} against a target of {tg[1]}.",
        )
    lo, hi = w.number(v.interval_low), w.number(v.interval_high)
    level = f"{(v.interval_level or 0) * 100:.0f}%"
    p = w.probability(v.probability)
    return (
        f"{fitted_ja}。{ty}年の予測値は{projected[0]}（{level}予測区間 {lo[0]}～{hi[0]}）、"
        f"目標{tg[0]}を達成する確率は{p[0]}。",
        f"{fitted_en}; projected {projected[1]} in {ty} ({level} interval {lo[1]} to {hi[1]}); "
        f"probability of meeting {tg[1]}: {p[1]}.",
    )


METHODS = (
    Method(
        name="forecast",
        label=t("トレンド予測", "Trend forecast"),
        statuses=FORECAST_STATUSES,
        order=(
            ("target_met", "on_track", "off_track", "moving_away"),
            ("target_met", "missed"),
            ("improving", "no_clear_trend", "worsening"),
        ),
        explain=explain_forecast,
        kernel=assess_forecast,
        rank=50,
        compared=60,
        progress=None,  # the probability of meeting the target, which has its own row
    ),
    Method(
        name="trend",
        label=t("トレンド（目標なし）", "Trend (no target)"),
        statuses=TREND_STATUSES,
        order=(("rising", "no_clear_trend", "falling"),),
        explain=explain_forecast,
        kernel=assess_trend,
        pace=False,
        rank=70,
    ),
)
