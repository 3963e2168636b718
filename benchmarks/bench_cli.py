"""Start-up time of the everyday commands on the shipped plan: ``summary``, ``status``, ``--help``.

    .venv/bin/python benchmarks/bench_cli.py                 # 7 runs of each command
    .venv/bin/python benchmarks/bench_cli.py --runs 15 --import-time

Each command runs as a fresh process (``ipkpi …``) against a SQLite store of its own in a
temporary folder, loaded once with the shipped observations before timing, so the figures are
what a person typing the command waits for. Prints min and median wall time per command, and
the CPU time of its process (the figure to compare on a busy machine, where wall time waits
for a core), each also as a ratio to ``python -c pass`` timed in the same run; the goal is
≤ 1 s for ``summary`` and ``status`` on an idle machine.
``--import-time`` also prints the ten slowest imports of ``ipkpi summary``
(``python -X importtime``).
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

BIN = Path(sys.executable).parent
IPKPI = str(BIN / "ipkpi")
#: The same machine's floor: a Python start-up that imports nothing (``python -c pass``).
BASELINE = [sys.executable, "-c", "pass"]
COMMANDS = {
    "python -c pass": BASELINE,
    "--help": ["--help"],
    "summary": ["summary"],
    "status": ["status", "--format", "csv"],
    "status table": ["status"],
}


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time, and CPU time (user + system) of the command's process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    argv = args if args is BASELINE else [IPKPI, *args]
    subprocess.run(argv, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def slowest_imports(env: dict[str, str], count: int = 10) -> list[tuple[int, str]]:
    code = "from ipkpi.cli.main import main; import sys; sys.argv=['ipkpi','summary']; main()"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), name.rstrip()))
    tops = [r for r in rows if not r[1].startswith("  ")]  # top-level imports only
    return sorted(tops, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--import-time", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "IPKPI_DATABASE_URL": str(Path(folder) / "bench.db"),
               "COLUMNS": "100"}  # fmt: skip
        subprocess.run([IPKPI, "data", "load-shipped"], env=env, check=True, capture_output=True)
        timed(["status"], env)  # warm the file cache
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
              f"{args.runs} runs each; seconds")  # fmt: skip
        print(f"{'command':<16} {'wall min':>9} {'median':>7} {'cpu min':>8} {'median':>7}"
              f" {'wall÷pass':>10} {'cpu÷pass':>9}")  # fmt: skip
        floor = (1.0, 1.0)
        for name, command in COMMANDS.items():
            runs = [timed(command, env) for _ in range(args.runs)]
            wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
            if command is BASELINE:
                floor = (min(wall), max(min(cpu), 1e-3))
            print(f"{name:<16} {min(wall):9.3f} {statistics.median(wall):7.3f} "
                  f"{min(cpu):8.3f} {statistics.median(cpu):7.3f} "
                  f"{min(wall) / floor[0]:9.1f}x {min(cpu) / floor[1]:8.1f}x")  # fmt: skip
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if args.import_time:
            print("\nslowest top-level imports of 'ipkpi summary' (cumulative µs):")
            for micros, name in slowest_imports(env):
                print(f"{micros:>10}  {name}")


if __name__ == "__main__":
    main()
