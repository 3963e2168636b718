"""The static build's crews of workers (web/site_pool.py): no thread of the build is alive
when it forks a worker (a forked child has only the thread that forked; Python 3.12 warns
when others exist), every task is done once, and a task's error comes back here. A worker
killed or stalled, pages' or stubs': tests/web/test_site_workers.py."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web import site_pool
from ipkpi.web.site import build_site
from ipkpi.web.site_pool import forked_results


def _build(plan: Plan, store: Store, out: Path) -> None:
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, workers=2)


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
