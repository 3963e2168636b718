"""The follow-up: values as known at a date, verdicts by every method, what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from ipkpi.assessment.points import period_year
from ipkpi.followup import (
    FollowUp,
    FollowUpProvider,
    MemorySource,
    Observation,
    Recorded,
    Vintage,
    changes_since_previous,
    tone,
)
from ipkpi.followup.describe import goal_text
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan

WEBPLAN = Path(__file__).parents[1] / "web" / "fixtures" / "webplan"
JAN = Vintage("1", dt.date(2025, 1, 10), "first.csv")
JUN = Vintage("2", dt.date(2025, 6, 30), "second.csv")


def obs(series: str, period: str, value: float, unit: str = "jpy_cho") -> Observation:
    return Observation(series, period, period_year(period), value, unit, (), "Stats", "")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(WEBPLAN)


@pytest.fixture(scope="module")
def source() -> MemorySource:
    exports = "alpha.one.exports.jpn"
    first = [Recorded(obs(exports, str(y), 1.0 + 0.1 * (y - 2018)), JAN) for y in range(2018, 2024)]
    second = [
        Recorded(obs(exports, "2023", 1.45), JUN),
        Recorded(obs(exports, "2024", 1.5073), JUN),
        Recorded(obs("alpha.one.rank.jpn", "2024", 12, "rank"), JUN),
    ]
    return MemorySource(first + second)


def test_values_are_those_known_at_the_date(plan: Plan, source: MemorySource):
    then = FollowUp(plan, source, dt.date(2025, 3, 1)).kpi("alpha.one.exports")
    now = FollowUp(plan, source).kpi("alpha.one.exports")
    assert then is not None and now is not None
    assert [(o.period, o.value) for o in then.series[0].observations][-1] == ("2023", 1.5)
    assert [(o.period, o.value) for o in now.series[0].observations][-2:] == [
        ("2023", 1.45),
        ("2024", 1.5073),
    ]
    assert now.series[0].observations[-1].vintage == "2"


def test_vintages_are_dates_and_the_follow_up_knows_its_own(plan: Plan, source: MemorySource):
    early = FollowUp(plan, source, dt.date(2025, 3, 1))
    assert [v.id for v in early.all_vintages] == ["2025-01-10", "2025-06-30"]
    assert early.vintage is not None and early.vintage.id == "2025-01-10"
    assert not early.is_latest
    assert FollowUp(plan, source).is_latest
    assert FollowUp(plan, source, dt.date(2024, 1, 1)).vintage is None


def test_a_kpi_gets_the_headline_first_then_every_method(plan: Plan, source: MemorySource):
    followup = FollowUp(plan, source)
    listed = {s.kpi.id: s for s in followup.kpis()}["alpha.one.exports"]
    assert not listed.complete
    status = followup.kpi("alpha.one.exports")
    assert status is not None and status.complete
    methods = [v.method for v in status.verdicts]
    # the plan's baseline (2024) is the latest value: too early to tell, then Open SDG's own
    assert (methods[0], methods[1]) == ("evidence", "opensdg") and status.too_early
    assert {"forecast", "eurostat", "unsd", "dns"} <= set(methods)
    assert status.required_path and status.required_path[-1].value == pytest.approx(5.0)
    assert status.required_path[-1].year == 2030


def test_pending_and_milestone_kpis_say_so(plan: Plan, source: MemorySource):
    followup = FollowUp(plan, source)
    pending = followup.kpi("beta.two.pending")
    milestone = followup.kpi("beta.two.policy")
    assert pending is not None and pending.headline.status == "pending"
    assert milestone is not None and milestone.headline.status == "done"
    assert milestone.tone == "good" and pending.tone == "neutral"


def test_what_changed_since_the_previous_vintage(plan: Plan, source: MemorySource):
    changes = changes_since_previous(FollowUp(plan, source))
    assert changes.previous is not None and changes.previous.id == "2025-01-10"
    found = {(c.kind, c.series_id, c.period, c.old, c.new) for c in changes.items}
    assert ("revised", "alpha.one.exports.jpn", "2023", 1.5, 1.45) in found
    assert ("new", "alpha.one.exports.jpn", "2024", None, 1.5073) in found
    assert ("new", "alpha.one.rank.jpn", "2024", None, 12) in found


def test_the_provider_rebuilds_when_the_data_change(plan: Plan):
    source = MemorySource([Recorded(obs("alpha.one.exports.jpn", "2023", 1.4), JAN)])
    provider = FollowUpProvider(plan, source, check_every=0)
    cleared: list[str] = []
    provider.on_change(cleared.append)
    first = provider.get()
    assert provider.get() is first
    source.__init__([Recorded(obs("alpha.one.exports.jpn", "2023", 1.4), JUN)])  # new import
    assert provider.get() is not first
    assert cleared == ["1:2"]


@pytest.mark.parametrize(
    ("method", "status", "direction", "expected"),
    [
        ("opensdg", "target_achieved", None, "good"),
        ("opensdg", "moderate_progress", None, "fair"),
        ("unsd", "stagnation_or_regression", None, "poor"),
        ("dns", "thunderstorm", None, "bad"),
        ("eurostat", "not_available", None, "neutral"),
        ("trend", "rising", "increase", "fair"),
        ("trend", "rising", "decrease", "bad"),
        ("trend", "rising", None, "neutral"),
    ],
)
def test_tones_group_the_statuses_of_every_method(
    method: str, status: str, direction: str | None, expected: str
):
    assert tone(method, status, direction) == expected


def test_goals_are_worded_in_both_languages(plan: Plan):
    exports, rank = plan.kpi("alpha.one.exports"), plan.kpi("alpha.one.rank")
    assert exports is not None and rank is not None
    assert goal_text(exports, "ja") == "≥ 5兆円（2030年まで）"
    assert goal_text(exports, "en") == "≥ 5 trillion yen by 2030"
    assert goal_text(rank, "ja") == "≤ 4位（2035年まで）"


def test_the_wording_is_worked_out_once_and_a_copy_works_out_its_own(plan: Plan):
    status = FollowUp(plan, JAN_ONLY).kpi("alpha.one.exports")
    assert status is not None
    wording = status.wording
    # the series' largest value is 1.5 兆円 (2023), the plan's target 5 兆円: the target sets it
    assert wording.magnitude == 5e12 and wording.quantity(1.5, "ja") == "1.5兆円"
    assert status.wording is wording  # kept, not worked out again
    scaled = tuple(
        replace(s, observations=tuple(replace(o, value=o.value * 1000) for o in s.observations))
        for s in status.series
    )
    bigger = replace(status, series=scaled)  # a new record: its own values, its own wording
    assert bigger.wording.magnitude == 1.5e15 and bigger.wording.quantity(1500, "ja") == "1,500兆円"
    assert status.wording is wording and status != bigger


JAN_ONLY = MemorySource(
    [
        Recorded(obs("alpha.one.exports.jpn", str(y), 1.0 + 0.1 * (y - 2018)), JAN)
        for y in range(2018, 2024)
    ]
)
