"""The shipped plan (plans/ip2025) holds what the reference says it must.

The expected tables below are copied from ``kpis.md`` (the shared reference "What the shipped
plan must hold") and from the plan overview it cites. When the reference changes, change the
tables here; the checks themselves read the plan through the loader and need no editing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from ipkpi.plan import (
    ChangeFromBaseline,
    ContextBlock,
    CountToReach,
    DirectionOnly,
    Event,
    Figure,
    KpiBase,
    Level,
    LevelByDeadline,
    Milestone,
    Plan,
    Rank,
    RelativeToPeers,
    Target,
)
from ipkpi.plan.loader import OBSERVATIONS_FILE, check_plan, load_plan
from ipkpi.units import conversion_factor

PLAN_DIR = Path(__file__).parents[2] / "plans" / "ip2025"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_DIR)


# -- the expected KPIs (kpis.md, "KPIs, one row each") ----------------------------------------


@dataclass(frozen=True)
class Expected:
    """One row of kpis.md: the id, its kind and what the kind needs (None: not applicable)."""

    id: str
    kind: str
    target: float | None = None  # target value (level kinds) or target rank or change
    unit: str | None = None
    comparison: str | None = None  # at_least / at_most
    deadline: int | None = None
    direction: str | None = None  # direction kind
    criterion: str | None = None  # relative_to_peers
    due: str | None = None  # milestone


EXPECTED: list[Expected] = [
    Expected("ipx.gii_rank", "rank", 4, "rank", deadline=2035),
    Expected("ipx.intangible_share", "level_by_deadline", 50, "percent", "at_least", 2035),
    Expected("creation.investment.pending", "pending"),
    Expected("creation.ai.business_use_rate", "level", 100, "percent", "at_least"),
    Expected("creation.ai.ai_rd_spending", "direction", direction="increase"),
    Expected(
        "creation.talent.doctorates_per_million",
        "relative_to_peers",
        deadline=2040,
        criterion="best_peer",
    ),
    Expected("creation.talent.ip_education_cases", "direction", direction="increase"),
    Expected("creation.talent.highly_skilled_foreign_residents", "direction", direction="increase"),
    Expected("protection.leakage.trade_secret_cases", "monitor"),
    Expected(
        "protection.piracy.publication_piracy_access", "level", 1, "accesses_month_oku", "at_most"
    ),
    Expected("protection.piracy.customs_suspensions", "monitor"),
    Expected("protection.ipr.damages_awarded", "monitor"),
    Expected("protection.ipr.adr_cases", "monitor"),
    Expected(
        "protection.regional.sme_new_filers", "count_to_reach", 14000, "enterprises", "at_least"
    ),
    Expected(
        "protection.regional.agrifood_exports", "level_by_deadline", 5, "jpy_cho", "at_least", 2030
    ),
    Expected("utilization.academia.social_implementation", "monitor"),
    Expected("utilization.startups.support", "monitor"),
    Expected("utilization.data.pending", "pending"),
    Expected("utilization.data.basic_policy", "milestone", due="2025-06"),
    Expected("cj.overseas_total", "level_by_deadline", 50, "jpy_cho", "at_least", 2033),
    Expected("cj.japan_fan_share", "change_from_baseline", 10, "pp", deadline=2033),
    Expected("cj.content_overseas_market", "level_by_deadline", 20, "jpy_cho", "at_least", 2033),
    Expected("cj.japan_search_scale", "relative_to_peers", deadline=2035, criterion="named_peer"),
    Expected("cj.content_regional_hubs", "count_to_reach", 200, "count", "at_least", 2033),
]

# The outline (the plan's last slide, kpis.md's first table): part id, number, sections, and
# the number of 現状と課題 bullets each section slide has (sub-bullets counted separately).
OUTLINE: list[tuple[str, int, dict[str, int]]] = [
    ("ipx", 0, {}),
    ("creation", 1, {"investment": 3, "ai": 3, "talent": 3}),
    ("protection", 2, {"leakage": 2, "piracy": 4, "ipr": 3, "regional": 3}),
    ("utilization", 3, {"academia": 4, "startups": 1, "standards": 3, "data": 3}),
    ("cj", 4, {"implementation": 3, "content": 3}),
]

# The Cool Japan table (slide 15): values rounded to 0.1 trillion yen.
CJ_TOTAL_NOW, CJ_TOTAL_BEFORE, CJ_TOTAL_CHANGE = 27.1, 19.1, 41.92
CJ_ROWS = 8
HALF_STEP = 0.05  # half of the 0.1 rounding step

STANDARD_AREAS, STRATEGIC_AREAS = 17, 8


# -- helpers --------------------------------------------------------------------------------


def kpi(plan: Plan, kpi_id: str) -> KpiBase:
    found = plan.kpi(kpi_id)
    assert found is not None, f"KPI {kpi_id} missing from the shipped plan"
    return found


def target_of(found: KpiBase) -> Target | None:
    return getattr(found, "target", None)


def walk(model: BaseModel) -> Iterator[BaseModel]:
    yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, BaseModel):
                yield from walk(child)


def observations() -> list[dict[str, str]]:
    with (PLAN_DIR / OBSERVATIONS_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def change_range(current: float, previous: float) -> tuple[float, float]:
    """The change in percent that two values rounded to 0.1 can hide."""
    low = (current - HALF_STEP) / (previous + HALF_STEP) - 1
    high = (current + HALF_STEP) / (previous - HALF_STEP) - 1
    return low * 100, high * 100


# -- the plan loads -------------------------------------------------------------------------


def test_the_shipped_plan_validates_without_a_single_problem() -> None:
    problems = check_plan(PLAN_DIR)
    assert problems == [], "\n".join(map(str, problems))


def test_headline_kpis_are_the_two_ipx_kpis(plan: Plan) -> None:
    assert plan.headline_kpis == ["ipx.gii_rank", "ipx.intangible_share"]
    assert plan.source == "ip2025-overview"


# -- KPIs -------------------------------------------------------------------------------------


def test_the_plan_holds_exactly_the_kpis_of_the_reference(plan: Plan) -> None:
    assert sorted(k.id for k in plan.kpis()) == sorted(e.id for e in EXPECTED)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.id)
def test_kpi_kind_target_and_deadline(plan: Plan, expected: Expected) -> None:
    found = kpi(plan, expected.id)
    assert getattr(found, "kind", None) == expected.kind
    assert found.wording.ja and found.wording.en
    if isinstance(found, Rank):
        assert found.target_rank == expected.target
    elif isinstance(found, LevelByDeadline | Level | CountToReach):
        target = found.target
        assert (target.value, target.unit, target.comparison) == (
            expected.target,
            expected.unit,
            expected.comparison,
        )
    elif isinstance(found, ChangeFromBaseline):
        assert (found.change, found.unit) == (expected.target, expected.unit)
    elif isinstance(found, DirectionOnly):
        assert found.direction == expected.direction
    elif isinstance(found, RelativeToPeers):
        assert found.criterion == expected.criterion
        assert found.series_by_role("peer"), "a relative-to-peers KPI needs peer series"
    elif isinstance(found, Milestone):
        assert found.due == expected.due
    assert getattr(found, "deadline", None) == expected.deadline


def test_kpis_measured_by_a_series_have_exactly_one_kpi_series(plan: Plan) -> None:
    for found in plan.kpis():
        kpi_series = found.series_by_role("kpi")
        if found.kind in ("pending", "milestone"):  # type: ignore[attr-defined]
            assert not found.series, found.id
        else:
            assert len(kpi_series) == 1, found.id


def test_series_ids_are_dotted_from_their_kpi(plan: Plan) -> None:
    for found, series in plan.all_series():
        assert series.id.startswith(found.id + "."), series.id


def test_approximate_targets_say_so(plan: Plan) -> None:
    for kpi_id in (
        "creation.ai.business_use_rate",
        "protection.piracy.publication_piracy_access",
        "protection.regional.sme_new_filers",
        "cj.content_regional_hubs",
    ):
        target = target_of(kpi(plan, kpi_id))
        assert target is not None and target.approximate, kpi_id


def test_doctorates_keep_mexts_300_as_a_labelled_interpretation(plan: Plan) -> None:
    found = kpi(plan, "creation.talent.doctorates_per_million")
    assert isinstance(found, RelativeToPeers)
    assert found.interpretation is not None
    assert (found.interpretation.value, found.interpretation.unit) == (300, "per_million")
    assert found.interpretation.label is not None and found.interpretation.source


def test_baselines_the_reference_gives(plan: Plan) -> None:
    expected = {
        "ipx.gii_rank": (13, "2024"),
        "ipx.intangible_share": (32, "2020"),
        "protection.regional.agrifood_exports": (1.5, "2024"),
        "cj.content_overseas_market": (5.8, "2023"),
    }
    for kpi_id, (value, period) in expected.items():
        baseline = kpi(plan, kpi_id).baseline
        assert baseline is not None, kpi_id
        assert (baseline.value, baseline.period) == (value, period), kpi_id


# -- outline: parts, sections, measures -------------------------------------------------------


def test_parts_and_sections_follow_the_outline(plan: Plan) -> None:
    assert [(p.id, p.number) for p in plan.parts] == [(pid, n) for pid, n, _ in OUTLINE]
    for part, (_, _, sections) in zip(plan.parts, OUTLINE, strict=True):
        assert [s.id for s in part.sections] == list(sections), part.id


@pytest.mark.parametrize(
    ("part_id", "section_id", "bullets"),
    [(pid, sid, n) for pid, _, sections in OUTLINE for sid, n in sections.items()],
)
def test_each_section_has_its_situation_bullets_and_measures(
    plan: Plan, part_id: str, section_id: str, bullets: int
) -> None:
    found = plan.section(f"{part_id}.{section_id}")
    assert found is not None
    _, section = found
    assert len(section.situation) == bullets
    assert all(t.ja and t.en for t in section.situation)
    assert section.measures, "each section has at least one measure"
    assert [m.id for m in section.measures] == [
        f"{part_id}.{section_id}.m{n}" for n in range(1, len(section.measures) + 1)
    ]


def test_the_ipx_part_has_three_pillars_and_the_headline_kpis(plan: Plan) -> None:
    part = plan.part("ipx")
    assert part is not None
    assert [p.number for p in part.pillars] == [1, 2, 3]
    assert all(p.text for p in part.pillars)
    assert [k.id for k in part.kpis] == plan.headline_kpis


# -- the Cool Japan table ----------------------------------------------------------------------


def cool_japan(plan: Plan) -> LevelByDeadline:
    found = kpi(plan, "cj.overseas_total")
    assert isinstance(found, LevelByDeadline)
    return found


def test_cool_japan_components_add_up_to_the_published_totals(plan: Plan) -> None:
    found = cool_japan(plan)
    assert len(found.components) == CJ_ROWS
    assert found.published_total is not None
    now = sum(c.current.value for c in found.components)
    before = sum(c.previous.value for c in found.components)
    tolerance = CJ_ROWS * HALF_STEP
    assert found.published_total.current.value == CJ_TOTAL_NOW
    assert found.published_total.previous.value == CJ_TOTAL_BEFORE
    assert found.published_total.change_pct == CJ_TOTAL_CHANGE
    assert abs(now - CJ_TOTAL_NOW) <= tolerance
    assert abs(before - CJ_TOTAL_BEFORE) <= tolerance


def test_each_published_change_is_consistent_with_the_rounded_values(plan: Plan) -> None:
    found = cool_japan(plan)
    assert found.published_total is not None
    rows: list[tuple[str, float, float, float]] = [
        (c.series, c.current.value, c.previous.value, c.change_pct) for c in found.components
    ]
    total = found.published_total
    rows.append(("total", total.current.value, total.previous.value, total.change_pct))
    for name, current, previous, published in rows:
        low, high = change_range(current, previous)
        assert low <= published <= high, f"{name}: {published} not in [{low:.2f}, {high:.2f}]"


def test_only_the_food_manufacturing_row_changed_definition(plan: Plan) -> None:
    changed = [c.series for c in cool_japan(plan).components if c.definition_changed]
    assert changed == ["cj.overseas_total.food_manufacturing"]


# -- structured content ------------------------------------------------------------------------


def context_block(plan: Plan, block_id: str) -> ContextBlock:
    for model in walk(plan):
        if isinstance(model, ContextBlock) and model.id == block_id:
            return model
    raise AssertionError(f"context block {block_id} missing")


def test_the_17_standardization_areas_and_the_8_strategic_ones(plan: Plan) -> None:
    areas = context_block(plan, "utilization.standards.areas").items
    assert [a.number for a in areas] == list(range(1, STANDARD_AREAS + 1))
    strategic = [a.number for a in areas if "strategic" in a.tags]
    assert strategic == list(range(1, STRATEGIC_AREAS + 1))
    points = context_block(plan, "utilization.standards.points").items
    assert [p.number for p in points] == [1, 2, 3]


def test_the_hub_programme_and_its_examples_keep_their_figures(plan: Plan) -> None:
    block = context_block(plan, "cj.implementation.reference2")
    values = {(f.value, f.unit) for item in block.items for f in item.figures}
    for expected in [
        (30, "persons_man"),
        (150, "persons_man"),
        (55, "jpy_oku"),
        (180, "persons_man"),
        (260, "persons_man"),
        (4000, "jpy_oku"),
    ]:
        assert expected in values
    assert {(f.value, f.unit) for f in block.figures} >= {(200, "count"), (50, "jpy_oku")}


def test_the_piracy_series_keeps_the_charts_events(plan: Plan) -> None:
    found = plan.series("protection.piracy.publication_piracy_access.top10")
    assert found is not None
    events = found[1].events
    assert events[0].date == "2020-04-07"
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    assert len(events) >= 7


# -- sources -----------------------------------------------------------------------------------


def referenced_sources(plan: Plan) -> Iterator[tuple[str, Any]]:
    for model in walk(plan):
        source = getattr(model, "source", None)
        if isinstance(model, Figure | Event | KpiBase | Target | ContextBlock) and source:
            yield source, model
        if isinstance(model, Milestone) and model.evidence:
            yield model.evidence, model


def test_every_figure_and_event_names_a_source_that_exists(plan: Plan) -> None:
    known = plan.source_by_id()
    refs = list(referenced_sources(plan))
    assert refs
    for source_id, model in refs:
        assert source_id in known, f"{type(model).__name__} cites unknown source {source_id}"


def test_every_source_is_used(plan: Plan) -> None:
    used = {source_id for source_id, _ in referenced_sources(plan)} | {plan.source}
    assert {s.id for s in plan.sources} <= used


# -- observations ------------------------------------------------------------------------------

PERIOD = re.compile(r"^(\d{4}|FY\d{4}|\d{4}-H[12]|\d{4}-(0[1-9]|1[0-2]))$")
FLAGS = {
    "uncertain",
    "derived",
    "provisional",
    "estimate",
    "break_in_series",
    "approximate",
    "lower_bound",
    "upper_bound",
    "secondary",
}


def test_the_flag_names_are_the_plan_models() -> None:
    from ipkpi.plan.source import FLAGS as PLAN_FLAGS
    from ipkpi.plan.source import SWITCH_FLAGS, Flags
    from ipkpi.store import FLAGS as STORE_FLAGS

    switches = {n for n, f in Flags.model_fields.items() if f.annotation is bool}
    assert switches == set(SWITCH_FLAGS)
    assert set(PLAN_FLAGS) == set(STORE_FLAGS) == FLAGS
    every = Flags(**dict.fromkeys(SWITCH_FLAGS, True), bound="lower")
    assert every.names() == list(PLAN_FLAGS[:-1])


def test_observations_header_is_the_documented_one() -> None:
    with (PLAN_DIR / OBSERVATIONS_FILE).open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "series",
        "period",
        "value",
        "unit",
        "source_title",
        "source_url",
        "flags",
        "note",
        "note_en",
        "editor_note",
    ]


def test_every_observation_belongs_to_a_series_and_names_its_source(plan: Plan) -> None:
    series = {s.id: s for _, s in plan.all_series()}
    seen: set[tuple[str, str]] = set()
    rows = observations()
    assert rows
    for row in rows:
        where = f"{row['series']} {row['period']}"
        assert row["series"] in series, where
        assert row["source_url"].startswith(("http://", "https://")), where
        assert row["source_title"].strip(), where
        assert PERIOD.match(row["period"]), where
        float(row["value"])
        conversion_factor(row["unit"], series[row["series"]].unit)  # same dimension
        assert set(filter(None, row["flags"].split(";"))) <= FLAGS, where
        assert (row["series"], row["period"]) not in seen, f"duplicate {where}"
        seen.add((row["series"], row["period"]))


def test_the_basis_breaks_are_flagged_where_the_new_basis_starts() -> None:
    flagged = {
        (r["series"], r["period"]) for r in observations() if "break_in_series" in r["flags"]
    }
    assert ("cj.content_overseas_market.total", "2022") in flagged
    # MAFF's new basis starts in 2020 (9,860 worked out from the 2021 release); the old-basis
    # values up to 2020 are a series of their own, never mixed into the KPI series.
    assert ("protection.regional.agrifood_exports.total", "2020") in flagged
    kpi_years = {
        r["period"]
        for r in observations()
        if r["series"] == "protection.regional.agrifood_exports.total"
    }
    assert min(kpi_years) == "2020"
    assert ("cj.overseas_total.food_manufacturing", "2023") in flagged


def test_the_structure_slide_keeps_the_cool_japan_sub_label(plan: Plan):
    # Slide 3: クールジャパン・コンテンツ with the sub-label クールジャパン戦略フォローアップ.
    structure = next(block for block in plan.context if block.id == "structure")
    cj = next(item for item in structure.items if item.id == "structure.cj")
    assert cj.sublabel is not None and cj.sublabel.ja == "クールジャパン戦略フォローアップ"
