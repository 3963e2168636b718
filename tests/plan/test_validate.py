"""`ipkpi plan validate`: every problem in a broken plan, all at once, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.plan.loader import check_plan, load_plan
from ipkpi.plan.problems import PlanError

from .conftest import MINIMAL, line_of, replace_in

SECTION = "parts/alpha/one.yaml"


def test_the_minimal_plan_is_valid() -> None:
    plan = load_plan(MINIMAL)
    assert [k.id for k in plan.kpis()] == ["alpha.one.level", "alpha.one.rank"]
    assert check_plan(MINIMAL) == []


# Each case: (what to break, file, old text, new text, line needle, expected message part)
CASES = [
    (
        "unknown key",
        SECTION,
        "id: one\n",
        "id: one\ncolour: red\n",
        "colour: red",
        "unknown key 'colour'",
    ),
    (
        "missing kind",
        SECTION,
        "    kind: level_by_deadline\n",
        "",
        "- id: alpha.one.level",
        "without 'kind'",
    ),
    (
        "wrong kind",
        SECTION,
        "kind: rank",
        "kind: ranking",
        "kind: ranking",
        "unknown KPI kind 'ranking'",
    ),
    (
        "field of another kind",
        SECTION,
        "    target_rank: 4\n",
        "    target_rank: 4\n    components: []\n",
        "components: []",
        "'components' is not a field of a KPI of kind 'rank'",
    ),
    (
        "deadline before baseline",
        SECTION,
        "deadline: 2030",
        "deadline: 2020",
        "deadline: 2020",
        "deadline 2020 is before the baseline (2024)",
    ),
    (
        "peer without country",
        SECTION,
        "        country: KOR\n",
        "",
        "id: alpha.one.rank.kor",
        "peer series 'alpha.one.rank.kor' has no country",
    ),
    (
        "duplicate id",
        SECTION,
        "id: alpha.one.rank.kor",
        "id: alpha.one.rank.jpn",
        "id: alpha.one.rank.jpn",
        "duplicate series id 'alpha.one.rank.jpn'",
    ),
    (
        "unknown KPI reference",
        "plan.yaml",
        "[alpha.one.level]",
        "[alpha.one.lvl]",
        "headline_kpis",
        "unknown KPI 'alpha.one.lvl'",
    ),
    (
        "missing English",
        SECTION,
        "{ja: 施策, en: Measure}",
        "{ja: 施策}",
        "{ja: 施策}",
        "missing English text in 'text'",
    ),
    (
        "missing Japanese",
        SECTION,
        "{ja: 順位, en: Rank}",
        "{en: Rank}",
        "{en: Rank}",
        "missing Japanese text in 'title'",
    ),
    (
        "bare string is Japanese only",
        "parts/alpha/part.yaml",
        "{ja: 第一部, en: Part one}",
        "第一部",
        "title: 第一部",
        "missing English text in 'title'",
    ),
    (
        "value without source",
        SECTION,
        'period: "2024", source: overview}',
        'period: "2024"}',
        "baseline:",
        "a value without a source",
    ),
    (
        "unknown source",
        SECTION,
        'period: "2024", source: overview}',
        'period: "2024", source: nowhere}',
        "baseline:",
        "unknown source 'nowhere'",
    ),
    (
        "unknown unit",
        SECTION,
        "target: {value: 5, unit: jpy_cho}",
        "target: {value: 5, unit: dollars}",
        "target: {value: 5",
        "unknown unit 'dollars'",
    ),
    (
        "two main series",
        SECTION,
        "        role: peer\n",
        "",
        "series:",
        "has 2 series with role 'kpi'",
    ),
    (
        "duplicate YAML key",
        SECTION,
        "    deadline: 2035\n",
        "    deadline: 2035\n    deadline: 2036\n",
        "deadline: 2036",
        "duplicate key 'deadline'",
    ),
    (
        "missing section file",
        "parts/alpha/part.yaml",
        "[one]",
        "[one, two]",
        "sections:",
        "section 'two' has no file two.yaml",
    ),
    (
        "observation of an unknown series",
        "observations.csv",
        "alpha.one.level.jpn,2024",
        "alpha.one.level.xxx,2024",
        "alpha.one.level.xxx",
        "unknown series 'alpha.one.level.xxx'",
    ),
]


@pytest.mark.parametrize(
    ("name", "relative", "old", "new", "needle", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_each_problem_is_reported_with_file_and_line(
    plan_copy: Path, name: str, relative: str, old: str, new: str, needle: str, expected: str
) -> None:
    replace_in(plan_copy, relative, old, new)
    problems = check_plan(plan_copy)
    matching = [p for p in problems if expected in p.reason]
    assert matching, f"{name}: {expected!r} not in {[p.reason for p in problems]}"
    problem = matching[0]
    assert Path(problem.file) == plan_copy / relative
    assert problem.row == line_of(plan_copy, relative, needle)
    assert problem.hint, "every problem says what to do"
    assert problem.message.text("ja") != problem.reason, "and says it in Japanese too"
    assert problem.message.hint("ja") != problem.hint


def test_every_problem_at_once(plan_copy: Path) -> None:
    independent = [
        c
        for c in CASES
        if c[0]
        not in {
            "missing kind",
            "wrong kind",
            "field of another kind",
            "deadline before baseline",
            "duplicate YAML key",
            "two main series",
            "value without source",
            "unknown unit",
            "duplicate id",
            "bare string is Japanese only",
            "missing section file",
        }
    ]
    for _, relative, old, new, _, _ in independent:
        replace_in(plan_copy, relative, old, new)
    replace_in(plan_copy, "parts/alpha/part.yaml", "{ja: 第一部, en: Part one}", "第一部")
    messages = [p.reason for p in check_plan(plan_copy)]
    for _, _, _, _, _, expected in independent:
        assert any(expected in m for m in messages), f"{expected!r} missing from {messages}"
    assert any("missing English text in 'title'" in m for m in messages)


def test_schema_errors_in_one_section_do_not_hide_others(plan_copy: Path) -> None:
    replace_in(plan_copy, SECTION, "kind: rank", "kind: ranking")
    replace_in(plan_copy, "parts/alpha/part.yaml", "number: 1", "number: -1")
    replace_in(plan_copy, "sources.yaml", "url: https://example.org/overview", "url: example")
    files = {Path(p.file).name for p in check_plan(plan_copy)}
    assert files == {"one.yaml", "part.yaml", "sources.yaml"}


def test_yaml_syntax_error_points_at_its_line(plan_copy: Path) -> None:
    replace_in(plan_copy, SECTION, "    deadline: 2030\n", "    deadline: [2030\n")
    problems = check_plan(plan_copy)
    assert len(problems) == 1
    assert "YAML syntax error" in problems[0].reason
    assert Path(problems[0].file).name == "one.yaml"


def test_load_plan_raises_with_every_problem(plan_copy: Path) -> None:
    replace_in(plan_copy, SECTION, "{ja: 施策, en: Measure}", "{ja: 施策}")
    replace_in(plan_copy, "plan.yaml", "[alpha.one.level]", "[nope]")
    with pytest.raises(PlanError) as caught:
        load_plan(plan_copy)
    assert len(caught.value.problems) == 2


def test_cli_validate_exits_non_zero_and_lists_problems(plan_copy: Path) -> None:
    replace_in(plan_copy, SECTION, "{ja: 施策, en: Measure}", "{ja: 施策}")
    replace_in(plan_copy, "plan.yaml", "[alpha.one.level]", "[nope]")
    result = CliRunner(env={"IPKPI_LANG": "en"}).invoke(cli, ["plan", "validate", str(plan_copy)])
    assert result.exit_code == 1
    assert f"{plan_copy / SECTION}:{line_of(plan_copy, SECTION, '{ja: 施策}')}:" in result.output
    assert "unknown KPI 'nope'" in result.output
    assert "2 problem(s)" in result.output


def test_cli_validate_accepts_the_minimal_plan() -> None:
    result = CliRunner(env={"IPKPI_LANG": "en"}).invoke(cli, ["plan", "validate", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    assert "valid — 1 parts, 2 KPIs, 3 series, 1 sources" in result.output


def test_show_unknown_id_is_a_clear_error() -> None:
    result = CliRunner().invoke(
        cli, ["plan", "show", "nope", "--plan", str(MINIMAL), "--lang", "en"]
    )
    assert result.exit_code != 0
    assert "no part, section or KPI with id 'nope'" in result.output
    japanese = CliRunner().invoke(cli, ["plan", "show", "nope", "--plan", str(MINIMAL)])
    assert "ID「nope」の部・節・KPIはありません。" in japanese.output
