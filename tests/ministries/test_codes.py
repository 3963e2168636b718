"""The 府省庁 code list: the shipped file checks; look-ups name bodies as the government does."""

from __future__ import annotations

from typing import Any

import pytest

from ipkpi.ministries import CodeListError, UnknownMinistryError, ministries, parse_list


def test_the_shipped_list_loads_with_the_bodies_the_plan_and_its_sources_name() -> None:
    codes = ministries()
    for code in [
        "CAO",
        "CAO-IP",
        "MEXT",
        "METI",
        "JPO",
        "MAFF",
        "MOF",
        "NPA",
        "MIC",
        "DIGITAL",
        "MOJ",
        "MOFA",
        "ACA",
        "JTA",
        "ISA",
        "SMEA",
        "MOF-CUSTOMS",
    ]:
        assert code in codes
    assert codes.get("METI").name.ja == "経済産業省"
    assert codes.get("METI").name.en == "Ministry of Economy, Trade and Industry"
    assert codes.get("JPO").name.en == "Japan Patent Office"
    assert codes.get("ISA").name.en == "Immigration Services Agency of Japan"
    assert codes.get("CAO-IP").name.ja == "内閣府知的財産戦略推進事務局"


def test_agencies_belong_to_their_ministry() -> None:
    codes = ministries()
    assert codes.ministry_of("JPO").code == "METI"
    assert codes.ministry_of("ACA").code == "MEXT"
    assert codes.ministry_of("JTA").code == "MLIT"
    assert codes.ministry_of("ISA").code == "MOJ"
    assert codes.ministry_of("MOF-CUSTOMS").code == "MOF"
    # 警察庁 is under 国家公安委員会, itself under 内閣府.
    assert [m.code for m in codes.lineage("NPA")] == ["NPA", "NPSC", "CAO"]
    assert codes.ministry_of("DIGITAL").code == "DIGITAL"
    assert {m.code for m in codes.children("METI")} == {"ANRE", "JPO", "SMEA"}


def test_the_order_is_the_order_of_precedence() -> None:
    codes = ministries()
    assert codes.sorted(["METI", "MEXT", "CAO", "MOF", "MIC"]) == [
        "CAO",
        "MIC",
        "MOF",
        "MEXT",
        "METI",
    ]
    assert codes.sorted(["UNKNOWN", "CAO"]) == ["CAO", "UNKNOWN"]


def test_a_body_is_found_by_its_name_abbreviation_or_alias() -> None:
    codes = ministries()
    found = [
        codes.find(name)
        for name in [
            "特許庁",
            "経産省",
            "税関",
            "知的財産戦略推進事務局",
            "Digital Agency",
            " 文部科学省 ",
        ]
    ]
    assert [m.code if m else None for m in found] == [
        "JPO",
        "METI",
        "MOF-CUSTOMS",
        "CAO-IP",
        "DIGITAL",
        "MEXT",
    ]
    assert codes.find("関係府省等") is None


def test_an_unknown_code_is_refused_with_the_closest_codes_in_both_languages() -> None:
    with pytest.raises(UnknownMinistryError) as caught:
        ministries().get("MEIT")
    assert "METI" in caught.value.suggestions
    assert "府省庁コード 'MEIT' はコード表にありません" in caught.value.message("ja")
    assert "(did you mean METI, " in caught.value.message("en")
    assert ministries().suggest("特許庁") == ["JPO"]


def test_every_english_name_and_url_is_filled() -> None:
    for body in ministries():
        assert body.name.ja and body.name.en, body.code
        assert body.url.startswith("https://"), body.code


def _entry(code: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name": {"ja": code + "省", "en": code},
        "kind": "ministry",
        "url": "https://example.org/",
        **extra,
    }


def test_a_broken_list_reports_every_problem_at_once() -> None:
    data = {
        "bodies": [
            _entry("AAA"),
            _entry("AAA"),
            _entry("BBB", parent="ZZZ"),
            _entry("ccc"),
            {"code": "DDD", "kind": "ministry"},
        ]
    }
    with pytest.raises(CodeListError) as caught:
        parse_list(data)
    text = str(caught.value)
    assert "ccc: code" in text  # pattern
    assert "DDD: name" in text and "DDD: url" in text
    # The model errors come first; with them fixed the list checks run.
    fixed = {"bodies": [_entry("AAA"), _entry("AAA"), _entry("BBB", parent="ZZZ")]}
    with pytest.raises(CodeListError) as caught:
        parse_list(fixed)
    assert caught.value.problems == [
        "AAA: code listed twice",
        "BBB: parent 'ZZZ' is not listed before it",
    ]


def test_a_parent_must_come_before_its_bodies_so_no_loop_can_form() -> None:
    data = {"bodies": [_entry("AAA", parent="BBB"), _entry("BBB", parent="AAA")]}
    with pytest.raises(CodeListError) as caught:
        parse_list(data)
    assert caught.value.problems == ["AAA: parent 'BBB' is not listed before it"]


def test_two_bodies_may_not_share_a_name() -> None:
    data = {"bodies": [_entry("AAA"), _entry("BBB", aliases=["AAA省"])]}
    with pytest.raises(CodeListError) as caught:
        parse_list(data)
    assert caught.value.problems == ["BBB: name 'AAA省' is also AAA's"]
