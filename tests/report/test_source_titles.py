"""A source published in Japanese only is named by its Japanese title in the English report and
marked 「…」 (in Japanese): it does not look like an untranslated string, and no translation is
made up to pass for a published title."""

from __future__ import annotations

import re

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.report.content import report_data
from ipkpi.text import marked_title, written_in

from ..shipped_data import shipped_store

KOREAN = "이투데이 (etoday): 한국의 GII 순위"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("title", "lang", "shown"),
    [
        ("三枝国際特許事務所：GII 2023", "en", "三枝国際特許事務所：GII 2023 (in Japanese)"),
        (KOREAN, "en", f"{KOREAN} (in Korean)"),
        (KOREAN, "ja", f"{KOREAN}（韓国語）"),
        ("三枝国際特許事務所：GII 2023", "ja", "三枝国際特許事務所：GII 2023"),
        ("infojustice.org: GII 2018 (2017 ranks in brackets)", "en",
         "infojustice.org: GII 2018 (2017 ranks in brackets)"),
        ("infojustice.org: GII 2018", "ja", "infojustice.org: GII 2018"),
    ],
)  # fmt: skip
def test_a_title_says_the_language_it_was_published_in(title: str, lang: str, shown: str):
    assert marked_title(title, lang) == shown  # type: ignore[arg-type]


def test_a_title_is_told_by_its_script():
    assert written_in("Media × Content Market Database") is None
    assert written_in("「知的財産推進計画2025」の概要") == "ja"
    assert written_in("KISTEP 통계: GII 2015") == "ko"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> FollowUpProvider:
    return shipped_store(tmp_path_factory.mktemp("titles") / "s.db")[2]


def test_every_japanese_source_title_of_the_english_report_is_marked(shipped: FollowUpProvider):
    data = report_data(shipped.get(), shipped.changes(), "en")
    lines = [x for page in data["pages"] for found in page["sources"].values() for x in found]
    japanese = [line for line in lines if JAPANESE.search(line)]
    assert len(japanese) >= 10  # the shipped data quote many Japanese releases
    unmarked = [line for line in japanese if "(in Japanese)" not in line]
    assert unmarked == []
    gii = next(
        page["sources"]["ipx.gii_rank"]
        for page in data["pages"]
        if "ipx.gii_rank" in page["sources"]
    )
    assert gii == [
        "Overview of the Intellectual Property Strategic Program 2025",
        "科学技術振興機構 サイエンスポータルチャイナ"
        "「グローバル・イノベーション・インデックス2025」 (in Japanese) https://spc.jst.go.jp/news/250904/topic_1_03.html",
    ]
    japanese_report = report_data(shipped.get(), shipped.changes(), "ja")
    ja_lines = [x for p in japanese_report["pages"] for v in p["sources"].values() for x in v]
    assert not any("Japanese" in x or "日本語" in x for x in ja_lines)
