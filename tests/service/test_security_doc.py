"""Every test docs/security.md names exists, in the file it names (a renamed test fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def named_tests() -> list[tuple[str, str]]:
    """(file, test) for each ``path::test`` and each ``::test`` after it in the same cell."""
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    found = []
    for cell in text.split("|"):
        current = ""
        for path, name in re.findall(r"`((?:tests/)?[\w/]*test_\w+\.py)?(?:::(\w+))?`", cell):
            current = _resolved(path) if path else current
            if name:
                found.append((current, name))
    return found


def _resolved(path: str) -> str:
    """``test_signin.py`` (short, as the table writes it after the first mention) → its path."""
    if path.startswith("tests/"):
        return path
    [found] = (ROOT / "tests").rglob(path)
    return str(found.relative_to(ROOT))


def test_every_named_test_exists() -> None:
    named = named_tests()
    assert len(named) > 30
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M)
    ]
    assert missing == []
