"""Milestones past their due month: a completion recorded counts; none recorded is 'check'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipkpi.assessment import assess_kpi
from ipkpi.assessment.registry import tone
from ipkpi.plan import Plan
from ipkpi.plan.kpi import Milestone
from ipkpi.plan.loader import load_plan

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"
POLICY = "utilization.data.basic_policy"


def unrecorded(plan: Plan) -> Milestone:
    """The data basic policy (due 2025-06) as if the plan had not recorded its completion."""
    kpi = next(k for k in plan.kpis() if k.id == POLICY)
    assert isinstance(kpi, Milestone) and kpi.due == "2025-06"
    return kpi.model_copy(update={"status": "unknown", "done_on": None, "evidence": None})


def test_past_due_without_a_completion_is_overdue_check_in_the_bad_tone() -> None:
    verdict = assess_kpi(unrecorded(load_plan(PLAN)), {}, today=dt.date(2025, 9, 1)).verdict
    assert verdict.status == "overdue_check"
    assert (verdict.status_label.ja, verdict.status_label.en) == (
        "期限超過・確認要",
        "Overdue, check",
    )
    assert tone(verdict.method, verdict.status) == "bad"


def test_before_the_due_month_ends_it_is_on_schedule() -> None:
    verdict = assess_kpi(unrecorded(load_plan(PLAN)), {}, today=dt.date(2025, 6, 30)).verdict
    assert verdict.status == "on_schedule"


def test_a_completion_recorded_as_data_makes_it_done() -> None:
    # 「データ利活用制度の在り方に関する基本方針」, decided 2025-06-13 (plan: done_on).
    kpi = unrecorded(load_plan(PLAN))
    done = assess_kpi(
        kpi, {}, today=dt.date(2025, 9, 1), completions={POLICY: dt.date(2025, 6, 13)}
    ).verdict
    assert done.status == "done" and done.notes == ()
    late = assess_kpi(
        kpi, {}, today=dt.date(2025, 9, 1), completions={POLICY: dt.date(2025, 8, 1)}
    ).verdict
    assert (late.status, late.notes) == ("done", ("done_late",))
