"""The static site: the same pages as the server, as files with relative links."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web.site import build_site

from .conftest import free_port


@pytest.fixture(scope="module")
def site(plan: Plan, store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    seen: list[tuple[int, int]] = []
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    report = build_site(provider, out, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (report.pages, report.pages)
    return out


def test_the_site_has_every_page_in_both_languages_and_every_vintage(site: Path):
    for name in (
        "index.html",
        "index.json",
        "en/index.html",
        "progress.html",
        "search.html",
        "part/alpha.html",
        "part/alpha/one.html",
        "kpi/alpha.one.exports.html",
        "kpi/alpha.one.exports.json",
        "kpi/alpha.one.exports.csv",
        "kpi/alpha.one.exports.xlsx",
        "en/kpi/beta.two.access.html",
        "en/kpi/beta.two.access.csv",
        "as-of/2025-01-10/kpi/alpha.one.exports.html",
        "en/as-of/2025-01-10/index.html",
        "as-of/2025-06-30/kpi/alpha.one.exports.html",
        "static/vega-bundle.js",
        "static/style.css",
        "favicon.ico",
        "openapi.json",
        "search-index.ja.js",
        "404.html",
    ):
        assert (site / name).is_file(), name


def test_the_site_never_has_the_import_pages_nor_a_link_to_them(site: Path):
    assert not list(site.rglob("*import*"))
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "import/" not in text and 'import"' not in text, path
        assert "データ取込" not in text and "Import data" not in text, path


def test_every_local_link_of_every_page_leads_to_a_file(site: Path):
    broken = []
    for page in site.rglob("*.html"):
        for href in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") or not parts.path:
                continue
            assert not href.startswith("/"), f"{page}: absolute link {href}"
            if not (page.parent / parts.path).resolve().is_file():
                broken.append(f"{page.relative_to(site)} → {href}")
    assert broken == []


def test_the_site_json_is_the_servers_json(site: Path, client: Any):
    for name in ("kpi/alpha.one.rank.json", "en/part/beta/two.json", "progress.json"):
        served = client.get("/" + name).content
        assert (site / name).read_bytes() == served, name


def test_an_older_vintage_shows_the_values_known_then(site: Path):
    old = (site / "as-of/2025-01-10/kpi/alpha.one.exports.json").read_text(encoding="utf-8")
    new = (site / "kpi/alpha.one.exports.json").read_text(encoding="utf-8")
    assert '"vintage":"2025-01-10"' in old and "1.5073" not in old
    assert '"vintage":"2025-06-30"' in new and "1.5073" in new


def test_the_latest_vintage_permalink_forwards_to_the_canonical_page(site: Path):
    stub = (site / "as-of/2025-06-30/kpi/alpha.one.exports.html").read_text(encoding="utf-8")
    assert 'url=../../../kpi/alpha.one.exports.html"' in stub


def test_a_page_without_a_permalink_has_no_forwarding_stub(site: Path):
    # the embed view says its vintage but links to no as-of page of itself: no stub for it
    embed = (site / "embed/alpha.one.exports.html").read_text(encoding="utf-8")
    assert "2025-06-30" in embed and 'class="permalink"' not in embed
    assert not (site / "as-of/2025-06-30/embed/alpha.one.exports.html").exists()
    assert (site / "as-of/2025-01-10/embed/alpha.one.exports.html").is_file()  # a past one


@pytest.fixture(scope="module")
def static_server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.browser
def test_the_static_site_works_in_a_browser(page: Any, static_server: str):
    for path in ("/index.html", "/en/kpi/alpha.one.rank.html", "/part/beta/two.html"):
        page.goto(static_server + path)
        if page.locator("#chart").count():
            page.wait_for_selector("#chart svg", timeout=20_000)
    page.goto(static_server + "/en/search.html")
    page.fill("#q", "piracy")
    page.click("#search-form button")
    assert page.locator("#results li").count() == 3  # the KPI, the section, the measure
    page.click("#results a >> text=Piracy accesses")
    page.wait_for_url("**/en/kpi/beta.two.access.html")
    page.goto(static_server + "/progress.html")
    page.select_option("#filter-part", "beta")
    page.click("#filters button")
    assert page.locator("table.kpis tbody tr:visible").count() == 3
    page.goto(static_server + "/kpi/alpha.one.exports.html")
    page.select_option("#as-of-select", label="2025-01-10")
    page.click("form.as-of button")
    page.wait_for_url("**/as-of/2025-01-10/kpi/alpha.one.exports.html")
    assert page.problems == []
