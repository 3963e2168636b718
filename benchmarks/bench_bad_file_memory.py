"""Peak memory (RSS) of importing a ~200 MB CSV where every row is bad, before and after.

    .venv/bin/python benchmarks/bench_bad_file_memory.py [--mb 200] [--runs 3] [--before SRC]

Generates a tidy CSV of about ``--mb`` MB whose rows are all wrong (a value that is not a
number, and most rows repeat a series and period), then runs ``ipkpi data import --dry-run``
on it ``--runs`` times in a fresh process each and reads the child's peak RSS
(``ru_maxrss``). ``--before SRC`` runs the same with another source tree first (a checkout of
an older commit's ``src``, put first on ``PYTHONPATH``), so both are measured in one run and
the ratio printed. The target: under 1 GB for a 200 MB file. Prints min and median per tree.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLAN = Path(__file__).parents[1] / "tests" / "web" / "fixtures" / "webplan"
SERIES = ("alpha.one.rank.jpn", "beta.two.access.total", "alpha.one.exports.jpn")


def generate(path: Path, megabytes: int) -> int:
    """Bad rows: text for a value, periods repeating; returns the row count."""
    target = megabytes * 1_000_000
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("series,period,value\n")
        written = 0
        while written < target:
            block = []
            for n in range(100_000):
                series = SERIES[n % 3]
                period = f"{1950 + n % 70}-{1 + n % 12:02d}" if n % 3 == 1 else str(1950 + n % 70)
                block.append(f"{series},{period},n/a{n % 7}\n")
            text = "".join(block)
            out.write(text)
            written += len(text)
            rows += len(block)
    return rows


def peak_rss(src: str | None, csv_path: Path, db: Path) -> tuple[float, float, int]:
    """The child's peak RSS in MB, its wall time, and its exit code."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    code = (
        "import resource, sys\n"
        "from ipkpi.cli.main import cli\n"
        "try:\n"
        "    cli(sys.argv[1:], standalone_mode=False)\n"
        "except BaseException as exc:\n"
        "    print(type(exc).__name__, file=sys.stderr)\n"
    )
    args = ["data", "import", str(csv_path), "--dry-run", "--db", str(db), "--plan", str(PLAN)]
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:  # ru_maxrss of children is the largest child so far: rerun separately
        peak = before
    return peak / 1024, seconds, done.returncode


def measure(label: str, src: str | None, csv_path: Path, db: Path, runs: int) -> list[float]:
    peaks = []
    for _ in range(runs):
        # One child per measurement in a fresh interpreter, so ru_maxrss is that child's.
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(csv_path), str(db), src or ""],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        mb, seconds, code = out.stdout.split()
        peaks.append(float(mb))
        print(f"  {label}: peak RSS {float(mb):,.0f} MB, {float(seconds):.1f} s, exit {code}")
    return peaks


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        csv_path, db, src = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] or None
        mb, seconds, code = peak_rss(src, csv_path, db)
        print(mb, seconds, code)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="an older source tree (its src folder) to compare")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ipkpi-bad-") as folder:
        csv_path, db = Path(folder) / "bad.csv", Path(folder) / "store.db"
        rows = generate(csv_path, options.mb)
        size = csv_path.stat().st_size / 1e6
        print(f"{size:,.0f} MB, {rows:,} bad rows; command: ipkpi data import bad.csv --dry-run")
        results = {}
        if options.before:
            results["before"] = measure("before", options.before, csv_path, db, options.runs)
        results["after"] = measure("after", None, csv_path, db, options.runs)
        for label, peaks in results.items():
            print(f"{label}: min {min(peaks):,.0f} MB, median {statistics.median(peaks):,.0f} MB")
        if "before" in results:
            ratio = statistics.median(results["before"]) / statistics.median(results["after"])
            print(f"before/after (median peak RSS): {ratio:.2f}")


if __name__ == "__main__":
    main()
