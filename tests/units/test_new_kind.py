"""A KPI kind dropped into ``plan/kinds`` and ``assessment/kinds`` is found with no list edited.

The test writes a throwaway kind ("floor": a value to reach, no year, in its own fields) as its
two modules, one per layer (the plan layer does not import assessment): the plan part (model,
label, direction) and the assessment part (goal, target in a series' unit, rule). It adds the
temporary folders to both packages' paths, rebuilds ``plan.kpi`` and the registry, and asks
what the loader and the views ask; then it removes the kind again.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from ipkpi.assessment import Point, assess_kpi, goal_text, registry, target_in_unit
from ipkpi.assessment import kinds as assessment_kinds
from ipkpi.plan import kinds as plan_kinds
from ipkpi.plan import kpi
from ipkpi.plan.kpi import KpiBase, Level, Target

PLAN_UNIT = """
from typing import Literal

from ipkpi.plan.kind import PlanKind
from ipkpi.plan.kpi_base import KpiBase
from ipkpi.text import Text


class Floor(KpiBase):
    kind: Literal["floor"]
    floor: float
    unit: str


KINDS = (PlanKind("floor", Floor, Text(ja="下限", en="Floor"), 110, lambda k: "increase"),)
"""

ASSESSMENT_UNIT = """
from ipkpi.assessment.kind import Kind
from ipkpi.assessment.kinds._rules import main_series, no_series, with_target
from ipkpi.assessment.kpi_inputs import in_unit
from ipkpi.plan.kinds.floor import Floor


def goal(kpi, lang, wording):
    return f"≥ {kpi.floor:g} {kpi.unit}"


def target(kpi, unit_code):
    return in_unit(kpi.floor, kpi.unit, unit_code)


def assess(kpi, inputs):
    series = main_series(kpi)
    if series is None:
        return no_series(kpi, inputs.method)
    return with_target(kpi, inputs, series, inputs.own(series), target(kpi, series.unit), None)


KINDS = (Kind("floor", Floor, goal, target, assess),)
"""

SERIES = {"id": "ai", "label": {"ja": "ai", "en": "ai"}, "unit": "percent", "role": "kpi"}
COMMON = {"id": "ai.use", "title": {"ja": "x", "en": "x"}, "wording": {"ja": "x", "en": "x"}}


@pytest.fixture
def with_kind(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "plan").mkdir()
    (tmp_path / "assessment").mkdir()
    (tmp_path / "plan" / "floor.py").write_text(PLAN_UNIT, encoding="utf-8")
    (tmp_path / "assessment" / "floor.py").write_text(ASSESSMENT_UNIT, encoding="utf-8")
    plan_kinds.__path__.append(str(tmp_path / "plan"))
    assessment_kinds.__path__.append(str(tmp_path / "assessment"))
    try:
        importlib.reload(kpi)
        importlib.reload(registry)
        yield
    finally:
        plan_kinds.__path__.remove(str(tmp_path / "plan"))
        assessment_kinds.__path__.remove(str(tmp_path / "assessment"))
        sys.modules.pop("ipkpi.plan.kinds.floor", None)
        sys.modules.pop("ipkpi.assessment.kinds.floor", None)
        importlib.reload(kpi)
        importlib.reload(registry)


def _floor() -> KpiBase:
    data = {**COMMON, "kind": "floor", "floor": 100, "unit": "percent", "series": [SERIES]}
    found: KpiBase = TypeAdapter(kpi.Kpi).validate_python(data)
    return found


def test_a_new_kind_is_validated_labelled_and_assessed(with_kind: None) -> None:
    floor = _floor()
    assert type(floor).__name__ == "Floor" and floor.kind == "floor"  # type: ignore[attr-defined]
    assert kpi.KIND_LABELS["floor"].ja == "下限"
    listed = list(kpi.KIND_LABELS)
    assert listed.index("floor") > listed.index("milestone")  # rank 110: after the shipped (≤ 100)
    assert kpi.kpi_direction(floor) == "increase"
    assert registry.kind_of(floor).fields == ("kind", "floor", "unit")
    assert goal_text(floor, "en") == "≥ 100 percent"
    assert target_in_unit(floor, "percent") == 100.0
    # the floor's rule is the undated level's, so on the same points it must give the same verdict
    # (test_kinds.py: AI利活用率 46.8 → 47.3 %, Open SDG moderate progress toward a limit of 100)
    level = Level(
        kind="level",
        **COMMON,  # type: ignore[arg-type]
        series=floor.series,
        target=Target(value=100, unit="percent"),
    )
    points = {"ai": [Point.at("2023", 46.8), Point.at("2024", 47.3)]}
    got, want = assess_kpi(floor, points).verdict, assess_kpi(level, points).verdict
    assert got.status == want.status == "moderate_progress"
    assert got.observed_rate == pytest.approx(47.3 / 46.8 - 1)


def test_a_new_kind_refuses_what_it_does_not_hold(with_kind: None) -> None:
    data = {**COMMON, "kind": "floor", "floor": 100, "unit": "percent", "deadline": 2030}
    with pytest.raises(ValidationError, match="deadline"):
        TypeAdapter(kpi.Kpi).validate_python(data)


def test_the_kind_is_gone_afterwards() -> None:
    assert "floor" not in kpi.KIND_LABELS and "floor" not in registry.KIND_UNITS
    with pytest.raises(ValidationError):
        _floor()
