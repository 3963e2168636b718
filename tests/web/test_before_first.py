"""A date before the first vintage is told as that date: no data yet, the first vintage named,
and none of today's release calendar (the GII "due around September 2026, not yet in the data")
told as if it were that date's. The shipped plan with its shipped data (one vintage)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.report.content import report_data
from ipkpi.web import create_app

from .conftest import TestClient

GII = "kpi/ipx.gii_rank"
BEFORE = "as_of=2020-01-01"


@pytest.fixture(scope="module")
def provider(shipped_provider: FollowUpProvider) -> FollowUpProvider:
    return shipped_provider


@pytest.fixture(scope="module")
def client(provider: FollowUpProvider) -> Iterator[Any]:
    with TestClient(create_app(provider)) as test_client:
        yield test_client


def _first(client: Any) -> str:
    vintages = client.get(f"/{GII}.json").json()["vintages"]
    return str(vintages[-1]["id"]).replace("T", " ")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_kpi_page_says_no_data_yet_and_no_release_month(client: Any, lang: str):
    prefix = "" if lang == "ja" else "/en"
    first = _first(client)
    before = client.get(f"{prefix}/{GII}.json?{BEFORE}").json()
    if lang == "ja":
        said = (
            "データ待ち：世界知的所有権機関（WIPO）「グローバル・イノベーション・インデックス"
            f"（GII）」（この時点ではまだ収録されていません。最初のデータ版は {first}）"
        )
        awaited = "判断に必要な根拠：基準以降あと2件以上の観測値。"
    else:
        said = (
            "Awaiting data: World Intellectual Property Organization (WIPO), Global Innovation "
            f"Index (GII) (not in the data at this date; the first vintage is {first})"
        )
        awaited = "Awaiting: at least 2 more values after the base."
    assert before["data_wait"]["waiting"] is True
    assert [line["text"] for line in before["data_wait"]["lines"]] == [said]
    assert before["why"]["awaited"] == awaited  # no "next release: … 2026" at 2020
    html = client.get(f"{prefix}/{GII}?{BEFORE}").text
    assert said in html and "2026年9月" not in html and "September 2026" not in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_kpi_json_gives_no_state_or_month_before_the_first_vintage(client: Any, lang: str):
    """The JSON says what the page says: the release named, neither today's state ("overdue",
    "upcoming") nor its expected month, which are read from today's calendar."""
    prefix = "" if lang == "ja" else "/en"
    line = client.get(f"{prefix}/{GII}.json?{BEFORE}").json()["data_wait"]["lines"][0]
    assert line["state"] == "before_first_vintage"
    assert line["expected_month"] is None
    if lang == "ja":
        assert line["detail"] == (
            "世界知的所有権機関（WIPO）「グローバル・イノベーション・インデックス（GII）」"
        )
    else:
        assert line["detail"] == (
            "World Intellectual Property Organization (WIPO), Global Innovation Index (GII)"
        )


def test_the_latest_page_keeps_its_release_calendar(client: Any):
    """The words above are the before-first page's only: the latest still names the month."""
    latest = client.get(f"/{GII}.json").json()
    assert latest["data_wait"]["lines"][0]["detail"].endswith("2026年9月ごろ")
    assert latest["data_wait"]["lines"][0]["expected_month"] == "2026-09"
    assert latest["data_wait"]["lines"][0]["state"] != "before_first_vintage"
    assert "次回公表予定：" in latest["why"]["awaited"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_release_calendar_says_when_it_is_read(client: Any, lang: str):
    prefix = "" if lang == "ja" else "/en"
    first = _first(client)
    html = client.get(f"{prefix}/data-due?{BEFORE}").text
    if lang == "ja":
        note = (
            "2020-01-01にはまだデータがありません。"
            f"下の見込みの月と状況は、最初のデータ版（{first}）の直前"
        )
    else:
        note = (
            "There are no data yet at 2020-01-01: the expected months and states below are"
            f" read just before the first vintage ({first})"
        )
    assert note in html
    assert "before-first-note" not in client.get(f"{prefix}/data-due").text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_says_the_wait_as_at_that_date(provider: FollowUpProvider, lang: str):
    import datetime as dt

    followup = provider.get(dt.date(2020, 1, 1))
    data = report_data(followup, provider.changes(dt.date(2020, 1, 1)), lang)
    entries = [k for page in data["pages"] for k in page["kpis"]]
    gii = next(k for k in entries if k["id"] == "ipx.gii_rank")
    first = followup.all_vintages[0].id.replace("T", " ")
    assert len(gii["data_wait"]) == 1 and first in gii["data_wait"][0]
    assert "2026" not in gii["awaited"]


@pytest.mark.browser
@pytest.mark.timeout(180)
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_reader_sees_the_wait_as_at_that_date(
    page: Any, provider: FollowUpProvider, lang: str, width: int
):
    """In a browser, at a phone's and a desktop's width: the wait box names no release month
    and says when the data begin; axe finds nothing."""
    from axe_playwright_python.sync_playwright import Axe

    from .conftest import screenshot, serving

    prefix = "" if lang == "ja" else "/en"
    page.set_viewport_size({"width": width, "height": 900})
    with serving(create_app(provider)) as server:
        page.goto(f"{server}{prefix}/{GII}?{BEFORE}")
        first = provider.get().all_vintages[0].id.replace("T", " ")
        wait = page.locator(".data-wait")
        assert wait.is_visible()
        text = wait.inner_text()
        if lang == "ja":
            assert f"この時点ではまだ収録されていません。最初のデータ版は {first}" in text
        else:
            assert f"not in the data at this date; the first vintage is {first}" in text
        assert "2026" not in text.replace(first, "")
        awaited = page.locator(".headline-awaited").inner_text()
        assert "2026" not in awaited
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        axe = Axe().run(page)
        assert axe.violations_count == 0, axe.generate_report()
        screenshot(page, f"before-first-{lang}-{width}")
