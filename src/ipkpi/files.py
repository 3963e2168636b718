"""Files written whole or not at all: every file ipkpi writes goes through here.

Each write goes to a temporary file beside the target (same folder, so the same file system),
is flushed to disk, and is then renamed over the target with ``os.replace``, which is atomic on
POSIX and Windows. A reader sees the old file or the new one, never half of one; a crash or an
error leaves the old file as it was and no temporary file behind.

A new folder of many files (the static site's first build) is made whole instead
(:func:`staged_folder`): filled under a hidden name beside its place and renamed there once
complete, so its files are written straight (:func:`write_new`), without a rename each.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_path(target: Path, *, sync: bool = True) -> Iterator[Path]:
    """A temporary path to write to (by a library that takes a path); it becomes ``target``.

    ``with atomic_path(out) as temp: workbook.save(temp)``. ``sync=False`` skips the flush to
    disk (readers still never see half a file; a power cut may leave an empty one): for the
    static site's thousands of pages, which a rebuild writes again.
    """
    target = Path(target)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        if sync:
            _sync(temp)
        temp.chmod(0o666 & ~_UMASK)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(
    target: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """A text file open for writing that replaces ``target`` when the block ends without error."""
    with atomic_path(target) as temp, temp.open("w", encoding=encoding, newline=newline) as f:
        yield f


def write_text(
    target: Path, text: str, *, encoding: str = "utf-8", newline: str | None = None,
    sync: bool = True,
) -> None:  # fmt: skip
    """``Path.write_text``, atomically."""
    with atomic_path(target, sync=sync) as temp:
        temp.write_text(text, encoding=encoding, newline=newline)


def write_bytes(target: Path, data: bytes, *, sync: bool = True) -> None:
    """``Path.write_bytes``, atomically."""
    if not sync:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_bytes(target, data)
        return
    with atomic_path(target, sync=sync) as temp:
        temp.write_bytes(data)


_COUNTER = itertools.count()


def replace_bytes(target: Path, data: bytes) -> None:
    """``write_bytes(..., sync=False)`` in four system calls (create, write, close, rename):
    the static site writes a hundred thousand files. The folder must exist.

    The temporary name is made of the process, the thread and a counter (no random names to
    try); it is created exclusively, with the usual permissions (mode 0666 less the umask).
    """
    temp = target.with_name(
        f".{target.name}.{os.getpid()}.{threading.get_ident()}.{next(_COUNTER)}.part"
    )
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        _write_all(handle, data)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_new(target: Path, data: bytes) -> None:
    """A file in a folder no reader sees yet (:func:`staged_folder`), in three system calls
    (create, write, close): the folder appears whole, so the file need not."""
    _write_all(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o666), data)


def _write_all(handle: int, data: bytes) -> None:
    """Every byte of ``data`` to the open file ``handle`` (a write may take only part), then
    the file closed, whatever happens."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


@contextmanager
def staged_folder(target: Path) -> Iterator[tuple[Path, bool]]:
    """The folder to fill, and whether it is a new one no reader sees.

    When ``target`` does not exist yet, a hidden folder beside it, renamed to ``target`` when
    the block ends without error (removed on an error): a reader sees no folder, then the
    whole of it, so the files in it can be written straight (:func:`write_new`). Otherwise
    ``target`` itself, whose files are replaced one by one (an existing folder, even an empty
    one, is kept: it may be the working folder, a mount point or a link).
    """
    target = Path(target)
    if target.exists() or target.is_symlink():
        yield target, False
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part"))
    try:
        yield staging, True
        staging.chmod(0o777 & ~_UMASK)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def copy_file(source: Path, target: Path) -> None:
    """``shutil.copyfile``, atomically."""
    with atomic_path(target) as temp:
        shutil.copyfile(source, temp)


def _sync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation

# Read once at import (os.umask sets as it reads, so it is not asked again from threads).
_UMASK = _read_umask()
