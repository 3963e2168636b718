"""The static build's worker processes: forked from the building process (they see its data
as they are), each saying which file it is writing, so that a build that cannot go on stops
with an error naming the file instead of waiting forever.

Two ways a build cannot go on:

* a worker ends (killed by the system for memory, a crash in a library): the error names
  the worker, the file it was writing and how it ended, and the other workers are stopped;
* a worker waits for something that never comes (a lock or a thread pool that did not
  survive ``fork``: Polars' did not, see :func:`.dataset.package_before_forking`): it holds
  one file for :data:`STALLED_AFTER` seconds without using any CPU time (read in ``/proc``,
  so on Linux only), and every worker is stopped.

A :class:`_Crew` is a few :class:`multiprocessing.Process` forked at once, before anything
else: the tasks are this process's own list, which the workers inherit (nothing is pickled
to them), and they take the next one from a shared counter; each sends its results back
through a pipe of its own. No thread is started here, before or after forking (a
``ProcessPoolExecutor`` has a thread that manages it and a queue with a thread of its own),
so forking a crew never copies a thread of ours (Python 3.12 warns when a process that forks
has threads); nor does the build start one before (Polars is not imported by the building
process, numpy's OpenBLAS starts none: :func:`ipkpi.settings.one_blas_thread`). What each
worker is writing is kept in memory shared with the parent (one slot of :data:`SLOT` bytes
per worker); the parent looks at every running crew every :data:`POLL` seconds while it
waits for results.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from ctypes import c_char
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

from ..text import Lang, Text

T = TypeVar("T")
R = TypeVar("R")

SLOT = 256
"""Bytes a worker has to say which file it is writing (its path in the site)."""
STALLED_AFTER = 300.0
"""Seconds a worker may hold one file without using CPU time before the build is stopped: a
page takes milliseconds; the longest (the whole-dataset downloads at 10,000 KPIs) seconds."""
POLL = 2.0
"""Seconds between two looks at the workers while results come or not."""

_SLOTS = memoryview(b"")  # in a worker: its crew's slots
_MINE = -1  # this worker's slot; -1 in the building process


class SiteBuildError(RuntimeError):
    """The build stopped before its end: ``str()`` is English, :meth:`text` either language."""

    def __init__(self, message: Text) -> None:
        self.message = message
        super().__init__(message.en)

    def text(self, lang: Lang) -> str:
        return self.message.get(lang)


class WorkerTracebackError(Exception):
    """Where a task failed in a worker: the ``__cause__`` of the error raised here."""


def working_on(name: str) -> None:
    """Say which file this worker is writing now ("" between tasks); nothing in the parent."""
    if _MINE >= 0:
        _SLOTS[_MINE * SLOT : (_MINE + 1) * SLOT] = name.encode()[:SLOT].ljust(SLOT, b"\0")


def forked_results(run: Callable[[T], R], tasks: list[T], workers: int) -> Iterator[R]:
    """``run(task)`` of every task, as they finish, in ``workers`` processes forked from this
    one; :class:`SiteBuildError` if a worker ends or stalls (the others are stopped)."""
    crew = _Crew(run, tasks, min(workers, len(tasks)))
    try:
        for _index, result in crew.results():
            yield result
    finally:
        crew.stop()


class InBackground(Generic[T, R]):
    """``run(task)`` of every task in one process forked on entry (if ``forked``; else here,
    on exit) while this one goes on; the results, in the tasks' order, once the block ends.
    The worker is watched like those of :func:`forked_results`: while they run, and while the
    block's end waits for it (an error names its file; it is stopped if the block fails)."""

    def __init__(self, run: Callable[[T], R], tasks: list[T], forked: bool) -> None:
        self.run, self.tasks, self.forked = run, tasks, forked
        self.results: list[R] = []
        self.crew: _Crew[T, R] | None = None

    def __enter__(self) -> list[R]:
        if self.forked and self.tasks:
            self.crew = _Crew(self.run, self.tasks, 1)
        return self.results

    def __exit__(
        self, kind: type[BaseException] | None, error: object, trace: TracebackType | None
    ) -> None:
        if self.crew is None:
            if kind is None:
                self.results += [self.run(task) for task in self.tasks]
            return
        try:
            if kind is None:
                done = sorted(self.crew.results(), key=lambda pair: pair[0])
                self.results += [result for _index, result in done]
        finally:
            self.crew.stop()


_RUNNING: list[_Crew[Any, Any]] = []
"""The crews whose workers may still run, looked at while any of them is waited for."""


