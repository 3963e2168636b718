"""docs/assessment.md documents every method, status, reason and note the code can produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.assessment.registry import METHODS, STATUS_LABELS
from ipkpi.assessment.vocabulary import NOTES, REASONS

DOC = (Path(__file__).parents[2] / "docs" / "assessment.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("method", METHODS)
def test_each_method_has_a_section(method: str) -> None:
    assert f"## `{method}`" in DOC


@pytest.mark.parametrize(
    ("method", "status", "ja", "en"),
    [(m, s, t.ja, t.en) for m, labels in STATUS_LABELS.items() for s, t in labels.items()],
)
def test_each_status_is_documented_with_its_labels(
    method: str, status: str, ja: str, en: str
) -> None:
    assert f"| `{status}` | {ja} | {en} |" in DOC


@pytest.mark.parametrize("code", [c for c in [*REASONS, *NOTES] if c])
def test_each_reason_and_note_is_documented(code: str) -> None:
    assert f"| `{code}` |" in DOC


def test_the_command_and_its_options_are_documented() -> None:
    for word in ("assess-table", "--targets", "--method", "--format", "-o FILE", "--lang"):
        assert word in DOC
