"""Public notes are for the public, in both languages; editors' notes are kept apart.

The validator refuses a public note that names an internal file or the editors' working, a
shipped observation whose public note is in one language only, and a value taken from a
secondary copy without the reason. Publishers, releases and sub-items must point at things
that exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.plan.loader import check_plan, load_plan
from ipkpi.plan.public_text import internal_reference

from .conftest import replace_in

SECTION = "parts/alpha/one.yaml"
HEADER = "series,period,value,unit,source_title,source_url,flags,note\n"
WIDE = "series,period,value,unit,source_title,source_url,flags,note,note_en,editor_note\n"


def messages(root: Path) -> list[str]:
    return [p.message.text("en") for p in check_plan(root)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("URL listed in data-sources.md, compiled on 2026-11-27", "data-sources.md"),
        ("(data-sources.md §1、uncertain)", "data-sources.md"),
        (
            "read as the text extracted (seed-ip-strategic-program-2025.txt)",
            "seed-ip-strategic-program-2025.txt",
        ),
        ("Not in data-sources.md: found by a search on 2026-11-27.", "data-sources.md"),
        ("found by a search on 2026-11-27", "found by a search"),
        ("2026-11-27にこのリポジトリのために編集", "このリポジトリ"),
        ("See observations.csv for the values", "observations.csv"),
    ],
)
def test_internal_references_are_found(text: str, found: str) -> None:
    assert internal_reference(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "速報値。2018年から調査方法を変更（旧方法では約4.8兆円）。",
        "ABJ estimate (about 210 billion yen, the annual loss for 2020).",
        "Also reported at https://www.hanbaishi.com/news/15274 .",
        "GII 2008-2009 edition, stored as 2008.",
        "Values of the 2021 Science and Technology Indicators (v2.0).",
    ],
)
def test_public_wording_passes(text: str) -> None:
    assert internal_reference(text) is None


def test_a_kpi_note_naming_an_internal_file_is_refused(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        SECTION,
        "    target_rank: 4\n",
        "    target_rank: 4\n    notes:\n"
        "      - {ja: 出典はdata-sources.md §2.1, en: 'Source: data-sources.md §2.1'}\n",
    )
    found = messages(plan_copy)
    assert (
        "public text 'notes' (Japanese) names 'data-sources.md', which readers cannot see" in found
    )
    assert (
        "public text 'notes' (English) names 'data-sources.md', which readers cannot see" in found
    )


def test_the_same_words_are_fine_in_an_editors_note(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        SECTION,
        "    target_rank: 4\n",
        "    target_rank: 4\n    editor_notes:\n"
        "      - 'Read in data-sources.md §2.1 (found by a search).'\n",
    )
    assert messages(plan_copy) == []
    kpi = load_plan(plan_copy).kpi("alpha.one.rank")
    assert kpi is not None and kpi.editor_notes == [
        "Read in data-sources.md §2.1 (found by a search)."
    ]


def test_a_kpi_note_in_one_language_is_refused(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        SECTION,
        "    target_rank: 4\n",
        "    target_rank: 4\n    notes: [観測値の注記]\n",
    )
    assert "missing English text in 'notes'" in messages(plan_copy)


def test_a_source_note_naming_an_internal_file_is_refused(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        "sources.yaml",
        "    read_on: 2026-11-27\n",
        "    read_on: 2026-11-27\n    note: {ja: seed.txt から読んだ, en: Read from seed.txt}\n",
    )
    found = messages(plan_copy)
    assert "public text 'note' (Japanese) names 'seed.txt', which readers cannot see" in found


def write_observations(root: Path, header: str, *rows: str) -> None:
    (root / "observations.csv").write_text(header + "".join(r + "\n" for r in rows), "utf-8")


ROW = "alpha.one.level.jpn,2024,1.5073,jpy_cho,Overview,https://example.org/overview"


def test_a_bilingual_observation_note_and_an_editors_note_are_accepted(plan_copy: Path) -> None:
    write_observations(
        plan_copy,
        WIDE,
        f"{ROW},provisional,速報値。,Provisional.,Checked against data-sources.md §2.3",
    )
    assert messages(plan_copy) == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (f"{ROW},,速報値。,,", "a public note in Japanese only"),
        (f"{ROW},,,Provisional.,", "a public note in English only"),
        (
            f"{ROW},,速報。,From data-sources.md.,",
            "public note 'note_en' names 'data-sources.md', which readers cannot see",
        ),
        (f"{ROW},secondary,,,", "a value from a secondary copy without the reason"),
    ],
)
def test_observation_notes_that_cannot_be_published_are_refused(
    plan_copy: Path, row: str, expected: str
) -> None:
    write_observations(plan_copy, WIDE, row)
    problems = check_plan(plan_copy)
    assert [p.message.text("en") for p in problems] == [expected]
    assert problems[0].row == 2 and Path(problems[0].file).name == "observations.csv"


def test_an_old_style_file_with_a_japanese_note_column_only_is_refused(plan_copy: Path) -> None:
    write_observations(plan_copy, HEADER, f"{ROW},,速報,")
    assert messages(plan_copy) == ["a public note in Japanese only"]


PUBLISHERS = """publishers:
  - id: maff
    ministry: MAFF
    domains: [maff.go.jp]
