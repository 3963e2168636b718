"""The static build's worker processes: forked from the building process (they see its data
as they are), each saying which file it is writing, so that a build that cannot go on stops
with an error naming the file instead of waiting forever.

Two ways a build cannot go on:

* a worker ends (killed by the system for memory, a crash in a library): the pool is broken,
  and the error names the file the worker was writing and how it ended;
* a worker waits for something that never comes (a lock or a thread pool that did not
  survive ``fork``: Polars' did not, see :func:`.dataset.make_package`): it holds one file
  for :data:`STALLED_AFTER` seconds without using any CPU time (read in ``/proc``, so on
  Linux only), and every worker is stopped.

What each worker is writing is kept in memory shared with the parent (one slot of
:data:`SLOT` bytes per worker); the parent looks at it every :data:`POLL` seconds while it
waits for results.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from ctypes import c_char
from multiprocessing.process import BaseProcess
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import TypeVar

from ..text import Lang, Text

T = TypeVar("T")
R = TypeVar("R")

SLOT = 256
"""Bytes a worker has to say which file it is writing (its path in the site)."""
STALLED_AFTER = 300.0
"""Seconds a worker may hold one file without using CPU time before the build is stopped: a
page takes milliseconds; the longest (the whole-dataset downloads at 10,000 KPIs) seconds."""
POLL = 2.0
"""Seconds between two looks at the workers while no result comes."""

_SLOTS = memoryview(b"")  # the shared slots (bytes of a ctypes array); set before forking
_MINE = -1  # this worker's slot; -1 in the building process
_PID = b""  # this worker's process id and a tab, at the start of its slot


class SiteBuildError(RuntimeError):
    """The build stopped before its end: ``str()`` is English, :meth:`text` either language."""

    def __init__(self, message: Text) -> None:
        self.message = message
        super().__init__(message.en)

    def text(self, lang: Lang) -> str:
        return self.message.get(lang)


def working_on(name: str) -> None:
    """Say which file this worker is writing now ("" between tasks); nothing in the parent."""
    if _MINE >= 0:
        data = (_PID + name.encode())[:SLOT].ljust(SLOT, b"\0")
        _SLOTS[_MINE * SLOT : (_MINE + 1) * SLOT] = data


def forked_results(run: Callable[[T], R], tasks: list[T], workers: int) -> Iterator[R]:
    """``run(task)`` of every task, as they finish, in ``workers`` processes forked from this
    one; :class:`SiteBuildError` if a worker ends or stalls (the others are stopped)."""
    global _SLOTS
    context = multiprocessing.get_context("fork")
    count = min(workers, len(tasks))
    _SLOTS = memoryview(context.RawArray(c_char, SLOT * count)).cast("B")
    claimed = context.Value("i", 0)
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=_claim, initargs=(claimed,)
    ) as pool:
        pending: set[Future[R]] = {pool.submit(_tracked, run, task) for task in tasks}
        processes = dict(pool._processes)  # all forked by the first submit (fork context)
        watch = _Watch()
        try:
            while pending:
                done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                if not done:
                    watch.look()
        except BrokenProcessPool:
            raise SiteBuildError(_ended(processes)) from None
        except SiteBuildError:
            for process in processes.values():
                process.kill()
            raise


def _claim(claimed: Synchronized[int]) -> None:
    global _MINE, _PID
    with claimed.get_lock():
        _MINE = claimed.value
        claimed.value += 1
    _PID = f"{os.getpid()}\t".encode()
    working_on("")


def _tracked(run: Callable[[T], R], task: T) -> R:
    try:
        return run(task)
    finally:
        working_on("")


def _slots() -> dict[int, str]:
    """The file each worker that has started is writing ("" if none), by process id."""
    found: dict[int, str] = {}
    for index in range(len(_SLOTS) // SLOT):
        raw = bytes(_SLOTS[index * SLOT : (index + 1) * SLOT])
        pid, _, name = raw.rstrip(b"\0").decode(errors="replace").partition("\t")
        if pid:
            found[int(pid)] = name
    return found


class _Watch:
    """What each worker was writing, and its CPU time, when that was first seen."""

    def __init__(self) -> None:
        self.seen: dict[int, tuple[str, int, float]] = {}

    def look(self) -> None:
        now = time.monotonic()
        for pid, name in _slots().items():
            cpu = _cpu_ticks(pid)
            if not name or cpu is None:
                self.seen.pop(pid, None)
                continue
            before = self.seen.get(pid)
            if before is None or before[:2] != (name, cpu):
                self.seen[pid] = (name, cpu, now)
            elif now - before[2] >= STALLED_AFTER:
                raise SiteBuildError(_stalled(pid, name, now - before[2]))


def _cpu_ticks(pid: int) -> int | None:
    """User and system CPU time of a process in clock ticks (``/proc/PID/stat``), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of proc(5)


def _ended(processes: Mapping[int, BaseProcess]) -> Text:
    """Which worker ended on its own (the pool stops the others with SIGTERM), writing what."""
    for process in processes.values():
        process.join(5)
    order = sorted(processes)
    ended = [p for p in order if processes[p].exitcode not in (None, -signal.SIGTERM)]
    pid = (ended or order)[0]
    name, code = _slots().get(pid, ""), processes[pid].exitcode
    if code is not None and code < 0:
        name_of = signal.Signals(-code).name
        how_ja, how_en = f"シグナル {-code}（{name_of}）", f"signal {-code}, {name_of}"
    else:
        how_ja, how_en = f"終了コード {code}", f"exit code {code}"
    where_ja = f" {name} を書いている間に" if name else "タスクの合間に"
    where_en = f"while writing {name}" if name else "between two tasks"
    return Text(
        ja=f"サイトの作業プロセス（pid {pid}）が{where_ja}終了しました（{how_ja}）。ビルドを"
        "中止しました（manifest は書いていないので、次のビルドはすべてのページを描き直します）。"
        "メモリ不足で止められた場合は --workers を減らしてください。",
        en=f"a site worker process (pid {pid}) ended {where_en} ({how_en}); the build was "
        "stopped (no manifest written, so the next build renders every page again). If the "
        "system stopped it for lack of memory, use fewer --workers.",
    )


def _stalled(pid: int, name: str, seconds: float) -> Text:
    return Text(
        ja=f"サイトの作業プロセス（pid {pid}）が {name} を書き始めてから {seconds:.0f} 秒、CPU を"
        "使わずに止まっています（おそらくロックかスレッドを待っています）。作業プロセスをすべて止め、"
        "ビルドを中止しました（manifest は書いていません）。",
        en=f"a site worker process (pid {pid}) has used no CPU time for {seconds:.0f} s "
        f"since it began writing {name} (probably waiting for a lock or a thread); every "
        "worker was stopped and the build with them (no manifest written).",
    )
