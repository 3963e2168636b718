"""Atomic writes: a file ipkpi writes is whole or untouched, and every writer goes through them."""

from __future__ import annotations

import ast
import stat
from pathlib import Path

import pytest

import ipkpi
from ipkpi import files

PACKAGE = Path(ipkpi.__file__).parent

#: Modules that write files of their own and why they need not be atomic: scratch files in a
#: private temporary folder that nobody else reads.
SCRATCH_WRITERS = {
    "web/upload.py": "streams an upload into the request's private temporary folder",
    "service/data_files.py": "puts a submission's bytes in a private mkdtemp folder to import",
}


def test_write_text_replaces_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "status.csv"
    target.write_text("old\n", encoding="utf-8")
    files.write_text(target, "kpi,value\n1-1,42\n")
    assert target.read_text(encoding="utf-8") == "kpi,value\n1-1,42\n"
    assert [p.name for p in tmp_path.iterdir()] == ["status.csv"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF old")
    with pytest.raises(RuntimeError, match="renderer failed"), files.atomic_path(target) as temp:
        temp.write_bytes(b"%PDF half")
        raise RuntimeError("renderer failed")
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_atomic_open_streams_text_and_makes_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "table.txt"
    with files.atomic_open(target) as handle:
        handle.write("一行目\n")
        assert not target.exists()  # nothing visible until the block ends
    assert target.read_text(encoding="utf-8") == "一行目\n"


def test_written_files_have_the_usual_permissions_not_mkstemps_0600(tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    files.write_bytes(target, b"<!doctype html>", sync=False)
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode == 0o666 & ~files._UMASK
    assert mode & stat.S_IRGRP  # a web server running as another user can read it


def test_copy_file(tmp_path: Path) -> None:
    source = tmp_path / "a.css"
    source.write_text("body{}", encoding="utf-8")
    files.copy_file(source, tmp_path / "static" / "a.css")
    assert (tmp_path / "static" / "a.css").read_text(encoding="utf-8") == "body{}"


def _writes(tree: ast.AST) -> list[str]:
    """Calls in a module that write a file without ipkpi.files."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("write_text", "write_bytes") and isinstance(func, ast.Attribute):
            owner = func.value
            # click.HelpFormatter.write_text wraps help text into a string buffer: no file
            if not (isinstance(owner, ast.Name) and owner.id in ("temp", "files", "formatter")):
                found.append(f"{node.lineno} .{name}()")
        elif name in ("copyfile", "copy", "copy2") and isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id == "shutil":
                found.append(f"{node.lineno} shutil.{name}()")
        elif name == "open":
            if node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "temp":
                continue  # the temporary file of files.atomic_path
            modes = [a.value for a in node.args if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords if k.arg == "mode"
                      and isinstance(k.value, ast.Constant)]  # fmt: skip
            if any(isinstance(m, str) and ("w" in m or "a" in m or "x" in m) for m in modes):
                found.append(f"{node.lineno} open({modes[0]!r})")
    return found


def test_every_file_ipkpi_writes_goes_through_ipkpi_files() -> None:
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        name = str(path.relative_to(PACKAGE))
        if name in SCRATCH_WRITERS or name == "files.py":
            continue
        writes = _writes(ast.parse(path.read_text(encoding="utf-8")))
        if writes:
            offenders[name] = writes
    assert offenders == {}


def test_the_scratch_writers_still_exist() -> None:
    for name in SCRATCH_WRITERS:
        assert _writes(ast.parse((PACKAGE / name).read_text(encoding="utf-8"))), name


def test_a_new_folder_appears_whole_under_its_name(tmp_path: Path) -> None:
    target = tmp_path / "site"
    with files.staged_folder(target) as (folder, fresh):
        assert fresh and folder != target and folder.parent == tmp_path
        assert folder.name.startswith(".site.")
        files.write_new(folder / "index.html", b"<p>whole</p>")
        assert not target.exists()  # a reader sees no site until it is complete
    assert (target / "index.html").read_bytes() == b"<p>whole</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode == 0o777 & ~files._UMASK  # as mkdir makes it, not mkdtemp's 0700


def test_an_existing_folder_even_empty_is_filled_in_place(tmp_path: Path) -> None:
    # it may be the working folder (build-site .), a mount point or a link: never replaced
    target = tmp_path / "site"
    target.mkdir()
    with files.staged_folder(target) as (folder, fresh):
        assert folder == target and not fresh


def test_a_folder_that_holds_files_is_filled_in_place(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    with files.staged_folder(target) as (folder, fresh):
        assert folder == target and not fresh


def test_a_failed_build_leaves_no_folder_and_no_staging(tmp_path: Path) -> None:
    target = tmp_path / "site"
    with pytest.raises(RuntimeError), files.staged_folder(target) as (folder, _fresh):
        files.write_new(folder / "half.html", b"<p>half")
        raise RuntimeError("render failed")
    assert list(tmp_path.iterdir()) == []
