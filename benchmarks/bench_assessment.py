"""Benchmark: a million annual series assessed by opensdg, eurostat and forecast.

Run: ``.venv/bin/python benchmarks/bench_assessment.py [--series N] [--sample K] [--seed S]``.

Generates N series of 10–20 annual points (reproducible from the seed; some years missing),
holds them in memory as one :class:`SeriesBatch`, and times each method into its verdict table
(statuses, scores, the numbers and the pace; sentences are rendered on demand, and a thousand
are rendered here to show their cost). Peak memory is the process's maximum resident set size.
Then it runs a per-series implementation in Open SDG's style (pandas, one series at a time,
written below as the reference baseline) on a sample, prints the speed-up of the vectorized
kernel, and checks that both give the same status for every series of the sample.

Targets on a 2-core machine: ≤ 1 s for opensdg and eurostat, ≤ 3 s for forecast, ≤ 2 GB
peak, ≥ 500× speed-up over the baseline. Not a test: it prints, it does not assert.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from ipkpi.assessment import SeriesBatch, assess


def generate(n: int, seed: int) -> SeriesBatch:
    """``n`` positive annual series of 10–20 points, ~5 % of inner years missing, 70 % targeted."""
    rng = np.random.default_rng(seed)
    span = rng.integers(10, 21, size=n)
    end = rng.integers(2016, 2025, size=n)
    total = int(span.sum())
    starts = np.concatenate(([0], np.cumsum(span)[:-1]))
    seg = np.repeat(np.arange(n), span)
    pos = np.arange(total) - starts[seg]
    years = (end - span + 1)[seg] + pos
    drift = rng.normal(0.01, 0.04, size=n)
    noise = rng.uniform(0.01, 0.1, size=n)
    steps = rng.normal(drift[seg], noise[seg])
    steps[starts] = 0.0
    walk = np.cumsum(steps)
    walk -= walk[starts][seg]
    values = np.exp(rng.normal(3.0, 1.5, size=n)[seg] + walk)
    inner = (pos > 0) & (pos < span[seg] - 1)
    keep = ~(inner & (rng.random(total) < 0.05))
    lengths = np.bincount(seg[keep], minlength=n)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    last_value = values[keep][offsets[1:] - 1]
    has_target = rng.random(n) < 0.7
    target = np.where(has_target, last_value * np.exp(rng.normal(0.2, 0.4, size=n)), np.nan)
    direction = np.where(rng.random(n) < 0.5, 1, -1).astype(np.int8)
    return SeriesBatch.build(
        years[keep].astype(np.float64),
        values[keep],
        offsets,
        direction=direction,
        target=target,
        target_year=np.where(has_target, 2030.0, np.nan),
    )


def opensdg_one_series(data: pd.DataFrame, config: dict[str, float | int | None]) -> str:
    """One series the way sdg-build's SeriesProgress does it: pandas lookups, scalar rules."""
    base_year = config.get("base_year") or 2015
    target = config.get("target")
    if target == 0:
        target = 0.001
    target_year = config.get("target_year") or 2030
    direction = 1 if config["direction"] == 1 else -1
    data = data[data["Value"].notna()]
    if data["Year"].duplicated().any():
        raise ValueError("duplicate years")
    if data.shape[0] < 1:
        return "not_available"
    current_year = data["Year"].max()
    current_value = data.Value[data.Year == current_year].item()
    if base_year not in data["Year"].values:
        later = data["Year"][data["Year"] > base_year]
        if later.empty:
            achieved = target is not None and (
                (direction == -1 and current_value <= target)
                or (direction == 1 and current_value >= target)
            )
            return "target_achieved" if achieved else "not_available"
        base_year = later.min()
    base_value = data.Value[data.Year == base_year].item()
    sign = -1 if base_value < 0 else 1
    achieved = target is not None and (
        (direction == -1 and current_value <= target)
        or (direction == 1 and current_value >= target)
    )
    if achieved:
        return "target_achieved"
    if base_value == 0:
        base_value = 0.001
    if (base_value > 0 > current_value) or (base_value < 0 < current_value):
        return "not_available"
    if current_year - base_year < 1:
        return "not_available"
    cagr_o = (current_value / base_value) ** (1 / (current_year - base_year)) - 1
    if target is None:
        progress = sign * direction * cagr_o
        high, med, low = 0.015, 0.005, 0.0
    else:
        cagr_r = (target / base_value) ** (1 / (target_year - base_year)) - 1
        progress = sign * direction * cagr_o / abs(cagr_r)
        high, med, low = 0.95, 0.6, 0.0
    if progress >= high:
        return "substantial_progress"
    if progress >= med:
        return "moderate_progress"
    if progress >= low:
        return "limited_progress"
    return "deterioration"


def baseline(batch: SeriesBatch, sample: np.ndarray) -> tuple[list[str], float]:
    start = time.perf_counter()
    statuses = []
    for i in sample:
        lo, hi = batch.offsets[i], batch.offsets[i + 1]
        frame = pd.DataFrame({"Year": batch.years[lo:hi].astype(int), "Value": batch.values[lo:hi]})
        target = None if np.isnan(batch.target[i]) else float(batch.target[i])
        config = {"direction": int(batch.direction[i]), "target": target, "target_year": 2030}
        statuses.append(opensdg_one_series(frame, config))
    return statuses, time.perf_counter() - start


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20250603)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    batch = generate(args.series, args.seed)
    batch.seg  # noqa: B018 — the per-point series index is part of holding the batch
    print(
        f"generated {batch.n:,} series, {batch.years.size:,} points "
        f"in {time.perf_counter() - t0:.2f} s; peak RSS so far {peak_mb():,.0f} MB"
    )

    timings = {}
    tables = {}
    for method in ("opensdg", "eurostat", "forecast", "unsd", "dns"):
        t = time.perf_counter()
        tables[method] = assess(batch, method)
        timings[method] = time.perf_counter() - t
        counts = pd.Series(tables[method].status_codes()).value_counts()
        summary = ", ".join(f"{k} {v:,}" for k, v in counts.items())
        print(f"{method:9s} {timings[method]:6.3f} s  peak RSS {peak_mb():,.0f} MB  [{summary}]")

    t = time.perf_counter()
    for i in range(1000):
        tables["opensdg"].verdict(i).explain()
    print(f"1,000 sentences rendered on demand in {time.perf_counter() - t:.3f} s")

    rng = np.random.default_rng(args.seed + 1)
    sample = np.sort(rng.choice(batch.n, size=min(args.sample, batch.n), replace=False))
    reference, elapsed = baseline(batch, sample)
    ours = tables["opensdg"].status_codes()[sample]
    mismatches = int(sum(a != b for a, b in zip(reference, ours, strict=True)))
    per_series_base = elapsed / len(sample)
    per_series_ours = timings["opensdg"] / batch.n
    print(
        f"baseline (pandas, one series at a time): {len(sample):,} series in {elapsed:.2f} s "
        f"= {per_series_base * 1e3:.3f} ms/series; vectorized {per_series_ours * 1e9:.0f} ns/series"
    )
    print(
        f"speed-up {per_series_base / per_series_ours:,.0f}x; "
        f"status mismatches on the sample: {mismatches}"
    )
    print(f"peak RSS {peak_mb():,.0f} MB")
    ok = (
        timings["opensdg"] <= 1
        and timings["eurostat"] <= 1
        and timings["forecast"] <= 3
        and peak_mb() <= 2048
        and per_series_base / per_series_ours >= 500
        and mismatches == 0
    )
    print("targets met" if ok else "TARGETS NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
