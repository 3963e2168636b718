"""The data calendar page and a KPI's 「データ待ち」 line, on the shipped plan and data.

Expected months are those the shipped releases give (releases.yaml): GII editions around
September, the NPA's figures around March; irregular publications have no date.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.web import create_app

from .conftest import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = Path(default_plan_dir())
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("due") / "s.db")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, folder, catalog_from_plan(plan))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    with TestClient(create_app(provider)) as test_client:
        test_client.provider = provider  # the report below reads the same follow-up
        yield test_client
    store.close()


def test_the_calendar_lists_each_publisher_overdue_first(client: Any):
    page = client.get("/data-due.json?month=2026-12").json()
    assert page["month"] == "2026-12"
    first = page["publishers"][0]
    assert first["id"] == "wipo"
    gii = first["items"][0]
    assert (gii["kpi_id"], gii["latest"]) == ("ipx.gii_rank", "2025")
    assert gii["expected_period"] == "2026"
    assert (gii["state"], gii["expected"], gii["expected_month"]) == (
        "overdue",
        "2026年9月ごろ",
        "2026-09",
    )
    states = {i["state"] for p in page["publishers"] for i in p["items"]}
    assert states == {"overdue", "upcoming", "unknown"}
    courts = next(p for p in page["publishers"] if p["id"] == "ip-high-court")
    assert courts["items"][0]["expected"] == "未定" and courts["items"][0]["expected_month"] is None
    unnamed = {u["kpi_id"] for u in page["unnamed"]}
    assert "utilization.academia.social_implementation" in unnamed
    assert "protection.ipr.damages_awarded" not in unnamed  # it names the court's statistics


def test_september_2026_makes_gii_due_this_month(client: Any):
    page = client.get("/en/data-due.json?month=2026-09").json()
    gii = next(p for p in page["publishers"] if p["id"] == "wipo")["items"][0]
    assert (gii["state"], gii["expected"]) == ("due", "around September 2026")
    html = client.get("/en/data-due?month=2026-09").text
    assert "Data release calendar, by publisher (September 2026)" in html
    assert "World Intellectual Property" in html and "once a year" in html


def test_a_bad_month_is_a_400_that_says_how_to_write_it(client: Any):
    response = client.get("/en/data-due?month=2026-9")
    assert response.status_code == 400
    assert "is not a month: use YYYY-MM, e.g. 2026-09" in response.text


def test_a_kpi_without_data_says_whom_it_waits_for(client: Any):
    html = client.get("/kpi/protection.ipr.damages_awarded").text
    assert (
        "データ待ち：知的財産高等裁判所「特許権の侵害に関する訴訟における統計（東京地裁・大阪地裁）」"
        "（次回公表予定：未定）" in html
    )
    page = client.get("/en/kpi/utilization.academia.social_implementation.json").json()
    assert page["data_wait"]["waiting"] is True
    assert page["data_wait"]["lines"][0]["text"].startswith("Awaiting data: no publisher or date")


def test_a_kpi_with_current_data_gives_its_next_release(client: Any):
    page = client.get("/kpi/protection.piracy.customs_suspensions.json?as_of=2026-12-02").json()
    wait = page["data_wait"]
    assert wait["waiting"] is False
    assert [line["expected_month"] for line in wait["lines"]] == ["2027-03"]
    assert wait["lines"][0]["detail"] == (
        "財務省関税局「税関における知的財産侵害物品の差止状況」 2027年3月ごろ"
    )


def test_a_milestone_status_is_words_not_an_enum(client: Any):
    html = client.get("/kpi/utilization.data.basic_policy").text
    assert "達成（2025-06-13）" in html and ">done<" not in html
    english = client.get("/en/kpi/utilization.data.basic_policy").text
    assert "Done (2025-06-13)" in english


def test_the_report_says_the_same_wait_as_the_kpi_page(client: Any):
    from ipkpi.report import render_markdown, report_data

    provider = client.provider
    data = report_data(provider.get(), provider.changes(), "ja")
    entries = {k["id"]: k for p in data["pages"] for k in p["kpis"]}
    page = client.get("/kpi/protection.ipr.damages_awarded.json").json()
    assert entries["protection.ipr.damages_awarded"]["data_wait"] == [
        line["text"] for line in page["data_wait"]["lines"]
    ]
    assert entries["protection.piracy.customs_suspensions"]["data_wait"] == []
    assert "> データ待ち：知的財産高等裁判所" in render_markdown(data)


def test_lists_mark_the_kpis_without_data(client: Any):
    page = client.get("/progress.json").json()
    awaiting = {row["id"] for row in page["kpis"] if row["awaiting"]}
    assert "protection.ipr.damages_awarded" in awaiting
    assert "utilization.data.basic_policy" not in awaiting  # a recorded milestone has data
    assert len(awaiting) == 11
    assert '<span class="awaiting">データ待ち</span>' in client.get("/progress").text


def test_the_cool_japan_table_keeps_the_decks_groups_and_headings(client: Any):
    # The plan overview's table (slide 15): groups 食 / ファッション / 化粧品,
    # columns 今回調査値（兆円）, 増減率（%）, 前回調査(兆円).
    page = client.get("/kpi/cj.overseas_total.json").json()
    components = page["components"]
    assert components["headings"] == {
        "current": "今回調査値（兆円）",
        "change": "増減率（%）",
        "previous": "前回調査(兆円)",
    }
    groups = [row["group"] for row in components["rows"]]
    assert {"食", "ファッション", "化粧品"} <= set(groups)
    html = client.get("/kpi/cj.overseas_total").text
    assert (
        '<th scope="col">今回調査値（兆円）</th>' in html
        and '<span class="component-group">ファッション</span>' in html
    )
    english = client.get("/en/kpi/cj.overseas_total").text
    assert (
        "This survey (trillion yen)" in english
        and '<span class="component-group">Cosmetics</span>' in english
    )


def test_the_pillars_keep_the_decks_heading_and_labels(client: Any):
    # Slide 2: 実現のための３つの柱; 第一の柱：イノベーション拠点としての競争力強化 …
    home = client.get("/index.json").json()
    assert home["pillars_heading"] == "実現のための３つの柱"
    assert [p["label"] for p in home["pillars"]] == ["第一の柱", "第二の柱", "第三の柱"]
    html = client.get("/").text
    assert "第一の柱：イノベーション拠点としての競争力強化" in html
    assert "First pillar: Stronger competitiveness as an innovation hub" in client.get("/en/").text
