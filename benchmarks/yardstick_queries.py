"""The Polars yardsticks of ``bench_yardstick.py``: each method's arithmetic as one lazy query.

Each yardstick computes the numbers a method's status rests on, not every note and edge rule,
over a long (series, year, value) frame with group-by aggregations, on all cores — what a
competent columnar implementation costs: Open SDG and the linear rule (base 2015 or the first
later year, CAGR or change observed and required, ratio, thresholds, score), Eurostat (base
five years before the latest), UNSD (the CAGR carried to the target year, the share of the
way), DNS (mean change over the last five years, the value it reaches), the forecast (least
squares on the last ten points in its space — log where positive, logit between given bounds
— the 90 % interval at the target year from a t table, back in the quantity's terms) and the
trend (the same fit's slope and its interval). Each method with a target adds the pace needed
from the latest value and the recent pace.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl

from ipkpi.assessment import SeriesBatch
from ipkpi.assessment.student_t import t_quantile

Space = str
"""``auto`` (log where every value and the target are positive) or ``logit`` (between the
series' ``lo`` and ``hi``)."""


def frames(
    batch: SeriesBatch, lower: float | None = None, upper: float | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The long frame of points and the frame of per-series settings (bounds when given)."""
    points = pl.DataFrame(
        {
            "s": batch.seg.astype(np.int64),
            "year": batch.years,
            "value": batch.values,
        }
    )
    settings = pl.DataFrame(
        {
            "s": np.arange(batch.n, dtype=np.int64),
            "d": batch.direction.astype(np.float64),
            "target": batch.target,
            "ty": np.where(np.isnan(batch.target_year), 2030.0, batch.target_year),
            "lo": np.full(batch.n, np.nan if lower is None else lower),
            "hi": np.full(batch.n, np.nan if upper is None else upper),
        }
    )
    return points, settings


def _ends(points: pl.LazyFrame, base_from: Callable[[pl.Expr], pl.Expr]) -> pl.LazyFrame:
    """Per series: the latest point, the first at or after ``base_from(latest year)``, and the
    first at or after five years before the latest (the recent pace's start).

    Fast-path aggregations only (first/last ignoring nulls over masked columns): the points are
    sorted by series and year, as the batch holds them.
    """
    year, value = pl.col("year"), pl.col("value")
    cy = year.max().over("s")
    in_base = year >= base_from(cy)
    in_recent = year >= cy - 5
    return (
        points.with_columns(
            pl.when(in_base).then(year).alias("by"),
            pl.when(in_base).then(value).alias("bv"),
            pl.when(in_recent).then(year).alias("ry"),
            pl.when(in_recent).then(value).alias("rv"),
        )
        .group_by("s")
        .agg(
            year.last().alias("cy"),
            value.last().alias("cv"),
            *(pl.col(c).first(ignore_nulls=True) for c in ("by", "bv", "ry", "rv")),
        )
    )


def _pace(growth: bool) -> list[pl.Expr]:
    t, cv, cy, ty = pl.col("target"), pl.col("cv"), pl.col("cy"), pl.col("ty")
    rv, ry = pl.col("rv"), pl.col("ry")
    if growth:
        needed = (t / cv).pow(1 / (ty - cy)) - 1
        recent = (cv / rv).pow(1 / (cy - ry)) - 1
    else:
        needed = (t - cv) / (ty - cy)
        recent = (cv - rv) / (cy - ry)
    return [needed.alias("pace_needed"), recent.alias("pace_recent")]


def _ratio_status(growth: bool) -> Callable[[pl.LazyFrame], pl.LazyFrame]:
    def run(frame: pl.LazyFrame) -> pl.LazyFrame:
        bv, cv, by, cy = pl.col("bv"), pl.col("cv"), pl.col("by"), pl.col("cy")
        t, ty, d = pl.col("target"), pl.col("ty"), pl.col("d")
        if growth:
            observed = (cv / bv).pow(1 / (cy - by)) - 1
            required = (t / bv).pow(1 / (ty - by)) - 1
        else:
            observed = (cv - bv) / (cy - by)
            required = (t - bv) / (ty - by)
        ratio = d * pl.col("observed") / pl.col("required").abs()
        met = d * (cv - t) >= 0
        status = (
            pl.when(met)
            .then(pl.lit("target_achieved"))
            .when(pl.col("ratio") >= 0.95)
            .then(pl.lit("substantial_progress"))
            .when(pl.col("ratio") >= 0.6)
            .then(pl.lit("moderate_progress"))
            .when(pl.col("ratio") >= 0)
            .then(pl.lit("limited_progress"))
            .otherwise(pl.lit("deterioration"))
        )
        score = pl.when(met).then(5.0).otherwise(pl.col("ratio").clip(-1.0, 1.0) * 5.0)
        return (
            frame.with_columns(observed.alias("observed"), required.alias("required"))
            .with_columns(ratio.alias("ratio"))
            .with_columns(status.alias("status"), score.alias("score"), *_pace(growth))
        )

    return run


def _ratio(base_from: Callable[[pl.Expr], pl.Expr], growth: bool, extra: str = "") -> Query:
    def run(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
        frame = _ratio_status(growth)(_ends(points, base_from).join(cfg, on="s"))
        if extra == "unsd":
            projected = pl.col("cv") * (1 + pl.col("observed")).pow(pl.col("ty") - pl.col("cy"))
            share = (pl.col("projected") - pl.col("bv")) / (pl.col("target") - pl.col("bv"))
            frame = frame.with_columns(projected.alias("projected")).with_columns(
                share.alias("progress")
            )
        if extra == "dns":
            reached = pl.col("cv") + pl.col("observed") * (pl.col("ty") - pl.col("cy"))
            frame = frame.with_columns(reached.alias("projected"))
        return frame

    return run


Query = Callable[[pl.LazyFrame, pl.LazyFrame, Space], pl.LazyFrame]


def _since_2015(cy: pl.Expr) -> pl.Expr:
    return pl.lit(2015.0)


def _last_five(cy: pl.Expr) -> pl.Expr:
    return cy - 5


def _forecast_query(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
    return _forecast(points, cfg, space)


def _trend_query(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
    return _trend(points, cfg, space)


YARDSTICKS: dict[str, Query] = {
    "opensdg": _ratio(_since_2015, growth=True),
    "linear": _ratio(_since_2015, growth=False),
    "unsd": _ratio(_since_2015, growth=True, extra="unsd"),
    "eurostat": _ratio(_last_five, growth=True),
    "dns": _ratio(_last_five, growth=False, extra="dns"),
    "forecast": _forecast_query,
    "trend": _trend_query,
}
"""Each method's yardstick, by the method's registry name (a new method adds its own)."""


def yardstick(
    method: str, points: pl.DataFrame, settings: pl.DataFrame, space: Space = "auto"
) -> pl.DataFrame:
    """Run method ``method``'s yardstick over the frames of :func:`frames`."""
    lazy = points.lazy().set_sorted("s")  # the batch holds series in order
    return YARDSTICKS[method](lazy, settings.lazy(), space).collect()


def _to_space(space: Space, y: pl.Expr) -> pl.Expr:
    lo, hi = pl.col("lo"), pl.col("hi")
    if space == "logit":
        return ((y - lo) / (hi - y)).log()
    return pl.when(pl.col("log")).then(y.log()).otherwise(y)


def _from_space(space: Space, z: pl.Expr) -> pl.Expr:
    lo, hi = pl.col("lo"), pl.col("hi")
    if space == "logit":
        return lo + (hi - lo) / (1 + (-z).exp())
    return pl.when(pl.col("log")).then(z.exp()).otherwise(z)


def _fit(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
    """Least squares on each series' last ten points in its space: slope, intercept, spread."""
    window = points.group_by("s", maintain_order=True).tail(10)
    if space == "logit":  # the bounds, per point, only where the transform needs them
        window = window.join(cfg.select("s", "lo", "hi"), on="s")
    last = pl.col("year").max().over("s")
    positive = (pl.col("value") > 0).all().over("s")
    sums = (
        window.with_columns((pl.col("year") - last).alias("x"), positive.alias("log"))
        .with_columns(_to_space(space, pl.col("value")).alias("y"))
        .group_by("s")
        .agg(
            pl.len().cast(pl.Float64).alias("n"),
            pl.col("x").sum().alias("sx"),
            pl.col("y").sum().alias("sy"),
            (pl.col("x") * pl.col("x")).sum().alias("sxx"),
            (pl.col("x") * pl.col("y")).sum().alias("sxy"),
            (pl.col("y") * pl.col("y")).sum().alias("syy"),
            pl.col("log").first(),
            pl.col("year").last().alias("cy"),
            pl.col("value").last().alias("cv"),
            pl.col("year").first().alias("ry"),
            pl.col("value").first().alias("rv"),
        )
    )
    quantiles = pl.LazyFrame(
        {
            "n": np.arange(3, 11, dtype=np.float64),
            "q": t_quantile(0.95, np.arange(1, 9)),
        }
    )
    n, sx, sy = pl.col("n"), pl.col("sx"), pl.col("sy")
    sxy = pl.col("sxy") - sx * sy / n
    syy = pl.col("syy") - sy * sy / n
    slope = sxy / pl.col("Sxx")
    s2 = (syy - pl.col("slope") * sxy).clip(0.0) / (n - 2)
    return (
        sums.join(cfg, on="s")
        .join(quantiles, on="n", how="left")
        .with_columns((sx / n).alias("xbar"), (pl.col("sxx") - sx * sx / n).alias("Sxx"))
        .with_columns(slope.alias("slope"))
        .with_columns((sy / n - pl.col("slope") * pl.col("xbar")).alias("intercept"))
        .with_columns(s2.alias("s2"))
    )


def _forecast(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
    """The fit projected to the target year, its interval, back in the quantity's terms."""
    n = pl.col("n")
    xt = pl.col("ty") - pl.col("cy")
    centre = pl.col("intercept") + pl.col("slope") * xt
    se = (pl.col("s2") * (1 + 1 / n + (xt - pl.col("xbar")).pow(2) / pl.col("Sxx"))).sqrt()
    goal = _to_space(space, pl.col("target"))
    d = pl.col("d")
    status = (
        pl.when(d * (pl.col("cv") - pl.col("target")) >= 0)
        .then(pl.lit("target_met"))
        .when(d * pl.col("slope") < 0)
        .then(pl.lit("moving_away"))
        .when(d * (pl.col("centre") - goal) >= 0)
        .then(pl.lit("on_track"))
        .otherwise(pl.lit("off_track"))
    )
    return (
        _fit(points, cfg, space)
        .with_columns(centre.alias("centre"), se.alias("se"))
        .with_columns(
            _from_space(space, pl.col("centre")).alias("projected"),
            _from_space(space, pl.col("centre") - pl.col("q") * pl.col("se")).alias("low"),
            _from_space(space, pl.col("centre") + pl.col("q") * pl.col("se")).alias("high"),
            status.alias("status"),
            *_pace(True),
        )
    )


def _trend(points: pl.LazyFrame, cfg: pl.LazyFrame, space: Space) -> pl.LazyFrame:
    """The fit's slope and whether its interval excludes zero: rising, falling or neither."""
    margin = pl.col("q") * (pl.col("s2") / pl.col("Sxx")).sqrt()
    slope = pl.col("slope")
    status = (
        pl.when(slope - margin > 0)
        .then(pl.lit("rising"))
        .when(slope + margin < 0)
        .then(pl.lit("falling"))
        .otherwise(pl.lit("no_clear_trend"))
    )
    observed = pl.when(pl.col("log")).then(slope.exp() - 1).otherwise(slope)
    return _fit(points, cfg, space).with_columns(status.alias("status"), observed.alias("observed"))
