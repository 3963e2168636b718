"""The shipped milestone completion: the data basic policy (データ利活用制度の在り方に関する
基本方針, due 2025-06), decided by the Council for Digital Administrative and Fiscal Reform
and adopted by the Cabinet on 2025-06-13 as part of the Priority Policy Program (デジタル庁,
https://www.digital.go.jp/policies/priority-policy-program, which publishes the policy with
the programme adopted that day). Recorded as data, it turns the milestone to done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Milestone
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped, shipped_is_stored

POLICY = "utilization.data.basic_policy"


def test_the_basic_policy_completion_is_shipped_and_makes_it_done(tmp_path: Path) -> None:
    folder = default_plan_dir()
    plan = load_plan(folder)
    with Store.open(tmp_path / "s.db") as store:
        assert not shipped_is_stored(store, folder)
        report = ensure_shipped(store, folder, catalog_from_plan(plan), plan=plan)
        assert shipped_is_stored(store, folder)
        [done] = store.completions()
        assert (done.kpi_id, done.completed_on) == (POLICY, dt.date(2025, 6, 13))
        assert done.source_url == "https://www.digital.go.jp/policies/priority-policy-program"
        assert "閣議決定" in done.decision_ja and "Cabinet" in done.decision_en
        # Recorded with the shipped observations, so every view of those data shows it.
        assert report is not None and report.vintage is not None
        assert done.recorded_at == report.vintage.recorded_at
        ensure_shipped(store, folder, plan=plan)
        assert len(store.completions()) == 1  # loaded once

        status = FollowUpProvider(plan, StoreSource(store, plan)).get().kpi(POLICY)
        assert status is not None and isinstance(status.kpi, Milestone)
        assert status.headline.status == "done"
        assert status.completion == done
        assert status.has_data


def test_without_the_completion_the_milestone_is_not_done(tmp_path: Path) -> None:
    plan = load_plan(default_plan_dir())
    with Store.open(tmp_path / "empty.db") as store:
        status = FollowUpProvider(plan, StoreSource(store, plan)).get(dt.date(2026, 1, 1))
        policy = status.kpi(POLICY)
        assert policy is not None and policy.completion is None
        assert policy.headline.status != "done"
        assert not policy.has_data
