"""200 concurrent data-file submissions against ``ipkpi serve --workers 2`` on PostgreSQL.

    .venv/bin/python benchmarks/bench_submissions.py --db "$(bash scripts/postgres-test-db.sh)"
    .venv/bin/python benchmarks/bench_submissions.py --db URL --uploads 200 --editors 20

A fresh PostgreSQL schema (the shipped plan and data; dropped afterwards), ``--editors``
ministry editors signed in, and ``--uploads`` uploads of distinct files sent all at once over
as many connections (spread by the kernel over the two workers). A 503 (a worker's upload cap)
is retried after its ``Retry-After``, as a browser user would. Then the store is read: every
upload must be exactly one draft submission whose stored bytes are the bytes sent — nothing
lost, nothing duplicated. Prints the wall time, uploads per second, retries and the check.
The files are synthetic (a bench schema, never published).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from bench_workers import postgres_schema, serving

PASSWORD = "a long passphrase for the benchmark"
MINISTRY = "METI"


def prepare(url: str, editors: int) -> list[str]:
    import subprocess

    from bench_workers import BIN

    subprocess.run([str(BIN / "ipkpi"), "data", "load-shipped", "--db", url], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    from ipkpi.service import accounts
    from ipkpi.service.authz import Actor
    from ipkpi.store import Store

    emails = [f"editor{i:02d}@meti.example.jp" for i in range(editors)]
    with Store.open(url) as store:
        for email in emails:
            accounts.create_user(store.engine, Actor(via="cli"), email, PASSWORD)
            accounts.grant(store.engine, Actor(via="cli"), email, MINISTRY, "editor")
    return emails


def content(number: int) -> bytes:
    row = f"ipx.gii_rank.kor,2031,{number % 50 + 1},rank,bench upload {number}"
    return f"series,period,value,unit,note\n{row}\n".encode()


async def signed_in(base: str, email: str) -> tuple[httpx.AsyncClient, str]:
    # A new connection per request: a kept-alive one that the server closes after its idle
    # timeout just as a request is sent would fail in the client, not in ipkpi.
    limits = httpx.Limits(max_keepalive_connections=0)
    client = httpx.AsyncClient(base_url=base, timeout=300, limits=limits)
    answer = await client.post("/signin", data={"email": email, "password": PASSWORD})
    cookie = re.search(r"(__Host-ipkpi_session=[^;]+)", answer.headers.get("set-cookie", ""))
    if answer.status_code != 303 or cookie is None:
        raise RuntimeError(f"sign-in of {email}: {answer.status_code}")
    # The session cookie is Secure, which httpx keeps off plain http: sent by hand here.
    client.headers["Cookie"] = cookie.group(1)
    page = (await client.get("/account")).text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if not found:
        raise RuntimeError(f"no CSRF token for {email}")
    return client, found.group(1)


async def upload(client: httpx.AsyncClient, csrf: str, number: int, retries: Counter[str]) -> int:
    while True:
        answer = await client.post(
            "/import",
            data={"csrf_token": csrf, "ministry": MINISTRY},
            files={"file": (f"bench-{number:04d}.csv", content(number), "text/csv")},
        )
        if answer.status_code != 503:
            return answer.status_code
        retries["503"] += 1
        await asyncio.sleep(float(answer.headers.get("retry-after", "1")))


async def run(port: int, emails: list[str], uploads: int) -> tuple[float, Counter[int], int]:
    base = f"http://127.0.0.1:{port}"
    sessions = await asyncio.gather(*(signed_in(base, e) for e in emails))
    retries: Counter[str] = Counter()
    started = time.perf_counter()
    statuses = await asyncio.gather(*(
        upload(*sessions[n % len(sessions)], n, retries) for n in range(uploads)
    ))  # fmt: skip
    elapsed = time.perf_counter() - started
    for client, _ in sessions:
        await client.aclose()
    return elapsed, Counter(statuses), retries["503"]


def check(url: str, uploads: int) -> tuple[int, int, int]:
    """(lost, duplicated, changed): uploads without a draft, extra drafts, bytes that differ."""
    from ipkpi.store import Store
    from ipkpi.store.service_schema import submission_files, submissions

    with Store.open(url) as store, store.engine.connect() as conn:
        rows = conn.execute(
            select(submissions.c.file_name, submission_files.c.content).join(
                submission_files, submission_files.c.submission_id == submissions.c.id
            )
        ).all()
    names = Counter(r.file_name for r in rows)
    wanted = {f"bench-{n:04d}.csv": content(n) for n in range(uploads)}
    lost = sum(1 for name in wanted if name not in names)
    duplicated = sum(count - 1 for count in names.values() if count > 1)
    changed = sum(1 for r in rows if wanted.get(r.file_name) != bytes(r.content))
    return lost, duplicated, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a PostgreSQL URL (a schema is made in it)")
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with postgres_schema(args.db) as url:
        emails = prepare(url, args.editors)
        log = Path(tempfile.gettempdir()) / "ipkpi-bench-submissions.log"
        with serving(url, args.workers, log) as port:
            elapsed, statuses, retried = asyncio.run(run(port, emails, args.uploads))
        lost, duplicated, changed = check(url, args.uploads)
    print(f"{args.uploads} uploads at once by {args.editors} editors, {args.workers} workers, "
          f"PostgreSQL: {elapsed:.1f} s ({args.uploads / elapsed:.1f} uploads/s); answers "
          f"{dict(sorted(statuses.items()))}; 503 retried {retried}×")  # fmt: skip
    print(f"in the store: lost {lost}, duplicated {duplicated}, bytes changed {changed}")
    if lost or duplicated or changed or set(statuses) != {200}:
        sys.exit(1)


if __name__ == "__main__":
    main()
