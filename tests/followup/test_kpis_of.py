"""A section's statuses asked by id are those the whole list gives, in the plan's order."""

from __future__ import annotations

from ipkpi.followup import FollowUpProvider, MemorySource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan


def test_a_sections_kpis_by_id_are_the_whole_lists_for_that_section():
    plan = load_plan(default_plan_dir())
    followup = FollowUpProvider(plan, MemorySource([])).get(None)
    every = followup.kpis()
    seen = 0
    for part in plan.parts:
        for section in part.sections:
            asked = followup.kpis_of(kpi.id for kpi in section.kpis)
            filtered = [
                s
                for s in every
                if s.part.id == part.id and s.section and s.section.id == section.id
            ]
            assert [s.kpi.id for s in asked] == [s.kpi.id for s in filtered]
            assert all(a is b for a, b in zip(asked, filtered, strict=True))
            seen += len(asked)
    assert seen == 22  # the shipped plan's 24 KPIs less the two of the IPX part itself
    assert followup.kpis_of(["no.such.kpi", every[0].kpi.id]) == [every[0]]
