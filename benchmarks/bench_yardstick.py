"""Benchmark: every registered method's kernel against a Polars yardstick, as ratios in one run.

Run: ``.venv/bin/python benchmarks/bench_yardstick.py [--series 1000000 3000000] [--repeat 3]
[--methods opensdg forecast[logit] …] [--json out.json]``.

The methods are those of the registry with a kernel (``ipkpi.assessment.registry.METHODS``),
so a new method is benchmarked as soon as it is registered; a kernel that takes bounds
(``lower``/``upper``: the forecast, the trend) is also run bounded, as ``name[logit]``, on the
same series mapped to shares (``100·v/(v + e³)``, target likewise) between 0 and 100 — the
logit space. Unbounded, the generated series are positive: the forecast fits them in log space.

For each size it generates the series of ``bench_assessment.generate`` (10–20 annual points,
seeded) and, for each method, times ipkpi's kernel (``assess(batch, method)``: statuses,
scores, rates and the pace) and the method's Polars yardstick (``yardstick_queries``),
alternating the two ``--repeat`` times so that a change of load on a shared machine hits both.
It prints, per method and size, the min and median of each, the ratio kernel / yardstick (min
and median), and the kernel's ns per series; then, per method, the growth from the smallest to
the largest size: (t_large / t_small) ÷ (large / small), 1.00 for linear cost, for the kernel,
the yardstick and the kernel's CPU time (single-threaded, so the figure that other people's
load on a shared machine disturbs least). The load average is printed before and after. A
method with no yardstick in ``yardstick_queries.YARDSTICKS`` is timed and said to have none.
Not a test: it prints, it does not assert.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bench_assessment import generate
from ipkpi.assessment import SeriesBatch, assess
from ipkpi.assessment.registry import METHODS, method_of
from yardstick_queries import YARDSTICKS, frames, yardstick

SHARE_SCALE = float(np.exp(3.0))
"""The value at which a series maps to a 50 % share (the generator's median level)."""


@dataclass(frozen=True)
class Case:
    """One benchmarked call: a registered method, plain or bounded (logit space)."""

    label: str
    method: str
    bounded: bool = False

    @property
    def options(self) -> dict[str, Any]:
        return {"lower": 0.0, "upper": 100.0} if self.bounded else {}


@dataclass
class Result:
    case: str
    series: int
    kernel: list[float] = field(default_factory=list)
    polars: list[float] = field(default_factory=list)
    kernel_cpu: list[float] = field(default_factory=list)
    """The kernel's CPU time (one thread): what load on a shared machine barely changes."""


def cases() -> list[Case]:
    """Every registered method with a kernel; bounded too where the kernel takes bounds."""
    found = [Case(m, m) for m in METHODS]
    for m in METHODS:
        kernel = method_of(m).kernel
        params = inspect.signature(kernel).parameters if kernel else {}
        if "lower" in params and "upper" in params:
            found.append(Case(f"{m}[logit]", m, bounded=True))
    return found


def as_shares(batch: SeriesBatch) -> SeriesBatch:
    """The same series as shares strictly between 0 and 100 %, targets likewise."""
    with np.errstate(all="ignore"):
        values = 100.0 * batch.values / (batch.values + SHARE_SCALE)
        target = 100.0 * batch.target / (batch.target + SHARE_SCALE)
    return replace(batch, values=values, target=target)


def timed(run: Callable[[], object]) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def timed_cpu(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``run``: this thread's CPU only (the kernel runs in it; Polars'
    pool threads, still spinning after a yardstick, would count in the process's)."""
    c, t = time.thread_time(), time.perf_counter()
    run()
    return time.perf_counter() - t, time.thread_time() - c


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _fmt(xs: list[float]) -> str:
    return f"{min(xs):.3f} ({statistics.median(xs):.3f})" if xs else "—"


def _ratio(r: Result) -> tuple[float, float] | None:
    if not r.polars:
        return None
    return (
        min(r.kernel) / min(r.polars),
        statistics.median(r.kernel) / statistics.median(r.polars),
    )


def _growth(small: Result, large: Result, which: str) -> tuple[float, float] | None:
    a, b = getattr(small, which), getattr(large, which)
    if not a or not b:
        return None
    k = large.series / small.series
    return min(b) / min(a) / k, statistics.median(b) / statistics.median(a) / k


def _pair(x: tuple[float, float] | None) -> str:
    return "—" if x is None else f"{x[0]:.2f} ({x[1]:.2f})"


def run_size(
    n: int, todo: list[Case], args: argparse.Namespace, progress: Progress, task: Any
) -> list[Result]:
    batch = generate(n, args.seed)
    batch.seg  # noqa: B018
    data: dict[bool, tuple[SeriesBatch, pl.DataFrame, pl.DataFrame]] = {}
    results = []
    for case in sorted(todo, key=lambda c: c.bounded):  # plain first: one variant in memory
        if case.bounded not in data:
            data.clear()
            b = as_shares(batch) if case.bounded else batch
            points, settings = frames(b, 0.0, 100.0) if case.bounded else frames(b)
            data[case.bounded] = (b, points, settings)
        b, points, settings = data[case.bounded]
        result = Result(case.label, n)
        kernel = partial(assess, b, case.method, **case.options)
        space = "logit" if case.bounded else "auto"
        query = partial(yardstick, case.method, points, settings, space)
        for _ in range(args.repeat):
            progress.update(task, description=f"{n:,} {case.label}")
            wall, cpu = timed_cpu(kernel)
            result.kernel.append(wall)
            result.kernel_cpu.append(cpu)
            if case.method in YARDSTICKS:
                result.polars.append(timed(query))
            progress.advance(task)
        ratio = _ratio(result)
        progress.console.print(
            f"{n:>9,d} {case.label:16s} kernel {_fmt(result.kernel)} s  "
            f"polars {_fmt(result.polars)} s  ratio {_pair(ratio)}  "
            f"{min(result.kernel) / n * 1e9:5.0f} ns/series "
            f"(CPU {min(result.kernel_cpu) / n * 1e9:.0f})"
            + ("" if case.method in YARDSTICKS else "  (no yardstick: add one to YARDSTICKS)")
        )
        results.append(result)
    return results


def summary(results: list[Result], todo: list[Case], sizes: list[int]) -> Table:
    by = {(r.case, r.series): r for r in results}
    small, large = min(sizes), max(sizes)
    table = Table(title="ratio kernel / Polars yardstick: min (median) over repeats")
    table.add_column("method")
    for n in sizes:
        table.add_column(f"{n:,} ratio", justify="right")
        table.add_column(f"{n:,} ns/series", justify="right")
    table.add_column(f"growth {small:,}→{large:,} kernel", justify="right")
    table.add_column("yardstick", justify="right")
    table.add_column("kernel CPU", justify="right")
    for case in todo:
        row = [case.label]
        for n in sizes:
            r = by[(case.label, n)]
            row += [_pair(_ratio(r)), f"{min(r.kernel) / n * 1e9:.0f}"]
        a, b = by[(case.label, small)], by[(case.label, large)]
        row += [_pair(_growth(a, b, "kernel")), _pair(_growth(a, b, "polars"))]
        row.append(_pair(_growth(a, b, "kernel_cpu")))
        table.add_row(*row)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, nargs="+", default=[1_000_000, 3_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20250603)
    every = cases()
    parser.add_argument(
        "--methods", nargs="+", default=[c.label for c in every], choices=[c.label for c in every]
    )
    parser.add_argument("--json", help="write every timing to this file")
    args = parser.parse_args(argv)
    todo = [c for c in every if c.label in args.methods]
    # Plain text (no markup: "[logit]" is a label), wide enough for the table in a log file.
    console = Console(markup=False, highlight=False, width=None if sys.stdout.isatty() else 160)
    before = load()
    console.print(
        f"polars {pl.__version__}, {pl.thread_pool_size()} threads; numpy {np.__version__}; "
        f"repeat {args.repeat}; load average before {before}"
    )
    results: list[Result] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("", total=len(args.series) * len(todo) * args.repeat)
        for n in args.series:
            results += run_size(n, todo, args, progress, task)
    after = load()
    console.print(summary(results, todo, args.series))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    console.print(f"load average before {before}, after {after}; peak RSS {peak:.2f} GiB")
    if args.json:
        with Path(args.json).open("w", encoding="utf-8") as out:
            json.dump(
                {
                    "load_before": before,
                    "load_after": after,
                    "repeat": args.repeat,
                    "results": [r.__dict__ for r in results],
                },
                out,
                indent=1,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
