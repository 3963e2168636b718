"""Latency and throughput of a KPI page at 32 concurrent connections on loopback.

    .venv/bin/python benchmarks/bench_web.py                       # 20,000 requests or 30 s
    .venv/bin/python benchmarks/bench_web.py --requests 5000 --path /en/kpi/ipx.gii_rank

``ipkpi serve`` runs in a subprocess on a free port with a fresh SQLite store (the shipped
plan and data). The load generator is a small asyncio HTTP/1.1 keep-alive client (one
connection per worker, no library overhead), bounded in count and time. Targets on a 2-core
machine: p95 ≤ 50 ms and ≥ 500 requests/s. Pages are rendered once per (route, language,
date) and served from memory, so this measures the serving path.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def worker(port: int, request: bytes, budget: list[int], deadline: float,
                 latencies: list[float], errors: list[str]) -> None:  # fmt: skip
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            budget[0] -= 1
            started = time.perf_counter()
            status = await fetch(reader, writer, request)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(str(status))
    finally:
        writer.close()


async def load(
    port: int, path: str, requests: int, seconds: float, connections: int, quiet: bool = False
) -> None:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    latencies: list[float] = []
    errors: list[str] = []
    budget = [requests]
    started = time.perf_counter()
    await asyncio.gather(
        *(worker(port, request, budget, started + seconds, latencies, errors)
          for _ in range(connections))
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if quiet:
        return
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    rate = len(ms) / elapsed
    print(f"GET {path}: {len(ms)} requests, {connections} connections, {elapsed:.1f} s; "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms, {rate:.0f} requests/s; "
          f"errors: {len(errors)}")  # fmt: skip
    verdict = "met" if p95 <= 50 and rate >= 500 else "NOT met"
    print(f"targets (p95 ≤ 50 ms, ≥ 500 requests/s): {verdict}")


def wait_for(port: int, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("ipkpi serve exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("ipkpi serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/kpi/cj.content_overseas_market")
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ipkpi-bench-web-"))
    port = free_port()
    command = [str(BIN / "ipkpi"), "serve", "--db", str(workdir / "bench.db"), "--port", str(port)]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_for(port, process)
        asyncio.run(
            load(port, args.path, 64, 10, 1, quiet=True)
        )  # warm-up: render and cache the page
        asyncio.run(load(port, args.path, args.requests, args.seconds, args.connections))
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
