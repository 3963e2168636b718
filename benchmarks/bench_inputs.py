"""The static build's inputs on a generated plan: plan loading per KPI; every KPI by every
method (what a full build needs) assessed KPI by KPI vs in one batch per method; every
headline (what the lists need) after one observation changed, KPI by KPI vs in one batch vs
from the verdict cache. Several sizes in one run; each alternative timed ``--repeat`` times,
the alternatives alternating (min, median); the load average is printed with each size.

    .venv/bin/python benchmarks/bench_inputs.py --kpis 1000 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
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
from ipkpi.followup.assess import assess_one
from ipkpi.followup.verdict_cache import VerdictCache
from ipkpi.plan.loader import load_plan

Timing = tuple[float, float]


def timed(run: Callable[[], object], repeat: int) -> Timing:
    return alternating({"one": run}, repeat)["one"]


def alternating(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, Timing]:
    """Each run ``repeat`` times, one after the other in turn (so load hits them alike)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    return {name: (min(t), statistics.median(t)) for name, t in times.items()}


def _s(t: Timing) -> str:
    return f"min {t[0]:.2f} / median {t[1]:.2f} s"


def one_size(workdir: Path, kpis: int, repeat: int) -> None:
    folder = workdir / f"plan-{kpis}"
    generated_plan.write_plan(folder, kpis)
    load_before = os.getloadavg()[0]
    load = timed(lambda: load_plan(folder), repeat)
    cpu = []
    for _ in range(repeat):  # CPU time: the wall time under load is mostly waiting for a core
        started = time.process_time()
        load_plan(folder)
        cpu.append(time.process_time() - started)
    plan = load_plan(folder)
    listed = [(s.id, s.unit) for _, s in plan.all_series()]
    source = generated_plan.observations(listed)
    bumped = generated_plan.observations(listed, bump=listed[0][0])
    read = timed(lambda: FollowUp(plan, source), repeat)

    def every_alone() -> None:
        followup = FollowUp(plan, source)
        for kpi_id in followup.kpi_ids():
            followup.kpi(kpi_id)

    every = alternating(
        {"alone": every_alone, "batch": lambda: FollowUp(plan, source).assess_all()}, repeat
    )
    one_by_one, batched = FollowUp(plan, source), FollowUp(plan, source)
    batched.assess_all()
    same = all(repr(one_by_one.kpi(k)) == repr(batched.kpi(k)) for k in one_by_one.kpi_ids())
    cache = VerdictCache()
    first = FollowUp(plan, source)
    first.use_cache(cache)
    first.kpis()

    def heads_alone() -> None:
        followup = FollowUp(plan, bumped)
        at = followup.reference_date
        for item in followup._inputs.values():
            assess_one(item, at, every_method=False)

    def cached() -> None:
        again = FollowUp(plan, bumped)
        again.use_cache(cache)
        again.kpis()

    heads = alternating(
        {"alone": heads_alone, "batch": lambda: FollowUp(plan, bumped).kpis(), "cache": cached},
        repeat,
    )
    print(
        f"{kpis} KPIs (load {load_before:.2f} -> {os.getloadavg()[0]:.2f}): plan load min "
        f"{load[0] / kpis * 1e3:.3f} / median {load[1] / kpis * 1e3:.3f} ms/KPI wall, CPU min "
        f"{min(cpu) / kpis * 1e3:.3f} / median {statistics.median(cpu) / kpis * 1e3:.3f}; "
        "data read "
        f"(FollowUp) {_s(read)}\n"
        f"  every KPI by every method: KPI by KPI {_s(every['alone'])}, one batch "
        f"{_s(every['batch'])} (ratio of minima {every['alone'][0] / every['batch'][0]:.1f}x, "
        f"medians {every['alone'][1] / every['batch'][1]:.1f}x; every status the same both "
        f"ways: {'yes' if same else 'NO'})\n"
        f"  every headline after one change: KPI by KPI {_s(heads['alone'])}, one batch "
        f"{_s(heads['batch'])}, from the cache {_s(heads['cache'])} (minima: alone/batch "
        f"{heads['alone'][0] / heads['batch'][0]:.1f}x, batch/cache "
        f"{heads['batch'][0] / heads['cache'][0]:.1f}x; all include the data read)",
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
