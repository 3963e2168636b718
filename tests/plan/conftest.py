from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid plan."""
    target = tmp_path / "plan"
    shutil.copytree(MINIMAL, target)
    return target


Edit = Callable[[Path, str, str], None]


def replace_in(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, relative: str, needle: str) -> int:
    """The line holding exactly ``needle`` (the last such), else the last line containing it."""
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    exact = [n for n, line in enumerate(lines, 1) if line.strip() == needle.strip()]
    partial = [n for n, line in enumerate(lines, 1) if needle in line]
    found = exact or partial
    if not found:
        raise AssertionError(f"{needle!r} not in {relative}")
    return found[-1]