"""
RELEASES = """releases:
  - id: maff-exports
    publisher: {publisher}
    title: {{ja: 輸出実績, en: Export results}}
    rhythm: annual
    months: [2]
    lag_months: 1
"""


def with_release(root: Path, release: str) -> None:
    unit = "        unit: jpy_cho\n"
    replace_in(root, SECTION, unit, f"{unit}        release: {release}\n")


def test_a_series_names_its_release_and_the_release_its_publisher(plan_copy: Path) -> None:
    (plan_copy / "publishers.yaml").write_text(PUBLISHERS, "utf-8")
    (plan_copy / "releases.yaml").write_text(RELEASES.format(publisher="maff"), "utf-8")
    with_release(plan_copy, "maff-exports")
    plan = load_plan(plan_copy)
    series = plan.series("alpha.one.level.jpn")
    assert series is not None and series[1].release == "maff-exports"
    release = plan.release_by_id()["maff-exports"]
    assert plan.publisher_by_id()[release.publisher].ministry == "MAFF"


def test_unknown_releases_and_publishers_are_reported(plan_copy: Path) -> None:
    (plan_copy / "publishers.yaml").write_text(PUBLISHERS, "utf-8")
    (plan_copy / "releases.yaml").write_text(RELEASES.format(publisher="mafff"), "utf-8")
    with_release(plan_copy, "maff-export")
    found = messages(plan_copy)
    assert "unknown publisher 'mafff'" in found
    assert "unknown release 'maff-export'" in found


def test_a_publisher_needs_a_name_or_a_ministry_code(plan_copy: Path) -> None:
    (plan_copy / "publishers.yaml").write_text("publishers:\n  - id: someone\n", "utf-8")
    assert any("needs a 'name', or a 'ministry' code" in m for m in messages(plan_copy))


def test_release_months_are_months(plan_copy: Path) -> None:
    (plan_copy / "publishers.yaml").write_text(PUBLISHERS, "utf-8")
    (plan_copy / "releases.yaml").write_text(
        RELEASES.format(publisher="maff").replace("months: [2]", "months: [13]"), "utf-8"
    )
    assert any("release months must be 1-12, not [13]" in m for m in messages(plan_copy))


def test_a_sub_item_names_an_earlier_measure(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        SECTION,
        "      - {ja: 内閣府, en: Cabinet Office}\n",
        "      - {ja: 内閣府, en: Cabinet Office}\n"
        "  - id: alpha.one.m2\n    parent: alpha.one.m1\n    text: {ja: 細目, en: Sub-item}\n"
        "  - id: alpha.one.m3\n    parent: alpha.one.m9\n    text: {ja: 細目, en: Sub-item}\n",
    )
    found = messages(plan_copy)
    assert found == [
        "measure 'alpha.one.m3' has parent 'alpha.one.m9', which is not an earlier measure "
        "of its section"
    ]


def test_situation_levels_nest_the_sub_bullets(plan_copy: Path) -> None:
    replace_in(
        plan_copy,
        SECTION,
        "situation:\n  - {ja: 現状, en: Situation}\n",
        "situation_levels: [1, 2, 2, 1]\nsituation:\n  - {ja: 現状, en: Situation}\n"
        "  - {ja: 細目1, en: Sub 1}\n  - {ja: 細目2, en: Sub 2}\n  - {ja: 次, en: Next}\n",
    )
    section = load_plan(plan_copy).section("alpha.one")
    assert section is not None
    outline = [(top.en, [s.en for s in subs]) for top, subs in section[1].situation_outline()]
    assert outline == [("Situation", ["Sub 1", "Sub 2"]), ("Next", [])]


def test_situation_levels_must_match_the_bullets(plan_copy: Path) -> None:
    replace_in(plan_copy, SECTION, "situation:\n", "situation_levels: [1, 2]\nsituation:\n")
    assert any("situation_levels has 2 entries for 1 bullets" in m for m in messages(plan_copy))
