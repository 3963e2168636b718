"""Measures as records: ministries from the code list (named or inferred), KPI links, milestones."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import check_plan, load_plan
from ipkpi.plan.measure import ministries_text

from .conftest import line_of, replace_in

SECTION = "parts/alpha/one.yaml"
BODIES = "      - {ja: 内閣府, en: Cabinet Office}\n"


def _add(plan_copy: Path, lines: str) -> None:
    replace_in(plan_copy, SECTION, BODIES, BODIES + lines)


def test_a_measure_with_ministries_links_and_a_milestone_loads(plan_copy: Path) -> None:
    _add(
        plan_copy,
        "    ministries:\n"
        "      - {code: CAO, role: lead, basis: named}\n"
        "      - code: JPO\n        role: co\n        basis: inferred\n"
        "        reason: {ja: 特許法の所管, en: Administers the Patent Act}\n"
        "    horizon: short\n"
        "    milestones:\n"
        "      - {id: bill, kind: ordinary_diet, text: {ja: 法案提出, en: Bill}, due: 2026-03}\n"
        "    kpis:\n      - {kpi: alpha.one.level, role: outcome}\n"
        "    rs_projects: ['0012345']\n",
    )
    plan = load_plan(plan_copy)
    measure = plan.measure("alpha.one.m1")
    assert measure is not None and measure.lead is not None
    assert measure.lead.code == "CAO"
    assert measure.milestones[0].kind == "ordinary_diet"
    assert ministries_text(measure.ministries, "ja") == "内閣府（主担当）、特許庁（推定）"
    assert ministries_text(measure.ministries, "en") == (
        "Cabinet Office (lead), Japan Patent Office (inferred)"
    )
    assert ministries_text([], "ja") == "担当府省未割当"


def test_every_measure_problem_is_reported_with_its_line(plan_copy: Path) -> None:
    _add(
        plan_copy,
        "    ministries:\n"
        "      - {code: MEIT, role: lead, basis: named}\n"
        "      - {code: CAO, role: lead, basis: named}\n"
        "      - {code: CAO, role: co, basis: named}\n"
        "    milestones:\n"
        "      - {id: a, kind: budget_request, text: {ja: 要求, en: Request}, due: 2026}\n"
        "      - {id: a, kind: year_end, text: {ja: 年末, en: Year end}, due: 2026-12}\n"
        "    kpis:\n      - {kpi: alpha.one.nothing, role: output}\n",
    )
    found = {(p.row, p.reason) for p in check_plan(plan_copy)}
    at = lambda needle: line_of(plan_copy, SECTION, needle)  # noqa: E731
    assert found == {
        (
            at("code: MEIT"),
            "ministry code 'MEIT' is not in the code list (did you mean METI, MLIT, MEXT?)",
        ),
        (
            at("- {code: CAO, role: lead, basis: named}"),
            "measure 'alpha.one.m1' has more than one lead ministry",
        ),
        (at("- {code: CAO, role: lead, basis: named}"), "ministry CAO listed twice"),
        (at("kind: year_end"), "milestone id 'a' twice"),
        (at("kpi: alpha.one.nothing"), "link to an unknown KPI 'alpha.one.nothing'"),
    }


def test_schema_mistakes_in_a_measure_are_reported_too(plan_copy: Path) -> None:
    _add(
        plan_copy,
        "    ministries:\n"
        "      - {code: MOF, role: co, basis: inferred}\n"
        "    milestones:\n"
        "      - {id: b, kind: party, text: {ja: 会, en: Party}, due: 2026}\n",
    )
    problems = check_plan(plan_copy)
    assert any("an inferred ministry needs a 'reason" in p.reason for p in problems)
    assert any(p.key.endswith("milestones.0.kind") for p in problems)


def test_a_milestone_date_that_is_not_a_period_is_refused(plan_copy: Path) -> None:
    _add(
        plan_copy,
        "    milestones:\n"
        "      - {id: a, kind: budget_request, text: {ja: 要求, en: Request}, due: someday}\n",
    )
    problems = check_plan(plan_copy)
    assert [p.key for p in problems] == ["measures.0.milestones.0.due"]


def test_the_shipped_plan_assigns_only_named_or_inferred_ministries() -> None:
    plan = load_plan(default_plan_dir())
    measures = plan.measures()
    basis = Counter(
        "unassigned"
        if not m.ministries
        else "named"
        if all(r.basis == "named" for r in m.ministries)
        else "inferred"
        for m in measures
    )
    assert len(measures) == 45
    assert basis == {"unassigned": 24, "inferred": 19, "named": 2}
    # Named: the text itself names the body.
    customs = plan.measure("protection.piracy.m3")
    assert customs is not None and [m.code for m in customs.ministries] == ["MOF-CUSTOMS"]
    assert "税関" in customs.text.ja
    smea = plan.measure("protection.regional.m1")
    assert smea is not None and smea.ministries[0].code == "SMEA" and "中小企業庁" in smea.text.ja
    # Every inference says why, in both languages.
    for measure in measures:
        for entry in measure.ministries:
            if entry.basis == "inferred":
                assert entry.reason is not None and entry.reason.ja and entry.reason.en
    # The piracy roadmap's co-issuers, no lead invented.
    roadmap = plan.measure("protection.piracy.m1")
    assert roadmap is not None and roadmap.lead is None
    assert {m.code for m in roadmap.ministries} == {
        "CAO",
        "NPA",
        "MIC",
        "MOJ",
        "MOFA",
        "MEXT",
        "METI",
    }


def test_the_shipped_links_point_from_measures_to_their_section_kpis() -> None:
    plan = load_plan(default_plan_dir())
    links = [(m.id, link.kpi, link.role) for m in plan.measures() for link in m.kpis]
    assert ("utilization.data.m2", "utilization.data.basic_policy", "output") in links
    assert ("cj.implementation.m1", "cj.content_regional_hubs", "output") in links
    assert len({m for m, _, _ in links}) == 20
    data = plan.measure("utilization.data.m2")
    assert data is not None and data.milestones[0].due == "2025-06"
