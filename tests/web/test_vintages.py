"""Vintages told apart within a day, named in links, and said on every page that is not the
latest: a past vintage has a banner, a date before the first vintage says there are no data.

The fixture files are the test plan's two releases (``fixtures/webplan/vintage1.csv`` and
``vintage2.csv``, a revision of 2023 and a new 2024), here both imported on 2025-06-30.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.web import create_app
from ipkpi.web.site import build_site

from .conftest import WEBPLAN

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

MORNING = dt.datetime(2025, 6, 30, 9, 0)
AFTERNOON = dt.datetime(2025, 6, 30, 15, 30)


@pytest.fixture(scope="module")
def same_day(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FollowUpProvider]:
    store = Store.open(tmp_path_factory.mktemp("same-day") / "s.db")
    catalog = catalog_from_plan(plan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import_file(store, WEBPLAN / "vintage1.csv", catalog, recorded_at=MORNING)
        import_file(store, WEBPLAN / "vintage2.csv", catalog, recorded_at=AFTERNOON)
    yield FollowUpProvider(plan, StoreSource(store, plan))
    store.close()


@pytest.fixture(scope="module")
def client(same_day: FollowUpProvider) -> Iterator[TestClient]:
    with TestClient(create_app(same_day)) as test_client:
        yield test_client


def test_two_imports_on_one_day_are_two_vintages_named_by_their_time(client: Any):
    page = client.get("/kpi/alpha.one.exports.json").json()
    assert [v["id"] for v in page["vintages"]] == ["2025-06-30T15:30:00", "2025-06-30T09:00:00"]
    assert [v["recorded_at"] for v in page["vintages"]] == [
        "2025-06-30T15:30:00",
        "2025-06-30T09:00:00",
    ]
    assert page["vintage"] == "2025-06-30T15:30:00"
    morning = client.get("/kpi/alpha.one.exports.json?as_of=2025-06-30T09:00:00").json()
    assert morning["vintage"] == "2025-06-30T09:00:00"
    values = {r["period"]: r["value"] for r in morning["table"]["rows"]}
    assert values["2023"] == 1.4547 and "2024" not in values  # the morning's file only
    assert {r["vintage"] for r in morning["table"]["rows"]} == {"2025-06-30T09:00:00"}


def test_the_date_alone_means_the_end_of_that_day(client: Any):
    day = client.get("/kpi/alpha.one.exports.json?as_of=2025-06-30").json()
    assert day["vintage"] == "2025-06-30T15:30:00"
    noon = client.get("/kpi/alpha.one.exports.json?as_of=2025-06-30T12:00").json()
    assert noon["vintage"] == "2025-06-30T09:00:00"


def test_what_changed_compares_the_two_imports_of_the_day(client: Any):
    changes = client.get("/en/index.json").json()["changes"]
    assert (changes["previous"], changes["current"]) == (
        "2025-06-30T09:00:00",
        "2025-06-30T15:30:00",
    )
    kinds = {(c["kpi_id"], c["kind"], c["period"]) for c in changes["items"]}
    assert ("alpha.one.exports", "revised", "2023") in kinds


def test_a_past_vintage_has_a_banner_and_the_latest_none(client: Any):
    past = client.get("/en/kpi/alpha.one.exports?as_of=2025-06-30T09:00:00").text
    assert "You are looking at a past data vintage (2025-06-30 09:00:00)" in past
    assert "the latest is 2025-06-30 15:30:00" in past
    latest = client.get("/en/kpi/alpha.one.exports").text
    assert "past data vintage" not in latest
    japanese = client.get("/kpi/alpha.one.exports?as_of=2025-06-30T09:00:00").text
    assert "過去のデータ版（2025-06-30 09:00:00）を表示しています。" in japanese


def test_a_date_before_the_first_vintage_says_there_are_no_data_yet(client: Any):
    body = client.get("/kpi/alpha.one.exports.json?as_of=2020-01-01").json()
    assert body["vintage"] is None and body["table"]["rows"] == []
    assert body["as_of"] == "2020-01-01"  # the date asked for, not the day before the first
    assert client.get("/en/index.json?as_of=2019-05-01").json()["as_of"] == "2019-05-01"
    page = client.get("/en/kpi/alpha.one.exports?as_of=2020-01-01").text
    assert "There are no data yet at this date (the first vintage is 2025-06-30 09:00:00)." in page
    home = client.get("/?as_of=2020-01-01").text
    assert "この時点ではまだデータがありません（最初のデータ版は 2025-06-30 09:00:00）。" in home


def test_a_moment_that_is_not_one_is_a_clear_400(client: Any):
    response = client.get("/en/kpi/alpha.one.exports.json?as_of=2025-06-30T25:00")
    assert response.status_code == 400
    assert "YYYY-MM-DDTHH:MM (UTC)" in response.json()["error"]["message"]


def test_the_static_site_has_a_folder_per_vintage_of_the_day(
    same_day: FollowUpProvider, tmp_path: Path
):
    build_site(same_day, tmp_path / "site")
    morning = tmp_path / "site" / "as-of" / "2025-06-30T090000" / "kpi" / "alpha.one.exports.json"
    assert '"vintage":"2025-06-30T09:00:00"' in morning.read_text(encoding="utf-8")
    stub = tmp_path / "site" / "as-of" / "2025-06-30T153000" / "kpi" / "alpha.one.exports.html"
    assert "url=../../../kpi/alpha.one.exports.html" in stub.read_text(encoding="utf-8")


BANNER_PAGES = ("/", "/part/alpha", "/kpi/alpha.one.exports", "/progress", "/search?q=export")


@pytest.mark.browser
@pytest.mark.timeout(300)
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_banner_is_seen_on_every_page_of_a_past_vintage_and_before_the_first(
    page: Any, same_day: FollowUpProvider, lang: str, width: int
):
    from axe_playwright_python.sync_playwright import Axe

    from .conftest import screenshot, serving

    prefix = "" if lang == "ja" else "/en"
    past = "過去のデータ版（2025-06-30 09:00:00）" if lang == "ja" else "past data vintage"
    before = "まだデータがありません" if lang == "ja" else "There are no data yet at this date"
    page.set_viewport_size({"width": width, "height": 900})
    with serving(create_app(same_day)) as server:
        for path in BANNER_PAGES:
            glue = "&" if "?" in path else "?"
            for as_of, said, kind in (
                ("2025-06-30T09:00:00", past, "past"),
                ("2020-01-01", before, "before"),
            ):
                page.goto(f"{server}{prefix}{path}{glue}as_of={as_of}")
                banner = page.locator(
                    f".vintage-banner.{'past' if kind == 'past' else 'before-first'}"
                )
                assert banner.is_visible(), (path, as_of)
                assert said in banner.inner_text()
                box = banner.bounding_box()
                assert box is not None and box["y"] < 400  # seen without scrolling
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                chosen = page.locator("#as-of-select option:checked").inner_text()
                if kind == "before":  # the selector shows the date asked, not "latest"
                    state = "最初のデータ版より前" if lang == "ja" else "before the first vintage"
                    assert chosen == f"2020-01-01 ({state})", chosen
                else:
                    assert chosen == "2025-06-30 09:00:00", chosen
                if path == "/kpi/alpha.one.exports":
                    axe = Axe().run(page)
                    assert axe.violations_count == 0, axe.generate_report()
                    screenshot(page, f"vintage-{kind}-{lang}-{width}")
                page.locator(".vintage-banner a").click()  # "show the latest"
                assert page.locator(".vintage-banner").count() == 0
