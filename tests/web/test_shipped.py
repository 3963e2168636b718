"""Every page of the shipped plan, with its shipped data, renders in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.plan import Plan
from ipkpi.web import create_app

from ..shipped_data import shipped_store
from .conftest import TestClient


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Plan, Any]]:
    plan, store, provider = shipped_store(tmp_path_factory.mktemp("shipped") / "s.db")
    with TestClient(create_app(provider)) as client:
        yield plan, client
    store.close()


def test_every_page_of_the_shipped_plan_renders(shipped: tuple[Plan, Any]):
    plan, client = shipped
    paths = ["/", "/progress", "/search?q=AI"]
    paths += [f"/part/{p.id}" for p in plan.parts]
    paths += [f"/part/{p.id}/{s.id}" for p in plan.parts for s in p.sections]
    paths += [f"/kpi/{k.id}" for k in plan.kpis()]
    for path in paths:
        for prefix in ("", "/en"):
            response = client.get(prefix + path)
            assert response.status_code == 200, prefix + path


def test_the_headline_kpis_come_first_on_home(shipped: tuple[Plan, Any]):
    plan, client = shipped
    home = client.get("/index.json").json()
    assert [k["id"] for k in home["headline_kpis"]] == plan.headline_kpis
    assert home["totals"]["kpis"] == len(plan.kpis())


def test_the_cool_japan_chart_stacks_its_components(shipped: tuple[Plan, Any]):
    _, client = shipped
    page = client.get("/en/kpi/cj.overseas_total.json").json()
    bars = [layer for layer in page["chart"]["layer"] if layer["mark"]["type"] == "bar"]
    assert len(bars) == 1
    assert {r["date"] for r in bars[0]["data"]["values"]} == {"2023-01-01", "2024-01-01"}
    assert "Inbound tourist consumption" in bars[0]["encoding"]["color"]["scale"]["domain"]
    html = client.get("/kpi/cj.overseas_total").text
    assert '<a href="#components">構成要素</a>' in html


def test_the_piracy_page_reads_its_numbers_in_one_scale(shipped: tuple[Plan, Any]):
    """ux-review item 14: 基準値 3億 stood above 最新値 140百万 on the same page."""
    _, client = shipped
    for prefix, scale, other in (("", "億アクセス/月", "百万アクセス/月"), ("/en", "million", "×")):
        page = client.get(f"{prefix}/kpi/protection.piracy.publication_piracy_access.json").json()
        facts = " ".join(f["value"] for f in page["kpi"]["facts"]) + page["kpi"]["latest"]
        words = facts + " ".join(v["explanation"] for v in page["verdicts"])
        words += " ".join(n["text"] for v in page["verdicts"] for n in v["numbers"])
        assert scale in words and other not in words, prefix
    ja = client.get("/kpi/protection.piracy.publication_piracy_access.json").json()
    assert ja["kpi"]["latest"] == "1.4億アクセス/月"
    en = client.get("/en/kpi/protection.piracy.publication_piracy_access.json").json()
    assert en["kpi"]["latest"] == "140 million accesses/month"


def test_a_context_figure_says_its_year_once_and_the_baseline_keeps_it(
    shipped: tuple[Plan, Any],
):
    """plans/ip2025, the GII: 日本の過去の最高位（2007年） 4位; the baseline 13位 (2024)."""
    _, client = shipped
    for prefix, best, base in (
        ("", "日本の過去の最高位（2007年）：<strong>4位</strong> <span", "13位 (2024)"),
        (
            "/en",
            "Japan&#39;s best rank so far (2007): <strong>rank 4</strong> <span",
            "rank 13 (2024)",
        ),
    ):
        body = client.get(f"{prefix}/kpi/ipx.gii_rank").text
        assert best in body, prefix
        assert base in body, prefix
