"""Methods and KPI kinds are registered units: each record is complete, and the code asks it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipkpi.assessment import (
    HEADLINE_METHODS,
    KIND_UNITS,
    METHOD_UNITS,
    METHODS,
    KpiAssessment,
    assess_kpi,
    kind_of,
    target_in_unit,
    tone,
)
from ipkpi.assessment.method import TONES
from ipkpi.assessment.vocabulary import NA
from ipkpi.plan import KPI_KINDS
from ipkpi.plan.loader import load_plan

PLAN = load_plan(Path(__file__).parents[2] / "plans" / "ip2025")


def test_every_status_has_a_tone_and_both_labels() -> None:
    for method in METHOD_UNITS.values():
        assert method.statuses, method.name
        assert len(set(method.codes)) == len(method.codes), method.name
        for status in method.statuses:
            assert status.tone in (*TONES, "rising", "falling"), (method.name, status.code)
            assert status.label.missing() == [], (method.name, status.code)


def test_every_status_of_a_kernel_is_ranked_on_a_scale() -> None:
    for name in METHODS:
        method = METHOD_UNITS[name]
        ranked = {code for scale in method.order for code in scale}
        assert ranked <= set(method.codes), name
        assert set(method.codes) - ranked <= {NA, "no_clear_trend"}, name
        assert NA in method.codes, name


def test_headline_methods_are_the_published_ones() -> None:
    # the four published methods (progress-methods.md) can give a headline, the rules that stand
    # in for them on ranks and trends cannot; a new headline unit may join without this edited
    assert {"opensdg", "eurostat", "unsd", "dns"} <= set(HEADLINE_METHODS)
    assert not {"linear", "forecast", "trend", "evidence"} & set(HEADLINE_METHODS)


def test_a_rise_is_good_news_only_when_a_rise_is_wanted() -> None:
    assert tone("trend", "rising", "increase") == "fair"
    assert tone("trend", "rising", "decrease") == "bad"
    assert tone("trend", "rising", None) == "neutral"
    assert tone("opensdg", "deterioration") == "bad"


def test_every_plan_kind_has_a_registered_rule() -> None:
    assert set(KIND_UNITS) == set(KPI_KINDS)
    for name, kind in KIND_UNITS.items():
        assert kind.model is KPI_KINDS[name]
        assert "kind" in kind.fields and "id" not in kind.fields


@pytest.mark.parametrize("kpi", PLAN.kpis(), ids=lambda k: k.id)
def test_every_shipped_kpi_has_a_goal_and_a_rule(kpi) -> None:  # type: ignore[no-untyped-def]
    kind = kind_of(kpi)
    for lang in ("ja", "en"):
        assert kind.goal(kpi, lang, None).strip(), (kpi.id, lang)
    found = assess_kpi(kpi, {}, today=dt.date(2026, 12, 1))
    assert isinstance(found, KpiAssessment) and found.kind == kind.name


@pytest.mark.parametrize("kpi", PLAN.kpis(), ids=lambda k: k.id)
def test_a_kind_with_a_target_gives_it_in_the_series_unit(kpi) -> None:  # type: ignore[no-untyped-def]
    series = kpi.main_series()
    has_target = "target" in kind_of(kpi).fields or "target_rank" in kind_of(kpi).fields
    if series is not None and has_target:
        assert target_in_unit(kpi, series.unit) is not None, kpi.id
