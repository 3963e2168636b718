"""Pages over HTTP (starlette's TestClient): one page's data served as HTML and as JSON."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from typing import Any

import pytest

PAGES = [
    "/",
    "/part/alpha",
    "/part/alpha/one",
    "/kpi/alpha.one.exports",
    "/kpi/alpha.one.rank",
    "/kpi/beta.two.access",
    "/kpi/beta.two.policy",
    "/progress",
]


def json_of(path: str) -> str:
    base, _, query = path.partition("?")
    stem = "/index" if base in ("/", "/en/") else base.rstrip("/")
    if base == "/en/":
        stem = "/en/index"
    return f"{stem}.json" + (f"?{query}" if query else "")


def visible_text(body: str) -> str:
    without_scripts = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_scripts))


@pytest.mark.parametrize("lang", ["", "/en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_and_json_of_the_same_data(client: Any, path: str, lang: str):
    address = lang + path if path != "/" else (lang + "/" if lang else "/")
    page = client.get(address)
    data = client.get(json_of(address))
    assert page.status_code == 200 and data.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    body = data.json()
    assert body["lang"] == ("en" if lang else "ja")
    assert f'<html lang="{body["lang"]}">' in page.text
    text = visible_text(page.text)
    assert body["title"] in text


def test_a_kpi_page_shows_every_value_of_its_json(client: Any):
    data = client.get("/en/kpi/alpha.one.rank.json").json()
    text = visible_text(client.get("/en/kpi/alpha.one.rank").text)
    assert len(data["table"]["rows"]) == 12
    for row in data["table"]["rows"]:
        assert f"{row['value_text']}" in text
    for verdict in data["verdicts"]:
        assert verdict["status_label"] in text
        for number in verdict["numbers"]:
            assert number["text"] in text
    assert data["headline"]["explanation"] in text
    assert data["kpi"]["goal"] == "rank ≤ 4 by 2035"


def test_the_csv_holds_the_table_of_the_json(client: Any):
    data = client.get("/kpi/alpha.one.exports.json").json()
    response = client.get("/kpi/alpha.one.exports.csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    rows = list(csv.reader(line for line in lines if not line.startswith("#")))
    assert rows[0][:6] == ["系列ID", "系列名", "役割", "期間", "値", "単位"]
    assert [(r[3], float(r[4])) for r in rows[1:]] == [
        (r["period"], r["value"]) for r in data["table"]["rows"]
    ]


def test_the_excel_download_holds_the_same_rows(client: Any):
    from openpyxl import load_workbook

    response = client.get("/en/kpi/alpha.one.exports.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("series", "series_label", "role", "period")
    assert [(r[3], r[4]) for r in rows[1:]] == [
        ("2019", 0.9121), ("2020", 0.986), ("2021", 1.2385), ("2022", 1.4148),
        ("2023", 1.4541), ("2024", 1.5073),
    ]  # fmt: skip


def test_the_as_of_date_chooses_the_values_known_then(client: Any):
    now = client.get("/kpi/alpha.one.exports.json").json()
    then = client.get("/kpi/alpha.one.exports.json?as_of=2025-01-10").json()
    assert now["vintage"] == "2025-06-30" and then["vintage"] == "2025-01-10"
    assert [r["value"] for r in then["table"]["rows"]][-1] == 1.4547
    assert [r["value"] for r in now["table"]["rows"]][-2:] == [1.4541, 1.5073]
    assert [v["date"] for v in now["vintages"]] == ["2025-06-30", "2025-01-10"]


def test_home_lists_what_changed_since_the_previous_vintage(client: Any):
    changes = client.get("/en/index.json").json()["changes"]
    assert (changes["previous"], changes["current"]) == ("2025-01-10", "2025-06-30")
    kinds = {(c["kpi_id"], c["kind"], c["period"]) for c in changes["items"]}
    assert ("alpha.one.exports", "revised", "2023") in kinds
    assert ("alpha.one.exports", "new", "2024") in kinds
    assert ("alpha.one.rank", "new", "2024") in kinds


def test_progress_filters_by_part_and_kind(client: Any):
    both = client.get("/progress.json?part=beta&kind=monitor").json()
    assert [k["id"] for k in both["kpis"]] == ["beta.two.access"]
    assert both["total"] == 5 and both["shown"] == 1


def test_search_finds_kpis_sections_and_measures_in_either_language(client: Any):
    ja = client.get("/search.json?q=輸出").json()
    en = client.get("/search.json?q=EXPORT").json()
    assert {r["type"] for r in ja["results"]} == {"kpi", "section", "measure"}
    assert [r["params"] for r in en["results"] if r["type"] == "kpi"] == [
        {"kpi_id": "alpha.one.exports"}
    ]
    page = client.get("/en/search?q=piracy")
    assert "Piracy accesses" in page.text


def test_openapi_describes_the_json_pages(client: Any):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/kpi/{kpi_id}.json" in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/progress.json"]["get"]["parameters"]}
    assert params == {"part", "kind", "tone", "lang", "as_of"}


def test_static_assets_and_the_favicon_are_served(client: Any):
    assert client.get("/favicon.ico").headers["content-type"] == "image/x-icon"
    assert "vegaEmbed" in client.get("/static/vega-bundle.js").text[-2000:]
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/../pyproject.toml").status_code == 404


def test_a_page_is_rendered_once_and_then_served_from_memory(client: Any):
    first = client.get("/kpi/alpha.one.rank")
    again = client.get("/kpi/alpha.one.rank", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_any_date_shows_the_vintage_in_force_then(client: Any, provider: Any):
    between = client.get("/kpi/alpha.one.exports.json?as_of=2025-03-01").json()
    assert between == client.get("/kpi/alpha.one.exports.json?as_of=2025-01-10").json()
    before = client.get("/kpi/alpha.one.exports.json?as_of=2020-01-01").json()
    assert before["vintage"] is None and before["table"]["rows"] == []
    assert provider.get(dt.date(2025, 3, 1)) is provider.get(dt.date(2025, 5, 1))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_a_404_starts_a_search_with_the_missing_ids_words(client: Any, lang: str):
    page = client.get(f"{lang}/kpi/alpha.one.rnk")
    assert page.status_code == 404
    assert '<input id="q" name="q" type="search" value="alpha one rnk">' in page.text
    assert f'href="{lang}/kpi/alpha.one.rank"' in page.text  # the nearest id
    results = client.get(f"{lang}/search", params={"q": "alpha one rnk"})
    assert results.status_code == 200


def test_a_404_echoes_a_made_up_address_only_as_escaped_text(client: Any):
    page = client.get('/kpi/a"><img src=x onerror=alert(1)>')
    assert page.status_code == 404
    assert "<img src=x" not in page.text
    assert 'value="a&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in page.text


@pytest.mark.parametrize("lang", ["", "/en"])
def test_link_previews_get_the_charts_image_at_an_absolute_address(client: Any, lang: str):
    """Open Graph and Twitter cards are read by crawlers with no page to resolve a path against."""
    body = client.get(f"{lang}/kpi/alpha.one.rank").text
    image = re.search(r'<meta property="og:image" content="([^"]+)">', body)
    assert image is not None
    origin = client.app.state.server.public_base
    assert origin.startswith("http") and image.group(1) == f"{origin}{lang}/kpi/alpha.one.rank.png"
    assert f'<meta name="twitter:image" content="{image.group(1)}">' in body
    png = client.get(image.group(1).removeprefix(origin))
    assert png.headers["content-type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_counts_on_the_home_and_part_pages_say_what_they_count_in_good_english(client: Any):
    """「KPI 1件 · 施策 3件」 / "1 KPI · 3 measures", not "KPIs 1 · Planned measures 3"."""
    pages = [client.get("/en/").text]
    pages += [client.get(f"/en/part/{p}").text for p in ("alpha", "beta")]
    metas = [m for body in pages for m in re.findall(r'class="meta">([^<]*)', body)]
    assert metas and all(re.fullmatch(r"\d+ KPIs?( · \d+ measures?)?", m) for m in metas), metas
    assert not any(re.match(r"1 (KPIs|KPI · 1 measures)\b", m) for m in metas), metas
    ja = re.findall(r'class="meta">([^<]*)', client.get("/part/alpha").text)
    assert ja and all(re.fullmatch(r"KPI \d+件 · 施策 \d+件", m) for m in ja), ja


def test_japanese_labels_take_a_full_width_colon_in_search_and_embed(client: Any):
    ja = client.get("/search?q=export").text + client.get("/embed/alpha.one.exports").text
    assert ja.count("最新値：") >= 2 and "最新値: " not in ja
    en = client.get("/en/embed/alpha.one.exports").text
    assert "Latest value: " in en or "Latest: " in en


def test_japanese_section_and_measure_labels_take_a_full_width_colon(client: Any):
    body = client.get("/part/alpha/one").text
    assert "担当府省：</span>" in body and "担当府省:" not in body
    assert "Ministries:</span> " in client.get("/en/part/alpha/one").text