class _Crew(Generic[T, R]):
    """``count`` workers forked now, taking ``tasks`` in turn, until :meth:`stop`."""

    def __init__(self, run: Callable[[T], R], tasks: list[T], count: int) -> None:
        context = multiprocessing.get_context("fork")
        self.tasks = tasks
        self.slots = memoryview(context.RawArray(c_char, SLOT * count)).cast("B")
        # Kept for the crew's life: freed here, its shared memory would be handed to the next
        # crew's counter or slots, and set to 0 there under this crew's running workers.
        self.turn: Synchronized[int] = context.Value("i", 0)
        turn = self.turn
        self.workers: list[tuple[BaseProcess, Connection]] = []
        for index in range(count):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(
                target=_work, args=(run, tasks, turn, self.slots, index, writer), daemon=True
            )
            process.start()
            writer.close()  # the worker's end: closed here, its reader sees EOF when it ends
            self.workers.append((process, reader))
        _RUNNING.append(self)

    def results(self) -> Iterator[tuple[int, R]]:
        """``(index of the task, its result)`` as they come; a task's error raised here."""
        open_ = {reader: process for process, reader in self.workers}
        left, looked = len(self.tasks), time.monotonic()
        while open_:
            for reader in wait(list(open_), timeout=POLL):
                assert isinstance(reader, Connection)
                try:
                    index, result, failed = reader.recv()
                except EOFError:  # the worker has ended, or closed its end after its last task
                    self._ended(open_.pop(reader))
                    continue
                if failed is not None:
                    error, where = failed
                    raise error from WorkerTracebackError(where)
                left -= 1
                yield index, result
            if time.monotonic() - looked >= POLL:
                _look_at_running()
                looked = time.monotonic()
        if left:
            raise RuntimeError(f"the site's workers ended with {left} tasks not done")

    def _ended(self, process: BaseProcess) -> None:
        process.join(5)
        if process.exitcode != 0:
            index = next(i for i, (p, _r) in enumerate(self.workers) if p is process)
            raise SiteBuildError(_ended(process.pid or 0, self.slot(index), process.exitcode))

    def slot(self, index: int) -> str:
        raw = bytes(self.slots[index * SLOT : (index + 1) * SLOT])
        return raw.rstrip(b"\0").decode(errors="replace")

    def stop(self) -> None:
        """Stop the workers still running (none after :meth:`results` ran to its end)."""
        for process, _reader in self.workers:
            if process.exitcode is None:
                process.kill()
        for process, reader in self.workers:
            process.join()
            reader.close()
            _SEEN.pop(process.pid or 0, None)
        if self in _RUNNING:
            _RUNNING.remove(self)


def _work(
    run: Callable[[T], R],
    tasks: list[T],
    turn: Synchronized[int],
    slots: memoryview,
    index: int,
    writer: Connection,
) -> None:
    """A worker: the next task not taken, until none is left or one fails."""
    global _SLOTS, _MINE
    _SLOTS, _MINE = slots, index
    while True:
        with turn.get_lock():
            task, turn.value = turn.value, turn.value + 1
        if task >= len(tasks):
            break
        try:
            writer.send((task, run(tasks[task]), None))
        except Exception as error:  # sent to the parent, which raises it
            writer.send((task, None, (_portable(error), traceback.format_exc())))
            break
        finally:
            working_on("")
    writer.close()


def _portable(error: Exception) -> Exception:
    """The error itself if it can be pickled, else a RuntimeError saying what it was."""
    try:
        ForkingPickler.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _look_at_running() -> None:
    """:class:`SiteBuildError` if a worker of any running crew holds a file without CPU."""
    now = time.monotonic()
    for crew in _RUNNING:
        for index, (process, _reader) in enumerate(crew.workers):
            name, pid = crew.slot(index), process.pid or 0
            cpu = _cpu_ticks(pid) if process.exitcode is None else None
            if not name or cpu is None:
                _SEEN.pop(pid, None)
                continue
            before = _SEEN.get(pid)
            if before is None or before[:2] != (name, cpu):
                _SEEN[pid] = (name, cpu, now)
            elif now - before[2] >= STALLED_AFTER:
                raise SiteBuildError(_stalled(pid, name, now - before[2]))


_SEEN: dict[int, tuple[str, int, float]] = {}
"""What each worker was writing, and its CPU time, when that was first seen; by pid."""


def _cpu_ticks(pid: int) -> int | None:
    """User and system CPU time of a process in clock ticks (``/proc/PID/stat``), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of proc(5)


def _ended(pid: int, name: str, code: int | None) -> Text:
    """The worker ``pid`` ended with ``code`` while writing ``name`` ("" if between tasks)."""
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
