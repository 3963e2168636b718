"""A verdict is data: every field JSON-ready, every status labelled, every sentence bilingual."""

from __future__ import annotations

import json

import pytest

from ipkpi.assessment import METHOD_UNITS, METHODS, STATUS_LABELS, STATUSES, assess_series
from ipkpi.assessment.registry import STATUS_ORDER
from ipkpi.assessment.vocabulary import NOTES, REASONS


def test_every_method_has_a_kernel_and_a_vocabulary() -> None:
    # the shipped ones, in rank order; a new method unit may join them without this test edited
    shipped = ("opensdg", "eurostat", "unsd", "dns", "forecast", "linear", "trend")
    assert tuple(m for m in METHODS if m in shipped) == shipped
    assert all(METHOD_UNITS[m].kernel is not None for m in METHODS)
    assert set(METHODS) <= set(STATUS_LABELS)


def test_every_status_has_both_labels() -> None:
    for method, labels in STATUS_LABELS.items():
        for status, label in labels.items():
            assert label.missing() == [], (method, status)
    for text in [*NOTES.values(), *[r for k, r in REASONS.items() if k]]:
        assert text.missing() == []


def test_every_ordered_status_is_in_its_vocabulary() -> None:
    for method, scales in STATUS_ORDER.items():
        for scale in scales:
            assert set(scale) <= set(STATUSES[method])


def test_open_sdg_vocabulary_is_exactly_the_published_one() -> None:
    assert set(STATUSES["opensdg"]) == {
        "target_achieved",
        "substantial_progress",
        "moderate_progress",
        "limited_progress",
        "deterioration",
        "not_available",
    }


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("years", "values", "kw"),
    [
        ([2015, 2017, 2018, 2019, 2020, 2021], [10, 11, 12, 12.5, 13, 15], {"target": 20}),
        ([2015, 2017, 2018, 2019, 2020, 2021], [10, 11, 12, 12.5, 13, 15], {}),
        ([2021], [15], {"target": 20}),
    ],
)
def test_each_verdict_serialises_and_explains_itself(
    method: str, years: list[float], values: list[float], kw: dict[str, float]
) -> None:
    v = assess_series((years, values), method, direction="increase", target_year=2030, **kw)
    data = json.loads(json.dumps(v.to_dict(), allow_nan=False))
    assert data["status"] == v.status and data["method"] == method
    text = v.explain()
    assert text.missing() == []
    assert text.en.startswith(v.method_label.en)
    if v.status == "not_available":
        assert v.reason and v.score is None


def test_a_verdict_carries_its_inputs_and_thresholds() -> None:
    v = assess_series(
        ([2015, 2019], [14.5, 10.1]), "opensdg", direction="decrease", target=7.25, target_year=2030
    )
    d = v.to_dict()
    assert (d["base_year"], d["base_value"], d["current_year"], d["current_value"]) == (
        2015.0,
        14.5,
        2019.0,
        10.1,
    )
    assert (d["target"], d["target_year"]) == (7.25, 2030.0)
    assert d["thresholds"] == {"high": 0.95, "med": 0.6, "low": 0.0}
    assert d["explanation"]["ja"].startswith("Open SDG")
