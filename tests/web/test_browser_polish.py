"""Pages at 390 px and 1366 px in both languages: nothing wider than the screen, tables as
labelled cards on a phone, the chart's legend, event list, series switches and image buttons,
home tiles, search facts and a 404 that offers a way on; axe finds no violation."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

WIDTHS = (390, 1366)
PAGES = (
    "/",
    "/part/alpha",
    "/kpi/alpha.one.rank",
    "/kpi/beta.two.access",
    "/progress",
    "/search?q=export",
    "/embed/alpha.one.rank",
)


def _url(base: str, lang: str, path: str) -> str:
    return base + ("/en" + path if lang == "en" else path)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_page_is_wider_than_the_screen_and_axe_is_clean(
    page: Any, live_server: str, width: int, lang: str
):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        page.goto(_url(live_server, lang, path))
        if page.locator("#chart").count():
            page.wait_for_selector("#chart svg", timeout=20_000)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, (path, wide)
        result = Axe().run(page)
        assert result.violations_count == 0, (path, result.generate_report())


def test_a_kpi_table_becomes_labelled_cards_on_a_phone(page: Any, live_server: str):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server + "/en/progress")
    cell = page.locator("table.kpis tbody tr").first.locator("td").last
    assert cell.evaluate("e => getComputedStyle(e).display") == "block"
    before = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert "Verdict" in before
    page.set_viewport_size({"width": 1366, "height": 900})
    assert cell.evaluate("e => getComputedStyle(e).display") == "table-cell"


def test_the_chart_has_switches_for_its_series_and_image_buttons(page: Any, live_server: str):
    page.goto(live_server + "/en/kpi/alpha.one.rank")
    page.wait_for_selector("#chart svg", timeout=20_000)
    boxes = page.locator(".chart-toggles input[type=checkbox]")
    assert boxes.count() == 2  # Japan and its peer, Korea
    assert "Korea" in (page.text_content("#chart svg") or "")
    page.locator(".chart-toggles label", has_text="Korea").click()
    assert not page.locator(".chart-toggles input").nth(1).is_checked()
    with page.expect_download() as info:
        page.click(".chart-save .save-png")
    assert info.value.suggested_filename == "alpha.one.rank.png"


def test_events_are_numbered_under_the_chart(page: Any, live_server: str):
    page.goto(live_server + "/en/kpi/beta.two.access")
    assert page.locator("ol.events li").first.get_attribute("value") == "1"


def test_home_shows_tiles_and_a_404_offers_the_nearest_kpi(page: Any, live_server: str):
    page.goto(live_server + "/en/")
    assert page.locator(".tiles .tile").count() >= 4
    response = page.goto(live_server + "/en/kpi/alpha.one.rnk")
    assert response is not None and response.status == 404
    assert (
        page.locator("#nearest + ul a")
        .first.get_attribute("href")
        .endswith("/en/kpi/alpha.one.rank")
    )
    assert page.input_value("form[role=search] input[name=q]") == "alpha one rnk"


def test_search_results_carry_the_verdict_and_a_counted_total(page: Any, live_server: str):
    page.goto(live_server + "/en/search?q=export")
    assert page.inner_text("#result-count") == "3 results (1 KPI, 1 section, 1 measure)"
    page.goto(live_server + "/search?q=export")
    assert page.inner_text("#result-count") == "3件の結果（KPI 1件・節 1件・施策 1件）"
    assert page.locator("#results .result-facts .badge").count() >= 1


def test_the_embed_view_is_the_chart_alone_and_the_kpi_page_gives_its_snippet(
    page: Any, live_server: str
):
    page.goto(live_server + "/en/kpi/alpha.one.rank")
    page.click(".embed-snippet summary")
    code = page.input_value("#embed-code")
    assert code.startswith(f'<iframe src="{live_server}/en/embed/alpha.one.rank"')
    page.goto(live_server + "/en/embed/alpha.one.rank")
    page.wait_for_selector("#chart svg", timeout=20_000)
    assert page.locator("nav").count() == 0 and page.locator(".chart-toggles").count() == 0
    assert page.locator(".embed-title a").get_attribute("target") == "_top"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_data_table_card_puts_its_short_facts_on_one_line_on_a_phone(
    page: Any, live_server: str, lang: str
):
    """At 390 px the role, period and value of an observation share a line, the unit and vintage
    follow, then the caveats, source and note each on a line (each card was nine lines)."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(_url(live_server, lang, "/kpi/alpha.one.rank"))
    row = page.locator("#data-table tbody tr").first
    cells = row.locator("td").all()
    shown_top = "e => e.getClientRects().length && e.getBoundingClientRect().top"
    top = [c.evaluate(shown_top) for c in cells]
    role, period, value, unit, _flags, source, vintage, _note = top
    assert role == period == value
    assert role <= unit <= vintage < source  # the vintage joins the short facts
    page.set_viewport_size({"width": 1366, "height": 900})
    assert row.evaluate("e => getComputedStyle(e).display") == "table-row"
    page.set_viewport_size({"width": 700, "height": 900})  # a table squeezed, not yet cards
    vintage = cells[6]
    assert vintage.get_attribute("data-label") in ("データ版", "Vintage")
    lines = (
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getClientRects().length; }"
    )
    assert vintage.evaluate(lines) == 1  # the date on one line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_methods_figures_keep_label_and_value_side_by_side_on_a_phone(
    page: Any, live_server: str, lang: str
):
    """At 390 px each figure of a method (base, current, pace needed…) is one row, label left and
    value right, as are the KPI's facts: stacked, the six methods' figures took 3,700 px."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(_url(live_server, lang, "/kpi/alpha.one.rank"))
    box = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right]; }"
    for dl in (".verdict .numbers", ".facts"):
        term = page.locator(f"{dl} dt").first
        value = page.locator(f"{dl} dd").first
        (t_left, t_top, t_right), (v_left, v_top, _) = term.evaluate(box), value.evaluate(box)
        assert abs(t_top - v_top) < 2 and t_right <= v_left, (dl, t_left, t_right, v_left)
    label = page.locator(".verdict .numbers dt").all_inner_texts()
    assert not [x for x in label if "a year" in x or "年あたり" in x]  # the value says "a year"
