"""A method unit dropped into ``assessment/methods`` is found by the registry with no list edited.

The test writes a throwaway method module (its own statuses, tones and label) to a temporary
folder added to the methods package's path, rebuilds the registry, and asks the registry what
every view asks it (label, statuses in order, tone); then it removes the unit again.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipkpi.assessment import methods, registry

UNIT = """
from ipkpi.assessment.method import Method, Status
from ipkpi.text import t

METHODS = (
    Method(
        name="throwaway",
        label=t("使い捨て法", "Throwaway rule"),
        statuses=(
            Status("ahead", t("先行", "Ahead"), "good"),
            Status("behind", t("遅延", "Behind"), "bad"),
        ),
        order=(("ahead", "behind"),),
        rank=99,
        compared=99,
    ),
)
"""


@pytest.fixture
def with_unit(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "throwaway.py").write_text(UNIT, encoding="utf-8")
    methods.__path__.append(str(tmp_path))
    try:
        importlib.reload(registry)
        yield
    finally:
        methods.__path__.remove(str(tmp_path))
        sys.modules.pop("ipkpi.assessment.methods.throwaway", None)
        importlib.reload(registry)


def test_a_new_method_unit_is_found_and_asked(with_unit: None) -> None:
    assert "throwaway" in registry.METHOD_UNITS
    assert registry.METHOD_LABELS["throwaway"].en == "Throwaway rule"
    assert registry.STATUSES["throwaway"] == ("ahead", "behind")
    assert registry.status_label("throwaway", "behind").ja == "遅延"
    assert registry.tone("throwaway", "ahead") == "good"
    assert registry.tone("throwaway", "behind") == "bad"
    # the headline box's comparison asks the registry, so the unit is compared with no list edited
    assert registry.compared()[-1] == "throwaway"


def test_the_shipped_comparison_is_the_former_hand_list() -> None:
    # followup/agreement.py listed these by hand until the units said where they stand
    assert registry.compared() == ("opensdg", "eurostat", "unsd", "dns", "linear", "forecast")


def test_the_unit_is_gone_afterwards() -> None:
    assert "throwaway" not in registry.METHOD_UNITS
