"""The KPI page's headline box on the shipped plan: the method named once, the evidence under
the verdict sentence in words a newcomer reads, and the numbers box in the same words.

Values from the shipped data (plans/ip2025): the GII rank 13th in 2024 (the plan's baseline,
WIPO GII 2024) and 12th in 2025 (WIPO GII 2025); the piracy accesses 3億/月 in 2025-03 (the
plan's baseline, ABJ) and 1.4億/月 in 2025-07 (ABJ); the doctorates per million FY2018 and
FY2021 (NISTEP 科学技術指標). The minimum is the evidence rule's (annual: 2 values over 2
years; monthly: 3 over 6 months; docs/assessment.md, "The evidence rule").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.cli.status_cmd import status_row
from ipkpi.followup import FollowUp
from ipkpi.report.content import kpi_entry
from ipkpi.text import Lang

from .everywhere import shipped_world

GII = "ipx.gii_rank"
PIRACY = "protection.piracy.publication_piracy_access"
DOCTORATES = "creation.talent.doctorates_per_million"

EVIDENCE: dict[tuple[str, Lang], str] = {
    (GII, "ja"): "根拠：基準（2024）以降の観測値1件・1年分（評価に必要な最低限は2件・2年分）。"
    "順位の動き1つは誤差の範囲（2つ以上の動きが必要）",
    (GII, "en"): "Evidence: 1 observation over 1 year since the baseline (2024); the minimum "
    "for a verdict is 2 over 2 years; a move of 1 place is within a ranking's noise "
    "(2 or more needed)",
    (PIRACY, "ja"): "根拠：基準（2025-03）以降の観測値1件・4か月分"
    "（評価に必要な最低限は3件・6か月分）",
    (PIRACY, "en"): "Evidence: 1 observation over 4 months since the baseline (2025-03); the "
    "minimum for a verdict is 3 over 6 months",
    (DOCTORATES, "ja"): "根拠：基準（FY2018）以降の観測値1件・3年分"
    "（評価に必要な最低限は2件・2年分）",
    (DOCTORATES, "en"): "Evidence: 1 observation over 3 years since the base (FY2018); the "
    "minimum for a verdict is 2 over 2 years",
}

STILL_NEEDED: dict[tuple[str, Lang], str] = {
    (GII, "ja"): "観測値あと1件以上、期間あと1年以上、基準から順位が2つ以上動くこと",
    (GII, "en"): "at least 1 more observation; at least 1 more year; a move of 2 or more "
    "places from the base",
    (PIRACY, "ja"): "観測値あと2件以上、期間あと2か月以上",
    (PIRACY, "en"): "at least 2 more observations; at least 2 more months",
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any]]:
    with shipped_world(tmp_path_factory.mktemp("box")) as found:
        yield found


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def _box(page: str) -> str:
    start = page.index('class="headline-verdict')
    return page[start : page.index("</section>", start)]


def _prefix(lang: Lang) -> str:
    return "" if lang == "ja" else "/en"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kpi", [GII, PIRACY, DOCTORATES])
def test_the_evidence_stands_under_the_verdict_sentence(
    world: tuple[FollowUp, Any], kpi: str, lang: Lang
) -> None:
    followup, client = world
    box = _box(client.get(f"{_prefix(lang)}/kpi/{kpi}").text)
    found = re.search(r'<p class="headline-evidence">(.*?)</p>', box, re.S)
    assert found is not None
    assert _text(found.group(1)) == EVIDENCE[(kpi, lang)]
    # under the sentence: the sentence comes first
    assert box.index("headline-sentence") < box.index("headline-evidence")
    # the same words in the page JSON, `ipkpi status` and the report
    status = followup.kpi(kpi)
    assert status is not None
    page = client.get(f"{_prefix(lang)}/kpi/{kpi}.json").json()
    assert page["why"]["evidence_text"] == EVIDENCE[(kpi, lang)]
    assert status_row(status, None, lang)["evidence_text"] == EVIDENCE[(kpi, lang)]
    assert kpi_entry(status, lang, followup)["evidence"] == EVIDENCE[(kpi, lang)]


SENTENCES: dict[tuple[str, Lang], str] = {
    (GII, "ja"): "基準は2024の13位、最新は2025の12位。"
    "（線形ギャップ法の計算では「順調（目標達成ペース）」に当たるが、根拠が足りない。）",
    (GII, "en"): "The base is rank 13 (2024), the latest rank 12 (2025). "
    "(Linear gap rule alone would say 'On track', on too little evidence.)",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_too_early_sentence_leaves_the_count_to_the_evidence_line(
    world: tuple[FollowUp, Any], lang: Lang
) -> None:
    _, client = world
    box = _box(client.get(f"{_prefix(lang)}/kpi/{GII}").text)
    found = re.search(r'<p class="headline-sentence">(.*?)</p>', box, re.S)
    assert found is not None
    assert _text(found.group(1)) == SENTENCES[(GII, lang)]
    # the count and the minimum are said once, in the evidence line
    assert _text(box).count("2件・2年分" if lang == "ja" else "2 over 2 years") == 1


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kpi", [GII, PIRACY])
def test_the_box_names_the_method_once(world: tuple[FollowUp, Any], kpi: str, lang: Lang) -> None:
    _, client = world
    box = _text(_box(client.get(f"{_prefix(lang)}/kpi/{kpi}").text))
    label = "評価の根拠" if lang == "ja" else "Evidence rule"
    assert box.count(label) == 1


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kpi", [GII, PIRACY])
def test_the_numbers_box_says_the_minimum_in_the_same_words(
    world: tuple[FollowUp, Any], kpi: str, lang: Lang
) -> None:
    _, client = world
    page = client.get(f"{_prefix(lang)}/kpi/{kpi}.json").json()
    numbers = {n["key"]: n for n in page["verdicts"][0]["numbers"]}
    basis, needed = numbers["evidence_basis"], numbers["evidence_still_needed"]
    assert basis["label"] == ("根拠の基準" if lang == "ja" else "Basis")
    assert needed["label"] == ("今後必要な根拠" if lang == "ja" else "Evidence still needed")
    lead = "根拠：" if lang == "ja" else "Evidence: "
    assert basis["text"] == EVIDENCE[(kpi, lang)].removeprefix(lead)
    assert needed["text"] == STILL_NEEDED[(kpi, lang)]
    assert "thresholds" not in numbers  # no raw count/span/observed_count names
    listed = client.get(f"{_prefix(lang)}/kpi/{kpi}").text
    assert "observed_count" not in listed


def test_a_peer_ratio_reads_as_a_share_of_the_peers_level(world: tuple[FollowUp, Any]) -> None:
    # Doctorates per million vs the peers' level: 120/375 = 32.0 % (FY2018), 123/340 = 36.2 %
    # (FY2021), target 100 % (NISTEP 科学技術指標), as the sentence says, not 0.32 / 0.362 / 1.
    _, client = world
    page = client.get(f"/kpi/{DOCTORATES}.json").json()
    numbers = {n["key"]: n["text"] for n in page["verdicts"][0]["numbers"]}
    assert numbers["base"] == "32.0% (FY2018)"
    assert numbers["current"] == "36.2% (FY2021)"
    assert numbers["target"] == "100.0%"
