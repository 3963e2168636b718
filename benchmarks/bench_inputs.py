"""The static build's inputs on a generated plan: plan loading per KPI, and every KPI's
headline verdict (what the lists need) assessed afresh vs from the verdict cache after one
observation changed. Several sizes in one run, each timed ``--repeat`` times (min, median).

    .venv/bin/python benchmarks/bench_inputs.py --kpis 1000 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generated_plan
from ipkpi.followup import FollowUp
from ipkpi.followup.verdict_cache import VerdictCache
from ipkpi.plan.loader import load_plan


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def one_size(workdir: Path, kpis: int, repeat: int) -> None:
    folder = workdir / f"plan-{kpis}"
    generated_plan.write_plan(folder, kpis)
    load = timed(lambda: load_plan(folder), repeat)
    plan = load_plan(folder)
    listed = [(s.id, s.unit) for _, s in plan.all_series()]
    source = generated_plan.observations(listed)
    bumped = generated_plan.observations(listed, bump=listed[0][0])
    fresh = timed(lambda: FollowUp(plan, bumped).kpis(), repeat)
    cache = VerdictCache()
    first = FollowUp(plan, source)
    first.use_cache(cache)
    first.kpis()

    def cached() -> None:
        again = FollowUp(plan, bumped)
        again.use_cache(cache)
        again.kpis()

    hit = timed(cached, repeat)
    read = timed(lambda: FollowUp(plan, bumped), repeat)
    print(
        f"{kpis} KPIs: plan load min {load[0] / kpis * 1e3:.3f} / median "
        f"{load[1] / kpis * 1e3:.3f} ms/KPI; data read (FollowUp) min {read[0]:.2f} s; "
        f"every headline after one change: assessed afresh min {fresh[0]:.2f} / median "
        f"{fresh[1]:.2f} s, from the cache min {hit[0]:.2f} / median {hit[1]:.2f} s "
        f"(ratio of minima {fresh[0] / hit[0]:.1f}x; both include the data read)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kpis", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ipkpi-bench-inputs-"))
    try:
        for kpis in args.kpis:
            one_size(workdir, kpis, args.repeat)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
