"""A method unit dropped into ``assessment/methods`` is found by the registry with no list edited.

The test writes a throwaway method module (its own statuses, tones and label) to a temporary
folder added to the methods package's path, rebuilds the registry, and asks the registry what
every view asks it (label, statuses in order, tone); then it removes the unit again.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ipkpi.assessment import Point, methods, registry
from ipkpi.assessment.kpi_run import run
from ipkpi.followup.assess import verdicts_of
from ipkpi.plan.kpi import LevelByDeadline, Target
from ipkpi.plan.series import Series
from ipkpi.text import Text

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


@contextmanager
def method_unit(folder: Path, text: str) -> Iterator[None]:
    """``text`` as the unit ``throwaway.py`` in ``folder``, on the methods path, then gone."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "throwaway.py").write_text(text, encoding="utf-8")
    methods.__path__.append(str(folder))
    try:
        importlib.reload(registry)
        yield
    finally:
        methods.__path__.remove(str(folder))
        sys.modules.pop("ipkpi.assessment.methods.throwaway", None)
        importlib.reload(registry)


@pytest.fixture
def with_unit(tmp_path: Path) -> Iterator[None]:
    with method_unit(tmp_path, UNIT):
        yield


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
    # (a new unit may join them: only the shipped ones' order is pinned)
    shipped = ("opensdg", "eurostat", "unsd", "dns", "linear", "forecast")
    assert tuple(m for m in registry.compared() if m in shipped) == shipped


def test_the_unit_is_gone_afterwards() -> None:
    assert "throwaway" not in registry.METHOD_UNITS


HEADLINE_UNIT = """
from dataclasses import replace

from ipkpi.assessment.method import Method
from ipkpi.assessment.methods.linear import assess_linear
from ipkpi.assessment.methods.opensdg import ORDER, STATUSES
from ipkpi.text import t


def kernel(batch, **options):
    return replace(assess_linear(batch, **options), method="throwaway")


METHODS = (
    Method(
        name="throwaway",
        label=t("使い捨て法", "Throwaway rule"),
        statuses=STATUSES,
        order=ORDER,
        kernel=kernel,
        headline=True,
        rank=99,
        compared=99,
    ),
)
"""


@pytest.fixture
def with_headline_unit(tmp_path: Path) -> Iterator[None]:
    with method_unit(tmp_path, HEADLINE_UNIT):
        yield


def test_a_new_headline_method_is_run_for_every_kpi(with_headline_unit: None) -> None:
    """The follow-up asks the registry which methods to run when it runs (no import-time copy)."""
    kpi = LevelByDeadline(
        kind="level_by_deadline",
        id="cj.content",
        title=Text(ja="x", en="x"),
        wording=Text(ja="x", en="x"),
        series=[Series(id="c", label=Text(ja="c", en="c"), unit="jpy_oku", role="kpi")],
        target=Target(value=20, unit="兆円"),
        deadline=2033,
    )
    # tests/assessment/test_kinds.py's 海外市場規模 series (億円, 2019–2023), target 20兆円 by 2033
    points = {
        "c": [Point.at(str(2019 + i), v) for i, v in enumerate([39000, 40000, 45000, 47000, 58000])]
    }
    found = {v.method: v for v in verdicts_of(kpi, points, dt.date(2025, 6, 1))}
    assert "throwaway" in found
    ours = found["throwaway"]
    linear = run(kpi.id, "linear", points["c"], kpi.series[0], direction="increase",
                 target=200000.0, target_year=2033)  # fmt: skip
    assert (ours.status, ours.target) == (linear.status, 200000.0)
    # linear gap rule: (58000 − 39000)/4 = 4750 a year against (200000 − 39000)/14 = 11500 needed,
    # p = 0.41: at least 0 and under 0.6 → limited progress
    assert ours.status == "limited_progress"
    assert ours.method_label.en == "Throwaway rule"
