"""Two worker processes over PostgreSQL: ``ipkpi serve --workers 2`` keeps no state in a process.

The test starts a real server with two workers on a fresh PostgreSQL schema and talks to each
worker over its own keep-alive connection (which worker holds a connection is read from
``/proc``: the worker process that owns the server end of the socket). A ministry editor
uploads and submits a file on one worker; the secretariat sees it, accepts and publishes it
on the other; the first worker's public page then shows the new value. Failed sign-ins for
one account, half on each worker, reach the store's limit together (issue 11.7, ASVS 6.3.1).
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ipkpi.service import ratelimit
from ipkpi.store import Store, catalog_from_plan, import_file

from ..store.conftest import _postgres_store
from .conftest import FIRST, SECOND, WEBPLAN
from .service_helpers import PASSWORD, SESSION, add_person

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
pytest.importorskip("psycopg")
if not sys.platform.startswith("linux"):
    pytest.skip("reads which worker holds a connection from /proc", allow_module_level=True)

BIN = Path(sys.executable).parent
EDITOR, DESK = "editor@meti.example.jp", "review@cao.example.jp"
NEW_VALUE = (
    "series,period,value,unit,source_title,source_url,flags,note\n"
    "alpha.one.exports.jpn,2025,1.62,兆円,Statistics,https://example.org/stats,,\n"
)


class Worker:
    """One keep-alive connection, and so one worker; the session cookie it carries."""

    def __init__(self, port: int, pid: int) -> None:
        self.port, self.pid = port, pid
        self.conn: http.client.HTTPConnection | None = None
        self.cookie: str | None = None
        self.csrf = ""

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        assert self.conn is not None
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookie:
            sent["Cookie"] = f"{SESSION}={self.cookie}"
        self.conn.request(method, path, body=body or None, headers=sent)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        found = re.search(rf"{SESSION}=([^;]+)", response.getheader("set-cookie") or "")
        if found:
            self.cookie = found.group(1)
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text

    def form(self, path: str, fields: dict[str, str]) -> tuple[int, dict[str, str], str]:
        from urllib.parse import urlencode

        return self.request("POST", path, urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip

    def sign_in(self, email: str) -> None:
        status, _, text = self.form("/signin", {"email": email, "password": PASSWORD})
        assert status == 303, text[:500]
        found = re.search(r'name="csrf_token" value="([^"]+)"', self.request("GET", "/account")[2])
        assert found
        self.csrf = found.group(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> set[int]:
    tasks = Path(f"/proc/{pid}/task")
    found: set[int] = set()
    for task in tasks.iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _owner(client_port: int, server_port: int, pids: set[int]) -> int | None:
    """The process holding the server end of the loopback connection from ``client_port``."""
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1], fields[2]
        if (
            int(local.split(":")[1], 16) == server_port
            and int(remote.split(":")[1], 16) == client_port
        ):
            inode = fields[9]
    if inode is None:
        return None
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if str(fd.readlink()) == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    return None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, list[int], Store]]:
    stores = _postgres_store()
    store = next(stores)
    try:
        from ipkpi.plan.loader import load_plan

        catalog = catalog_from_plan(load_plan(WEBPLAN))
        import_file(store, WEBPLAN / "vintage1.csv", catalog, recorded_at=FIRST)
        import_file(store, WEBPLAN / "vintage2.csv", catalog, recorded_at=SECOND)
        add_person(store, EDITOR, ministry="METI")
        add_person(store, DESK, global_role="secretariat")
        port = _free_port()
        url = store.engine.url.render_as_string(hide_password=False)
        command = [str(BIN / "ipkpi"), "serve", "--plan", str(WEBPLAN), "--db", url,
                   "--port", str(port), "--workers", "2",
                   "--public-url", f"http://127.0.0.1:{port}"]  # fmt: skip
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        log = tmp_path / "serve.log"
        with log.open("wb") as errors:
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                       stderr=errors, start_new_session=True)  # fmt: skip
        try:
            workers = _wait_for_workers(process, port, log)
            yield port, workers, store
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    finally:
        stores.close()


def _wait_for_workers(process: subprocess.Popen[bytes], port: int, log: Path) -> list[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ipkpi serve exited: {log.read_text(errors='replace')[-2000:]}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/healthz")
            healthy = conn.getresponse().status == 200
        except OSError:
            healthy = False
        finally:
            conn.close()
        if healthy:
            workers = sorted(_children_serving(process.pid))
            if len(workers) == 2:
                return workers
        time.sleep(0.3)
    raise RuntimeError("ipkpi serve --workers 2 did not start two workers")


def _children_serving(pid: int) -> set[int]:
    """The worker processes (uvicorn's children, without multiprocessing's resource tracker)."""
    return {c for c in _children(pid)
            if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")}  # fmt: skip


@contextmanager
def _one_on_each(port: int, workers: list[int]) -> Iterator[tuple[Worker, Worker]]:
    """Open connections until one is held by each worker (the kernel spreads them)."""
    held: dict[int, Worker] = {}
    spare = []
    for _ in range(200):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.connect()
        assert conn.sock is not None
        owner = None
        for _ in range(50):  # the worker accepts the connection a moment later
            owner = _owner(conn.sock.getsockname()[1], port, set(workers))
            if owner is not None:
                break
            time.sleep(0.02)
        if owner is not None and owner not in held:
            held[owner] = Worker(port, owner)
            held[owner].conn = conn
        else:
            spare.append(conn)
        if len(held) == 2:
            break
    for conn in spare:
        conn.close()
    assert len(held) == 2, "the kernel gave every connection to one worker"
    try:
        yield held[workers[0]], held[workers[1]]
    finally:
        for worker in held.values():
            assert worker.conn is not None
            worker.conn.close()


def _multipart(fields: dict[str, str], name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]  # fmt: skip
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{name}"\r\nContent-Type: text/csv\r\n\r\n')  # fmt: skip
    parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def _value_2025(worker: Worker) -> float | None:
    import json

    status, _, text = worker.request("GET", "/kpi/alpha.one.exports.json")
    assert status == 200
    rows = json.loads(text)["table"]["rows"]
    found = [
        r["value"]
        for r in rows
        if r["series_id"] == "alpha.one.exports.jpn" and r["period"] == "2025"
    ]
    return found[0] if found else None


def test_a_submission_started_on_one_worker_is_reviewed_on_the_other(server) -> None:  # type: ignore[no-untyped-def]
    port, workers, _store = server
    with _one_on_each(port, workers) as (editor, desk):
        _review_across(editor, desk)


def _review_across(editor: Worker, desk: Worker) -> None:
    editor.sign_in(EDITOR)
    desk.sign_in(DESK)
    assert _value_2025(editor) is None and _value_2025(desk) is None
    body, boundary = _multipart({"csrf_token": editor.csrf, "ministry": "METI"}, "release.csv",
                                NEW_VALUE.encode())  # fmt: skip
    kind = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    status, _, page = editor.request("POST", "/import", body, kind)
    assert status == 200, page[:1000]
    ident = re.findall(r"/submissions/(\d+)/submit", page)[0]

    def step(who: Worker, name: str, version: int) -> int:
        fields = {"csrf_token": who.csrf, "version": str(version)}
        return who.form(f"/submissions/{ident}/{name}", fields)[0]

    assert step(editor, "submit", 1) == 303  # on the editor's worker
    status, _, review = desk.request("GET", f"/submissions/{ident}")  # on the other one
    assert status == 200 and "release.csv" in review and EDITOR in review
    assert step(desk, "accept", 2) == 303
    assert step(desk, "publish", 3) == 303
    assert _value_2025(desk) == 1.62  # the publishing worker shows it at once
    deadline = time.monotonic() + 10  # the other reads the store's revision (every 2 s)
    while _value_2025(editor) is None and time.monotonic() < deadline:
        time.sleep(0.25)
    assert _value_2025(editor) == 1.62
    status, _, mine = editor.request("GET", f"/submissions/{ident}")
    assert status == 200 and "release.csv" in mine


def test_a_rate_limit_holds_across_both_workers(server) -> None:  # type: ignore[no-untyped-def]
    port, workers, _store = server
    with _one_on_each(port, workers) as (first, second):
        _guess_across(first, second)


def _guess_across(first: Worker, second: Worker) -> None:
    limit = ratelimit.SIGNIN_FAILURES_ACCOUNT.limit
    answers = []
    for attempt in range(limit):
        worker = first if attempt % 2 == 0 else second
        answers.append(worker.form("/signin", {"email": EDITOR, "password": "wrong guess"})[0])
    assert 429 not in answers  # half of the allowance was used on each worker
    for worker in (first, second):
        status, headers, _ = worker.form("/signin", {"email": EDITOR, "password": PASSWORD})
        assert status == 429 and int(headers["retry-after"]) > 0
