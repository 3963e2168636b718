"""The static build with several workers: the same files as one process writes, also when
this process has started Polars' thread pool before forking (the build used to wait forever
then), and a page that fails stops the build with its error (no manifest, so nothing
half-built is trusted).

Why it hung: a forked child has only the thread that forked. Polars starts its pool of
threads once per process; a child forked after that finds the pool "started" with none of
its threads, and its first Polars call (the data page's Data Package) waits for them forever.
The session's ``store`` fixture imports with Polars, so under pytest the parent always had
the pool; the CLI had not, which is why no 2-worker build outside pytest ever hung.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ipkpi.cli import web_cmd
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.followup.verdict_cache import CACHE_FILE
from ipkpi.plan import Plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.web import site, site_pool
from ipkpi.web.dashboard import Dashboard
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import MANIFEST
from ipkpi.web.site_pool import SiteBuildError

from .conftest import WEBPLAN, make_store

ROOT = Path(__file__).resolve().parents[2]


def _contents(root: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if not path.is_file() or name in (MANIFEST, CACHE_FILE):
            continue
        if path.suffix == ".zip":  # the data package's entries carry the minute they were made
            with zipfile.ZipFile(path) as archive:
                found[name] = [(i.filename, archive.read(i)) for i in archive.infolist()]
        else:
            found[name] = path.read_bytes()
    return found


def _one_worker(plan: Plan, store: Store, out: Path) -> dict[str, object]:
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=1)
    return _contents(out)


# method="thread": a hung pool cannot be interrupted by a signal (leaving the executor's
# block joins the workers), so a regression ends the run with every thread's stack instead.
@pytest.mark.timeout(180, method="thread")
def test_two_workers_write_what_one_process_writes(
    plan: Plan, store: Store, tmp_path: Path
) -> None:
    reports = {}
    for workers in (1, 2):
        provider = FollowUpProvider(plan, StoreSource(store, plan))
        reports[workers] = build_site(provider, tmp_path / f"w{workers}", workers=workers)
    one, two = _contents(tmp_path / "w1"), _contents(tmp_path / "w2")
    assert len(one) > 100 and any(n.startswith("as-of/") for n in one)  # stubs and vintages
    assert any(n.endswith("data.zip") for n in one)  # the page that needs Polars
    assert sorted(one) == sorted(two)
    assert [n for n in one if one[n] != two[n]] == []
    assert reports[1] == reports[2]  # pages, files and bytes counted alike


FORKED_AFTER_POLARS = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    import polars as pl
    from ipkpi.followup import FollowUpProvider
    from ipkpi.followup.store_source import StoreSource
    from ipkpi.plan.loader import load_plan
    from ipkpi.web.site import build_site
    from tests.web.conftest import WEBPLAN, make_store

    frame = pl.DataFrame({"a": list(range(1000)), "b": [str(i) for i in range(1000)]})
    frame.with_columns(pl.col("b").str.len_chars())  # Polars starts its threads here
    print("threads", len(os.listdir("/proc/self/task")), flush=True)
    out = Path(sys.argv[1])
    plan = load_plan(WEBPLAN)
    store = make_store(out.parent / "forked.db", plan)
    report = build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)
    print("files", report.files, flush=True)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_a_build_forked_after_polars_started_its_threads_finishes(
    plan: Plan, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "forked" / "site"
    out.parent.mkdir()
    run = subprocess.Popen(
        [sys.executable, "-c", FORKED_AFTER_POLARS, str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its workers too are stopped if it hangs
    )
    try:
        stdout, stderr = run.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        stdout, stderr = run.communicate()
        pytest.fail(f"the 2-worker build hung after Polars had started its threads\n{stdout}")
    assert run.returncode == 0, stderr[-3000:]
    threads = int(stdout.split("threads ")[1].split()[0])
    assert threads > 1  # the premise: the process forked with Polars' threads alive
    assert _contents(out) == _one_worker(plan, store, tmp_path / "one")


ONE_THREAD_AT_EACH_FORK = textwrap.dedent(
    """
    import json, os, sys

    def threads():
        names = []
        for task in os.listdir("/proc/self/task"):
            try:
                names.append(open(f"/proc/self/task/{task}/comm").read().strip())
            except OSError:  # ended while listed
                pass
        return names

    forks, fork = [], os.fork

    def counted():
        forks.append(threads())  # what the child would have lost: every thread but this one
        return fork()

    os.fork = counted
    from ipkpi.cli.main import main

    sys.argv = ["ipkpi", "build-site", *sys.argv[1:], "--workers", "2"]
    try:
        main()
    finally:
        print("FORKS", json.dumps(forks), flush=True)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_the_command_forks_its_workers_with_no_other_thread_alive(
    plan: Plan, tmp_path: Path
) -> None:
    """``ipkpi build-site --workers 2`` in a process of its own (this one has Polars' threads):
    at each fork (the stubs' process, each worker) it has one thread, its own. Polars is not
    imported there (a worker makes the Data Package), numpy's OpenBLAS starts no thread and the
    progress bar is redrawn without one; Python 3.12 would warn otherwise. The plan's shipped
    observations are stored already (the command imports them, with Polars, when missing)."""
    store = make_store(tmp_path / "forks.db", plan)
    ensure_shipped(store, WEBPLAN, catalog_from_plan(plan), plan=plan)
    out = tmp_path / "site"
    run = subprocess.run(
        [
            sys.executable,
            "-W",
            "always::DeprecationWarning",  # "-W error" is not raised by os.fork (3.12)
            "-c",
            ONE_THREAD_AT_EACH_FORK,
            str(out),
            "--db",
            store.engine.url.render_as_string(hide_password=False),
            "--plan",
            str(WEBPLAN),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    forks = json.loads(run.stdout.split("FORKS ", 1)[1])
    assert len(forks) == 3  # the forwarding stubs' process, then the two page workers
    assert [len(names) for names in forks] == [1, 1, 1], forks
    assert "multi-threaded" not in run.stderr
    assert _contents(out) == _one_worker(plan, store, tmp_path / "one")  # the package too
    store.close()


def test_a_page_that_fails_in_a_worker_stops_the_build(
    plan: Plan, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = Dashboard.render

    def failing(self: Dashboard, route: str, *args: Any, **kwargs: Any) -> Any:
        if route == "part":
            raise RuntimeError("part page failed")
        return render(self, route, *args, **kwargs)

    monkeypatch.setattr(Dashboard, "render", failing)
    out = tmp_path / "site"
    with pytest.raises(RuntimeError, match="part page failed"):
        build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)
    assert not (out / MANIFEST).exists()


def _part_pages_in_a_worker(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """A part's page, in a worker (not in this process), does ``then()`` first."""
    render = Dashboard.render

    def doing(self: Dashboard, route: str, *args: Any, **kwargs: Any) -> Any:
        if route == "part" and multiprocessing.parent_process() is not None:
            then()
        return render(self, route, *args, **kwargs)

    monkeypatch.setattr(Dashboard, "render", doing)


PART_PAGE = r"(en/)?part/[\w./-]+\.html"
STUB = r"(en/)?as-of/\d{4}-\d\d-\d\d[\w./-]*/[\w.-]+\.html"  # a stub of the latest vintage


def _stubs_in_a_worker(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """Writing a forwarding stub, in a worker (the stubs' own process), does ``then()`` first."""
    write = site.write_new

    def writing(path: Path, body: bytes) -> None:
        if b'http-equiv="refresh"' in body and multiprocessing.parent_process() is not None:
            then()
        write(path, body)

    monkeypatch.setattr(site, "write_new", writing)


Hook = Callable[[pytest.MonkeyPatch, Callable[[], None]], None]
#: Where a worker stops: a page worker writing a part's page, or the process writing the
#: forwarding stubs while the building process assesses (watched the same way).
WORKERS = pytest.mark.parametrize(
    ("in_a_worker", "file"),
    [(_part_pages_in_a_worker, PART_PAGE), (_stubs_in_a_worker, STUB)],
    ids=["page worker", "stubs worker"],
)


@WORKERS
@pytest.mark.timeout(120, method="thread")
def test_a_worker_that_dies_stops_the_build_naming_the_file_it_was_writing(
    plan: Plan,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_a_worker: Hook,
    file: str,
) -> None:
    in_a_worker(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    out = tmp_path / "site"
    with pytest.raises(SiteBuildError) as raised:
        build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)
    ja, en = raised.value.text("ja"), raised.value.text("en")
    assert re.search(rf"\(pid \d+\) ended while writing {file} \(signal 9, SIGKILL\)", en), en
    assert re.search(rf"が {file} を書いている間に終了しました（シグナル 9（SIGKILL））", ja), ja
    assert "--workers" in en and "--workers" in ja
    assert str(raised.value) == en
    assert not (out / MANIFEST).exists()
    assert multiprocessing.active_children() == []  # every worker is gone


@WORKERS
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads CPU times in /proc")
@pytest.mark.timeout(120, method="thread")
def test_a_worker_that_waits_for_ever_stops_the_build_naming_the_file(
    plan: Plan,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    in_a_worker: Hook,
    file: str,
) -> None:
    monkeypatch.setattr(site_pool, "STALLED_AFTER", 1.5)
    monkeypatch.setattr(site_pool, "POLL", 0.25)
    in_a_worker(monkeypatch, lambda: time.sleep(3600))  # no CPU, like a lock
    out = tmp_path / "site"
    started = time.monotonic()
    with pytest.raises(SiteBuildError) as raised:
        build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)
    assert time.monotonic() - started < 60
    ja, en = raised.value.text("ja"), raised.value.text("en")
    assert re.search(rf"has used no CPU time for \d+ s since it began writing {file} ", en), en
    assert re.search(rf"が {file} を書き始めてから \d+ 秒、CPU を使わずに止まっています", ja), ja
    assert not (out / MANIFEST).exists()
    assert multiprocessing.active_children() == []


@pytest.mark.timeout(120, method="thread")
def test_the_command_says_in_both_languages_which_file_a_dead_worker_was_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _part_pages_in_a_worker(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    args = [str(tmp_path / "site"), "--plan", str(WEBPLAN), "--db", str(tmp_path / "s.db")]
    result = CliRunner().invoke(web_cmd.build_site, [*args, "--workers", "2"])
    assert result.exit_code == 1
    assert re.search(
        rf"Error: サイトの作業プロセス（pid \d+）が {PART_PAGE} を書いている", result.output
    )
    assert re.search(
        rf"\na site worker process \(pid \d+\) ended while writing {PART_PAGE}", result.output
    )
    assert "Traceback" not in result.output
