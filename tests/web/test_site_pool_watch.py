"""The static build's workers (web/site_pool.py) beyond the pages: the process that writes the
forwarding stubs is watched like the page workers (killed or stalled: an error naming it and
its file, no manifest), and no thread of the build is alive when it forks a worker (a forked
child has only the thread that forked; Python 3.12 warns when others exist)."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web import site, site_pool
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import MANIFEST
from ipkpi.web.site_pool import SiteBuildError, forked_results

STUB = r"(en/)?as-of/\d{4}-\d\d-\d\d[\w./-]*/[\w.-]+\.html"  # a stub of the latest vintage


def _stubs_in_a_worker(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None]) -> None:
    """Writing a forwarding stub, in a worker (not in this process), does ``then()`` first."""
    write = site.write_new

    def writing(path: Path, body: bytes) -> None:
        if b'http-equiv="refresh"' in body and multiprocessing.parent_process() is not None:
            then()
        write(path, body)

    monkeypatch.setattr(site, "write_new", writing)


def _build(plan: Plan, store: Store, out: Path) -> None:
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)


@pytest.mark.timeout(120, method="thread")
def test_a_stubs_worker_that_dies_stops_the_build_naming_the_stub(
    plan: Plan, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stubs_in_a_worker(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    out = tmp_path / "site"
    with pytest.raises(SiteBuildError) as raised:
        _build(plan, store, out)
    ja, en = raised.value.text("ja"), raised.value.text("en")
    assert re.search(rf"\(pid \d+\) ended while writing {STUB} \(signal 9, SIGKILL\)", en), en
    assert re.search(rf"（pid \d+）が {STUB} を書いている間に終了しました（シグナル 9", ja), ja
    assert not (out / MANIFEST).exists()
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads CPU times in /proc")
@pytest.mark.timeout(120, method="thread")
def test_a_stubs_worker_that_waits_for_ever_stops_the_build_naming_the_stub(
    plan: Plan, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_pool, "STALLED_AFTER", 1.5)
    monkeypatch.setattr(site_pool, "POLL", 0.25)
    _stubs_in_a_worker(monkeypatch, lambda: time.sleep(3600))  # no CPU, like a lock
    out = tmp_path / "site"
    started = time.monotonic()
    with pytest.raises(SiteBuildError) as raised:
        _build(plan, store, out)
    assert time.monotonic() - started < 60
    en = raised.value.text("en")
    assert re.search(rf"has used no CPU time for \d+ s since it began writing {STUB} ", en), en
    assert not (out / MANIFEST).exists()
    assert multiprocessing.active_children() == []


def test_no_thread_of_the_build_is_alive_when_it_forks(
    plan: Plan, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = set(threading.enumerate())
    extra: list[list[str]] = []
    fork = os.fork

    def forking() -> int:
        extra.append([t.name for t in threading.enumerate() if t not in before])
        return fork()

    monkeypatch.setattr(os, "fork", forking)
    _build(plan, store, tmp_path / "site")
    assert extra == [[], [], []]  # the stubs' process, then the two page workers
    assert multiprocessing.active_children() == []


def _fails_on_three(task: int) -> int:
    if task == 3:
        raise ValueError("task three")
    return task * 10


def test_every_result_comes_back_and_a_task_s_error_is_raised_here() -> None:
    assert sorted(forked_results(_fails_on_three, [0, 1, 2, 4, 5], 2)) == [0, 10, 20, 40, 50]
    with pytest.raises(ValueError, match="task three") as raised:
        list(forked_results(_fails_on_three, [0, 1, 2, 3, 4, 5], 2))
    assert "_fails_on_three" in str(raised.value.__cause__)  # the worker's traceback
    assert multiprocessing.active_children() == []


def _slowly(task: int) -> int:
    time.sleep(0.05)
    return task


def test_a_background_crew_and_a_second_crew_each_do_every_task_once() -> None:
    """A crew's shared task counter lives as long as the crew: freed, its memory went to the
    next crew's counter, which reset it to 0 under the running worker (the stubs' five tasks of
    a 2,000-KPI build came back seven times: 'ended with -2 tasks not done')."""
    with site_pool.InBackground(_slowly, list(range(8)), forked=True) as early:
        later = sorted(forked_results(_slowly, list(range(100, 106)), 2))
    assert early == list(range(8))
    assert later == list(range(100, 106))
    assert multiprocessing.active_children() == []
