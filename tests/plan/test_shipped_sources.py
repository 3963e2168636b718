"""Where every shipped value comes from, and the values of the KPIs filled from public data.

Each observation's source address is on the web domain of a public body the plan lists in
publishers.yaml (the series' publisher, or a public body reproducing its figures), or the
value carries the ``secondary`` flag and its editor's note says why. The golden values below
were read in the publications named, as the editor's notes record.
"""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ipkpi.plan import Milestone, Plan
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan

PLAN_DIR = Path(__file__).parents[2] / "plans" / "ip2025"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_DIR)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (PLAN_DIR / OBSERVATIONS_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def value(rows: list[dict[str, str]], series: str, period: str) -> dict[str, str]:
    found = [r for r in rows if r["series"] == series and r["period"] == period]
    assert len(found) == 1, f"{series} {period}"
    return found[0]


def flags(row: dict[str, str]) -> set[str]:
    return set(filter(None, row["flags"].split(";")))


def on_domain(url: str, domains: set[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def test_every_source_is_a_public_bodys_own_page_or_flagged_secondary(
    plan: Plan, rows: list[dict[str, str]]
) -> None:
    domains = {d for p in plan.publishers for d in p.domains}
    assert {"wipo.int", "npa.go.jp", "e-stat.go.jp", "mof.go.jp", "maff.go.jp"} <= domains
    releases = plan.release_by_id()
    own = {p.id: set(p.domains) for p in plan.publishers}
    publisher_of = {s.id: releases[s.release].publisher for _, s in plan.all_series() if s.release}
    for row in rows:
        where = f"{row['series']} {row['period']} ({row['source_url']})"
        if "secondary" in flags(row):
            assert row["editor_note"].strip(), f"secondary without a reason: {where}"
            # A public body may quote another body's figure (the plan overview quoting the GII):
            # secondary then, but never on the series' own publisher's domain.
            assert not on_domain(row["source_url"], own[publisher_of[row["series"]]]), (
                f"flagged secondary but the publisher's own page: {where}"
            )
        else:
            assert on_domain(row["source_url"], domains), f"not a public body's page: {where}"


def test_the_count_of_primary_and_secondary_values(rows: list[dict[str, str]]) -> None:
    # The closing note's figures (notes/sources.md): 361 values; 173 read on a public body's own
    # page, 188 secondary once the 14 GII ranks quoted by KISTEP, JST and the plan overview moved.
    secondary = [r for r in rows if "secondary" in flags(r)]
    assert (len(rows), len(rows) - len(secondary), len(secondary)) == (361, 173, 188)


def test_every_series_with_values_names_its_release(plan: Plan, rows: list[dict[str, str]]) -> None:
    releases = plan.release_by_id()
    with_values = {r["series"] for r in rows}
    for _, series in plan.all_series():
        if series.id in with_values:
            assert series.release in releases, series.id


# -- the four KPIs the review found empty although public data exist ----------------------------

# 警察庁「令和6年における生活経済事犯の検挙状況等について」, as reproduced by 神奈川県警察
# SEAGULL通信 No.55 (2025-05-01); 2013 from Kyodo (熊本日日新聞 2023-03-23).
TRADE_SECRET_CASES = {2013: 5, 2015: 12, 2016: 18, 2017: 18, 2018: 18, 2019: 21, 2020: 22,
                      2021: 23, 2022: 29, 2023: 26, 2024: 22}  # fmt: skip
TRADE_SECRET_CONSULTATIONS = {2015: 26, 2016: 35, 2017: 72, 2018: 47, 2019: 49, 2020: 37,
                              2021: 60, 2022: 59, 2023: 78, 2024: 79}  # fmt: skip


def test_trade_secret_cases_are_the_npas(rows: list[dict[str, str]]) -> None:
    for year, cases in TRADE_SECRET_CASES.items():
        row = value(rows, "protection.leakage.trade_secret_cases.arrests", str(year))
        assert float(row["value"]) == cases
    for year, count in TRADE_SECRET_CONSULTATIONS.items():
        row = value(rows, "protection.leakage.trade_secret_cases.consultations", str(year))
        assert float(row["value"]) == count
        assert "police.pref.kanagawa.jp" in row["source_url"]


# 出入国在留管理庁「在留外国人統計」(e-Stat, 表番号01), 総数, 高度専門職１号イ / １号ロ.
HIGHLY_SKILLED = {"2015-06": (105, 431), "2020-06": (1950, 13023), "2024-12": (2528, 21094),
                  "2025-06": (2766, 22923)}  # fmt: skip


def test_highly_skilled_professionals_are_the_sum_of_the_two_statuses(
    rows: list[dict[str, str]],
) -> None:
    base = "creation.talent.highly_skilled_foreign_residents"
    for period, (type_a, type_b) in HIGHLY_SKILLED.items():
        assert float(value(rows, base + ".type_a", period)["value"]) == type_a
        assert float(value(rows, base + ".type_b", period)["value"]) == type_b
        total = value(rows, base + ".residents", period)
        assert float(total["value"]) == type_a + type_b
        assert "derived" in flags(total)
    periods = [r["period"] for r in rows if r["series"] == base + ".residents"]
    assert len(periods) == 21 and periods[0] == "2015-06" and periods[-1] == "2025-06"


@pytest.mark.parametrize("kpi_id", ["protection.ipr.damages_awarded", "protection.ipr.adr_cases"])
def test_the_kpis_without_public_series_say_why(plan: Plan, kpi_id: str) -> None:
    kpi = plan.kpi(kpi_id)
    assert kpi is not None
    assert any(n.ja.startswith("データなし：") and n.en.startswith("No data:") for n in kpi.notes)


# -- conflicts of the review, resolved by the publishers' own releases ---------------------------


def test_gii_2025_japan_and_2019_korea_are_no_longer_uncertain(rows: list[dict[str, str]]) -> None:
    japan = value(rows, "ipx.gii_rank.jpn", "2025")
    assert float(japan["value"]) == 12 and "uncertain" not in flags(japan)
    assert "spc.jst.go.jp" in japan["source_url"] and "secondary" in flags(japan)
    korea = value(rows, "ipx.gii_rank.kor", "2019")
    assert float(korea["value"]) == 11 and not flags(korea)
    assert "insead.edu" in korea["source_url"]
    japan_2019 = value(rows, "ipx.gii_rank.jpn", "2019")
    assert float(japan_2019["value"]) == 15 and "derived" not in flags(japan_2019)


def test_gii_china_2015_and_2018_are_read_in_the_co_publishers_releases(
    rows: list[dict[str, str]],
) -> None:
    # INSEAD, "GII 2018: China Cracks Top 20 ...": "China's number 17 ranking this year".
    china = value(rows, "ipx.gii_rank.chn", "2018")
    assert float(china["value"]) == 17 and not flags(china)
    assert "insead.edu" in china["source_url"]
    # Cornell Chronicle on the GII 2015: "China (29th) and Malaysia (32nd) show a performance ...".
    china_2015 = value(rows, "ipx.gii_rank.chn", "2015")
    assert float(china_2015["value"]) == 29 and not flags(china_2015)
    assert "cornell.edu" in china_2015["source_url"]


def test_agrifood_2020_on_the_new_basis_is_derived_from_the_2021_release(
    rows: list[dict[str, str]],
) -> None:
    new_2020 = value(rows, "protection.regional.agrifood_exports.total", "2020")
    assert float(new_2020["value"]) == 12385 - 2525  # 2021: 1兆2,385億円, +2,525億円
    assert {"derived", "break_in_series"} <= flags(new_2020)
    old_2020 = value(rows, "protection.regional.agrifood_exports.old_basis", "2020")
    assert float(old_2020["value"]) == 9223
    revised_2024 = value(rows, "protection.regional.agrifood_exports.total", "2024")
    assert float(revised_2024["value"]) == 17005 - 1934  # 2025: 1兆7,005億円, +1,934億円
    assert "1兆5,073億円" in revised_2024["note"]


def test_the_piracy_baseline_has_its_period(plan: Plan) -> None:
    kpi = plan.kpi("protection.piracy.publication_piracy_access")
    assert kpi is not None and kpi.baseline is not None
    assert kpi.baseline.period == "2025-03" and kpi.baseline.flags.approximate


def test_the_data_basic_policy_was_met_on_time_with_its_source(plan: Plan) -> None:
    # Its completion is data (plans/ip2025/milestones.csv, tests/store/test_shipped_milestones.py),
    # not a status written in the plan.
    kpi = plan.kpi("utilization.data.basic_policy")
    assert isinstance(kpi, Milestone)
    assert kpi.status == "unknown" and kpi.done_on is None and kpi.evidence
    source = plan.source_by_id()[kpi.evidence]
    assert source.url is not None and source.url.startswith("https://www.cas.go.jp/")


def test_a_national_office_quoting_a_gii_rank_is_a_secondary_source(
    rows: list[dict[str, str]],
) -> None:
    # CNIPA's news page on China's GII ranking quotes ranks 43 (2009-10 edition) and 29 (2011);
    # a national IP office is not the GII's publisher (WIPO, INSEAD, Cornell).
    for period, rank in (("2009", 43), ("2011", 29)):
        row = value(rows, "ipx.gii_rank.chn", period)
        assert float(row["value"]) == rank and "cnipa.gov.cn" in row["source_url"]
        assert "secondary" in flags(row) and "not the GII's publisher" in row["editor_note"]


# KISTEP (7 ranks), JST (3) and the plan overview (4) quote GII ranks; none is the GII's publisher,
# and WIPO's (for 2007 INSEAD's) own report or release giving the rank was not reachable.
QUOTED_GII = {"kistep.re.kr": 7, "jst.go.jp": 3, "kantei.go.jp": 4}


def test_gii_ranks_quoted_by_a_body_that_is_not_its_publisher_say_so_in_public(
    rows: list[dict[str, str]],
) -> None:
    gii = [r for r in rows if r["series"].startswith("ipx.gii_rank.")]
    for domain, count in QUOTED_GII.items():
        quoted = [r for r in gii if on_domain(r["source_url"], {domain})]
        assert len(quoted) == count, domain
        for row in quoted:
            assert "secondary" in flags(row), row["period"]
            assert "が引用した順位" in row["note"] and "確認できていない" in row["note"]
            english = row["note_en"]
            assert "The rank as quoted by" in english and "could not be checked" in english
            assert "not the GII's publisher" in row["editor_note"]
    japan_2024 = value(rows, "ipx.gii_rank.jpn", "2024")
    assert float(japan_2024["value"]) == 13 and "知的財産戦略本部" in japan_2024["note"]
    assert "INSEAD" in value(rows, "ipx.gii_rank.jpn", "2007")["note_en"]


def test_the_gii_note_says_a_quoted_rank_is_secondary(plan: Plan) -> None:
    # The public note of the KPI must not call the quoting bodies primary (it did before 0368496).
    kpi = plan.kpi("ipx.gii_rank")
    assert kpi is not None
    note = next(n for n in kpi.notes if n.en.startswith("Sources are"))
    assert "another body quoting it (JST, KISTEP, CNIPA, the plan overview)" in note.en
    assert "他の機関による引用" in note.ja and "「二次資料」と表示" in note.ja
