"""Static site build time: the shipped plan (target ≤ 5 s) and a generated plan (≤ 60 s).

    .venv/bin/python benchmarks/bench_site.py               # shipped plan, then 10,000 KPIs
    .venv/bin/python benchmarks/bench_site.py --kpis 2000   # a smaller generated plan
    .venv/bin/python benchmarks/bench_site.py --skip-shipped --kpis 1000 10000  # cost per page
    .venv/bin/python benchmarks/bench_site.py --workers 2
    .venv/bin/python benchmarks/bench_site.py --kpis 1000 10000 --compare old/src --repeat 3

``--compare SRC`` builds each generated plan with the code at SRC (``git archive <commit> src``
unpacked there, run with PYTHONPATH) and with this code, alternating, ``--repeat`` times, and
prints min and median of each and the ratio new/old (the load average at each build too):
on a shared machine only ratios within one run say anything.

Where the site is written matters as much as the code on a busy machine: creating a file
costs ext4 a scan of its inode bitmap that skips recently deleted inodes (``perf``:
``recently_deleted``), so in a folder whose block group every test run fills and empties
(``/tmp`` on the shared VM) a new file cost ~500 µs of kernel time against ~20 µs in
``/var/tmp`` (2,000 files each, same minute). ``--dir`` says where to build. A large
deletion does the same to the next files made in its block groups, so with ``--compare`` no
run's files are deleted before the last run has finished.

The shipped plan is built exactly as ``ipkpi build-site`` does (plan, store with the shipped
observations, every vintage, CSV and Excel downloads). The generated plan keeps its
observations in memory (the store's import speed is benchmarked in bench_import.py); its
times are given step by step: writing and loading the plan (wall and CPU ms per KPI), reading
the data, building the site, and the cost per page (build time / pages). Give several sizes
in one run to compare the cost per page from 1k to 10k KPIs on the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generated_plan
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.web.site import build_site


def shipped(workdir: Path, workers: int) -> float:
    # Imported here: the importer loads Polars, which the build's process must not have
    # (ipkpi.web.dataset.package_before_forking), so that the generated plans are built as
    # ``ipkpi build-site`` builds them.
    from ipkpi.store import import_file

    started = time.perf_counter()
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(workdir / "shipped.db")
    import_file(store, folder / OBSERVATIONS_FILE, catalog_from_plan(plan))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    report = build_site(provider, workdir / "site-shipped", workers=workers)
    elapsed = time.perf_counter() - started
    store.close()
    print(
        f"shipped plan: {len(plan.kpis())} KPIs, {report.pages} pages, {report.files} files, "
        f"{report.bytes / 1e6:.1f} MB in {elapsed:.2f} s (target ≤ 5 s)"
    )
    return elapsed


def _cpu() -> float:
    """CPU seconds (user and system) of this process and its finished workers."""
    own, workers = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def generated(workdir: Path, kpis: int, workers: int, xlsx: bool) -> dict[str, float]:
    folder = workdir / f"plan-{kpis}"
    t0 = time.perf_counter()
    generated_plan.write_plan(folder, kpis)
    t1 = time.perf_counter()
    c1 = time.process_time()
    plan = load_plan(folder)
    t2 = time.perf_counter()
    load_cpu = time.process_time() - c1
    listed = [(s.id, s.unit) for _, s in plan.all_series()]
    source = generated_plan.observations(listed)
    provider = FollowUpProvider(plan, source)
    provider.get(None)
    t3 = time.perf_counter()  # the data read; verdicts are worked out by the build's workers
    downloads = ("csv", "xlsx") if xlsx else ("csv",)
    load, cpu = os.getloadavg()[0], _cpu()
    report = build_site(provider, workdir / f"site-{kpis}", workers=workers, downloads=downloads)
    t4 = time.perf_counter()
    cpu = _cpu() - cpu
    changed = FollowUpProvider(plan, generated_plan.observations(listed, bump=listed[0][0]))
    again = build_site(changed, workdir / f"site-{kpis}", workers=workers, downloads=downloads)
    t5 = time.perf_counter()
    print(
        f"generated plan of {kpis} KPIs: write {t1 - t0:.1f} s, load+validate {t2 - t1:.1f} s "
        f"({(t2 - t1) / kpis * 1e3:.2f} ms/KPI wall, {load_cpu / kpis * 1e3:.2f} ms/KPI CPU), "
        f"read data {t3 - t2:.1f} s, assess and render {t4 - t3:.1f} s "
        f"({report.pages} pages, {report.files} files, {report.bytes / 1e6:.0f} MB, "
        f"{(t4 - t3) / report.pages * 1e3:.2f} ms/page, {cpu:.1f} CPU s in all processes, "
        f"load {load:.1f}); "
        f"site build from the loaded plan {t4 - t2:.1f} s (target ≤ 20 s at 10k, idle); "
        f"rebuild after one observation changed {t5 - t4:.1f} s "
        f"({again.rendered} pages rendered, {again.skipped} unchanged)",
        flush=True,
    )
    return {"build": t4 - t2, "cpu": cpu, "rebuild": t5 - t4, "load": load}


def compare(old_src: Path, sizes: list[int], repeat: int, passed: list[str]) -> None:
    """Each size built by the old code and by this one, alternating, ``repeat`` times."""
    for kpis in sizes:
        runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for _ in range(repeat):
            for label in ("old", "new"):
                env = dict(os.environ)
                if label == "old":
                    env["PYTHONPATH"] = str(old_src)
                command = [sys.executable, __file__, "--skip-shipped", "--kpis", str(kpis)]
                done = subprocess.run(
                    [*command, *passed, "--json"], env=env, capture_output=True, text=True
                )
                if done.returncode:
                    sys.exit(done.stderr)
                runs[label].append(json.loads(done.stdout.splitlines()[-1]))
                print(f"{kpis} KPIs, {label}: {runs[label][-1]}", flush=True)
        for key in ("build", "cpu", "rebuild"):
            old, new = ([r[key] for r in runs[label]] for label in ("old", "new"))
            print(
                f"{kpis} KPIs {key}: old min {min(old):.1f} median {statistics.median(old):.1f}, "
                f"new min {min(new):.1f} median {statistics.median(new):.1f}; new/old "
                f"{min(new) / min(old):.2f}x min, "
                f"{statistics.median(new) / statistics.median(old):.2f}x median"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kpis", type=int, nargs="*", default=[10_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-xlsx", action="store_true", help="CSV downloads only")
    parser.add_argument("--skip-shipped", action="store_true")
    parser.add_argument("--compare", type=Path, help="src folder of the code to compare with")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each, with --compare")
    parser.add_argument(
        "--dir", type=Path, help="folder to build in (default: the system's temporary folder)"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep-in", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    for folder in (args.dir, args.keep_in):
        if folder is not None:  # a folder given that does not exist yet is made, not a traceback
            folder.mkdir(parents=True, exist_ok=True)
    if args.compare is not None:
        passed = ["--workers", str(args.workers), *(["--no-xlsx"] if args.no_xlsx else [])]
        # Every run keeps its files until the end: deleting a 10k site (161k files) makes the
        # next run's file creations slow in the same ext4 block groups (see above).
        kept = Path(tempfile.mkdtemp(prefix="ipkpi-bench-site-", dir=args.dir))
        try:
            compare(args.compare, args.kpis, args.repeat, [*passed, "--keep-in", str(kept)])
        finally:
            shutil.rmtree(kept, ignore_errors=True)
        return
    workdir = Path(tempfile.mkdtemp(prefix="ipkpi-bench-site-", dir=args.keep_in or args.dir))
    try:
        if not args.skip_shipped:
            shipped(workdir, args.workers)
        for kpis in args.kpis:
            figures = generated(workdir, kpis, args.workers, not args.no_xlsx)
            if args.json:
                print(json.dumps(figures))
    finally:
        if args.keep_in is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
