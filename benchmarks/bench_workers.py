"""``ipkpi serve --workers 2`` against one worker, on PostgreSQL, in one run.

    .venv/bin/python benchmarks/bench_workers.py --db "$(bash scripts/postgres-test-db.sh)"
    .venv/bin/python benchmarks/bench_workers.py --db URL --rounds 5 --seconds 10 --nagle

Each round starts ``ipkpi serve`` with 1 worker, then with 2, over the same fresh PostgreSQL
schema (the shipped plan and data; dropped afterwards), warms every worker, and loads it with
``wrk`` (a C load generator: the client must cost far less than the server for a ratio on a
2-core machine to mean anything) at 32 keep-alive connections: the public KPI page, then a
signed-in page (``/submissions``, which reads the session and the submissions from the store on
every request). Printed per round: requests/s, p95, errors; then the ratio 2 workers ÷ 1 worker
of requests/s, min and median over the rounds. Goals (issue 11): ratio ≥ 1.5, public p95 ≤ 20
ms, signed-in p95 ≤ 50 ms, 0 errors.

``--nagle`` also measures the 44 ms stall reported before: one connection, requests one after
another, from a Python client with TCP_NODELAY on (asyncio's default) and off, against 1 and 2
workers; the median latency of each.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pg_schema import postgres_schema

BIN = Path(sys.executable).parent
PUBLIC_PAGE = "/kpi/cj.content_overseas_market"
SIGNED_IN_PAGE = "/submissions"
BENCH_PORTS = range(8130, 8140)
EMAIL, PASSWORD = "bench@cao.example.jp", "a long passphrase for the benchmark"
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(95), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclass(frozen=True)
class Load:
    rate: float
    p95_ms: float
    errors: int


def free_port() -> int:
    """A free port of ``BENCH_PORTS`` (the benchmark's own range on a shared machine)."""
    for port in BENCH_PORTS:
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {BENCH_PORTS}")


def load_average() -> str:
    """The machine's 1-minute load average (the figures are only comparable at similar load)."""
    return f"{os.getloadavg()[0]:.1f}"


def prepare(url: str) -> None:
    """The shipped data and one secretariat account in the new schema."""
    subprocess.run([str(BIN / "ipkpi"), "data", "load-shipped", "--db", url], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    from ipkpi.service import accounts
    from ipkpi.service.authz import Actor
    from ipkpi.store import Store

    with Store.open(url) as store:
        accounts.create_user(store.engine, Actor(via="cli"), EMAIL, PASSWORD,
                             global_role="secretariat")  # fmt: skip


@contextmanager
def serving(url: str, workers: int, log: Path | None = None) -> Iterator[int]:
    port = free_port()
    command = [str(BIN / "ipkpi"), "serve", "--db", url, "--port", str(port),
               "--workers", str(workers), "--public-url", f"http://127.0.0.1:{port}"]  # fmt: skip
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    errors = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=errors, start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ipkpi serve --workers {workers} did not start")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        if log:
            errors.close()  # type: ignore[union-attr]


def sign_in(port: int) -> str:
    body = urllib.parse.urlencode({"email": EMAIL, "password": PASSWORD}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/signin", data=body)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(request)
    except urllib.error.HTTPError as answer:  # the 303 after signing in
        cookie = answer.headers.get("set-cookie") or ""
    found = re.search(r"(__Host-ipkpi_session=[^;]+)", cookie)
    if not found:
        raise RuntimeError("the benchmark account could not sign in")
    return found.group(1)


def wrk(port: int, path: str, seconds: float, connections: int, cookie: str | None,
        script: Path) -> Load:  # fmt: skip
    command = ["wrk", "-t2", f"-c{connections}", f"-d{round(seconds)}s", "--timeout", "5s",
               "-s", str(script), f"http://127.0.0.1:{port}{path}"]  # fmt: skip
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    found = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+)", out)
    if not found:
        raise RuntimeError(out)
    requests, micros, p95, errors = map(int, found.groups())
    return Load(requests / (micros / 1e6), p95 / 1000, errors)


async def sequential(port: int, path: str, count: int, nodelay: bool) -> float:
    """Median latency (ms) of ``count`` requests one after another on one connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if nodelay else 0)
    head = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
    latencies = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            # headers in two writes, as many HTTP clients send them (and request bodies)
            writer.write(head)
            writer.write(b"\r\n")
            await writer.drain()
            answer = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length: *(\d+)", answer).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            latencies.append((time.perf_counter() - started) * 1000)
    finally:
        writer.close()
    return statistics.median(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a PostgreSQL URL (a schema is made in it)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--nagle", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed (apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="ipkpi-bench-workers-"))
    script = folder / "p95.lua"
    script.write_text(WRK_SCRIPT, encoding="utf-8")
    results: dict[tuple[int, str], list[Load]] = {}
    nagle: dict[tuple[int, bool], float] = {}
    try:
        with postgres_schema(args.db) as url:
            prepare(url)
            for round_ in range(args.rounds):
                for workers in (1, 2):
                    with serving(url, workers) as port:
                        cookie = sign_in(port)
                        for path, who in ((PUBLIC_PAGE, None), (SIGNED_IN_PAGE, cookie)):
                            wrk(port, path, 2, args.connections, who, script)  # warm each worker
                            load = wrk(port, path, args.seconds, args.connections, who, script)
                            results.setdefault((workers, path), []).append(load)
                            print(f"round {round_ + 1}, {workers} worker(s), {path}: "
                                  f"{load.rate:.0f} requests/s, p95 {load.p95_ms:.1f} ms, "
                                  f"errors {load.errors}, load {load_average()}",
                                  flush=True)  # fmt: skip
                        if args.nagle and round_ == 0:
                            for nodelay in (True, False):
                                nagle[(workers, nodelay)] = asyncio.run(
                                    sequential(port, PUBLIC_PAGE, 200, nodelay)
                                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(results, nagle, args)


def report(results: dict[tuple[int, str], list[Load]], nagle: dict[tuple[int, bool], float],
           args: argparse.Namespace) -> None:  # fmt: skip
    print(f"\n{args.rounds} rounds × {args.seconds:.0f} s, wrk -t2 -c{args.connections}, "
          "PostgreSQL, httptools + uvloop")  # fmt: skip
    for path in (PUBLIC_PAGE, SIGNED_IN_PAGE):
        one, two = results[(1, path)], results[(2, path)]
        ratios = [b.rate / a.rate for a, b in zip(one, two, strict=True)]
        p95 = [x.p95_ms for x in two]
        errors = sum(x.errors for x in one + two)
        print(f"{path}: 2 workers ÷ 1 worker requests/s: min {min(ratios):.2f}×, median "
              f"{statistics.median(ratios):.2f}×; 2 workers p95 min {min(p95):.1f} ms, median "
              f"{statistics.median(p95):.1f} ms; errors {errors}")  # fmt: skip
    for (workers, nodelay), median in sorted(nagle.items()):
        print(f"one connection, sequential, {workers} worker(s), client TCP_NODELAY "
              f"{'on' if nodelay else 'off'}: median {median:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
