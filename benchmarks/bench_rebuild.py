"""The incremental static rebuild outside rendering, on a generated plan.

A site is built once in full (``--site`` keeps the folder between runs), then rebuilt
``--repeat`` times with nothing changed (no page is rendered: all its time is outside
rendering — reading the data and the verdict cache, hashing each page's inputs, checking the
manifest against the folder, writing the manifest and the cache) and ``--repeat`` times after
one observation changed, alternating (min, median); the load average is printed.

    .venv/bin/python benchmarks/bench_rebuild.py --kpis 10000 --site site-10k
    PYTHONPATH=old/src .venv/bin/python benchmarks/bench_rebuild.py --kpis 10000 \\
        --site site-10k-old          # the code before, on a site of its own
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generated_plan
import ipkpi
from ipkpi.followup import FollowUpProvider
from ipkpi.plan.loader import load_plan
from ipkpi.web.site import build_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kpis", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="the site folder (kept; built when empty)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    site = args.site or Path(tempfile.mkdtemp(prefix="ipkpi-bench-rebuild-")) / "site"
    with tempfile.TemporaryDirectory(prefix="ipkpi-bench-rebuild-plan-") as tmp:
        generated_plan.write_plan(Path(tmp), args.kpis)
        plan = load_plan(Path(tmp))
    listed = [(s.id, s.unit) for _, s in plan.all_series()]
    sources = {
        "same": generated_plan.observations(listed),
        "changed": generated_plan.observations(listed, bump=listed[0][0]),
    }
    print(f"code: {Path(ipkpi.__file__).parent}", flush=True)

    def build(data: str) -> tuple[float, int]:
        started = time.perf_counter()
        report = build_site(
            FollowUpProvider(plan, sources[data]), site, workers=args.workers, downloads=("csv",)
        )
        return time.perf_counter() - started, report.rendered

    load = os.getloadavg()[0]
    full, rendered = build("same")
    print(f"first build {full:.1f} s ({rendered} pages rendered; 0 when the site was there)")
    times: dict[str, list[float]] = {"same": [], "changed": []}
    counts: dict[str, int] = {}
    now = "same"
    for _ in range(args.repeat):
        elapsed, counts["same"] = build(now)  # the data the site holds: nothing to render
        times["same"].append(elapsed)
        now = "changed" if now == "same" else "same"
        elapsed, counts["changed"] = build(now)  # one observation differs from the site's
        times["changed"].append(elapsed)
    for data, label in (("same", "nothing changed"), ("changed", "one observation changed")):
        t = times[data]
        print(
            f"{args.kpis} KPIs, rebuild after {label}: min {min(t):.2f} / median "
            f"{statistics.median(t):.2f} s ({counts[data]} pages rendered)"
        )
    print(f"load {load:.2f} -> {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
