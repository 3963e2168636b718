"""Benchmark: every method's kernel against a Polars yardstick, as ratios in one run.

Run: ``.venv/bin/python benchmarks/bench_yardstick.py [--series 1000000 3000000] [--repeat 5]``.

For each size it generates the series of ``bench_assessment.generate`` (10–20 annual points,
seeded) and, for each method, times ipkpi's kernel (``assess(batch, method)``: statuses,
scores, rates and the pace) and a Polars yardstick: the same per-series arithmetic written as
one lazy Polars query over a long (series, year, value) frame with group-by aggregations, run
on all cores — what a competent columnar implementation costs. It prints the min and median of
``--repeat`` runs of each, the ratio kernel / yardstick (min and median), and the cost per
series at each size, so that growth beyond linear shows as a rising ns/series.

The yardsticks compute the numbers each method's status rests on, not every note and edge
rule: Open SDG and the linear rule (base 2015 or the first later year, CAGR or change
observed and required, ratio, thresholds, score), Eurostat (base five years before the
latest), UNSD (the CAGR carried to the target year, the share of the way), DNS (mean change
over the last five years, the value it reaches), and the forecast (least squares on the last
ten points in log space where positive, the 90 % interval at the target year from a t table);
each adds the pace needed from the latest value and the recent pace. Not a test: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial

import numpy as np
import polars as pl

from bench_assessment import generate
from ipkpi.assessment import SeriesBatch, assess
from ipkpi.assessment.student_t import t_quantile

METHODS = ("opensdg", "eurostat", "unsd", "dns", "linear", "forecast")


def frames(batch: SeriesBatch) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The long frame of points and the frame of per-series settings."""
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


def yardstick(method: str, points: pl.DataFrame, settings: pl.DataFrame) -> pl.DataFrame:
    lazy = points.lazy().set_sorted("s")  # the batch holds series in order
    cfg = settings.lazy()
    if method in ("opensdg", "linear", "unsd"):
        ends = _ends(lazy, lambda cy: pl.lit(2015.0)).join(cfg, on="s")
    elif method in ("eurostat", "dns"):
        ends = _ends(lazy, lambda cy: cy - 5).join(cfg, on="s")
    else:
        return _forecast(lazy, cfg).collect()
    growth = method in ("opensdg", "eurostat", "unsd")
    frame = _ratio_status(growth)(ends)
    if method == "unsd":
        projected = pl.col("cv") * (1 + pl.col("observed")).pow(pl.col("ty") - pl.col("cy"))
        share = (pl.col("projected") - pl.col("bv")) / (pl.col("target") - pl.col("bv"))
        frame = frame.with_columns(projected.alias("projected")).with_columns(
            share.alias("progress")
        )
    if method == "dns":
        reached = pl.col("cv") + pl.col("observed") * (pl.col("ty") - pl.col("cy"))
        frame = frame.with_columns(reached.alias("projected"))
    return frame.collect()


def _forecast(points: pl.LazyFrame, cfg: pl.LazyFrame) -> pl.LazyFrame:
    window = points.group_by("s", maintain_order=True).tail(10)
    last = pl.col("year").max().over("s")
    positive = (pl.col("value") > 0).all().over("s")
    y = pl.when(positive).then(pl.col("value").log()).otherwise(pl.col("value"))
    sums = (
        window.with_columns((pl.col("year") - last).alias("x"), y.alias("y"), positive.alias("log"))
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
    xbar = sx / n
    sxx = pl.col("sxx") - sx * sx / n
    sxy = pl.col("sxy") - sx * sy / n
    syy = pl.col("syy") - sy * sy / n
    slope = sxy / sxx
    intercept = sy / n - slope * xbar
    s2 = (syy - pl.col("slope") * sxy).clip(0.0) / (n - 2)
    xt = pl.col("ty") - pl.col("cy")
    centre = pl.col("intercept") + pl.col("slope") * xt
    se = (pl.col("s2") * (1 + 1 / n + (xt - pl.col("xbar")).pow(2) / pl.col("Sxx"))).sqrt()

    def back(z: pl.Expr) -> pl.Expr:
        return pl.when(pl.col("log")).then(z.exp()).otherwise(z)

    goal = pl.when(pl.col("log")).then(pl.col("target").log()).otherwise(pl.col("target"))
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
        sums.join(cfg, on="s")
        .join(quantiles, on="n", how="left")
        .with_columns(
            xbar.alias("xbar"),
            sxx.alias("Sxx"),
            slope.alias("slope"),
            intercept.alias("intercept"),
        )
        .with_columns(s2.alias("s2"))
        .with_columns(centre.alias("centre"), se.alias("se"))
        .with_columns(
            back(pl.col("centre")).alias("projected"),
            back(pl.col("centre") - pl.col("q") * pl.col("se")).alias("low"),
            back(pl.col("centre") + pl.col("q") * pl.col("se")).alias("high"),
            status.alias("status"),
            *_pace(True),
        )
    )


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        out.append(time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, nargs="+", default=[1_000_000, 3_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20250603)
    parser.add_argument("--methods", nargs="+", default=list(METHODS))
    args = parser.parse_args(argv)
    print(f"polars {pl.__version__}, {pl.thread_pool_size()} threads; repeat {args.repeat}")
    print(
        f"{'series':>9s} {'method':9s} {'kernel min':>10s} {'median':>7s} "
        f"{'polars min':>10s} {'median':>7s} {'ratio min':>9s} {'median':>7s} {'ns/series':>9s}"
    )
    for n in args.series:
        batch = generate(n, args.seed)
        batch.seg  # noqa: B018
        points, settings = frames(batch)
        for method in args.methods:
            ours = timed(partial(assess, batch, method), args.repeat)
            theirs = timed(partial(yardstick, method, points, settings), args.repeat)
            mo, md = min(ours), statistics.median(ours)
            po, pd_ = min(theirs), statistics.median(theirs)
            print(
                f"{n:9,d} {method:9s} {mo:10.3f} {md:7.3f} {po:10.3f} {pd_:7.3f} "
                f"{mo / po:9.2f} {md / pd_:7.2f} {mo / n * 1e9:9.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
