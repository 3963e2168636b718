"""Bad requests get an answer saying what is wrong, in the page's language; plan text is escaped."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider, MemorySource
from ipkpi.plan.loader import load_plan
from ipkpi.web import create_app

from .conftest import TestClient

MINIMAL = Path(__file__).parents[1] / "plan" / "fixtures" / "minimal"


def test_an_unknown_kpi_is_a_404_page_in_japanese(client: Any):
    response = client.get("/kpi/no.such.kpi")
    assert response.status_code == 404
    assert '<html lang="ja">' in response.text
    assert "ページが見つかりません" in response.text
    assert "KPI「no.such.kpi」は見つかりません" in response.text


def test_an_unknown_kpi_is_a_404_page_in_english(client: Any):
    for address in ("/en/kpi/no.such.kpi", "/kpi/no.such.kpi?lang=en"):
        response = client.get(address)
        assert response.status_code == 404
        assert '<html lang="en">' in response.text
        assert "We could not find the KPI &#39;no.such.kpi&#39;." in response.text
        # A way on: a search box, and no heading repeated as the message.
        assert 'role="search"' in response.text


def test_an_unknown_page_is_a_404_in_the_language_of_its_address(client: Any):
    assert "Page not found" in client.get("/en/nothing/here").text
    assert "ページが見つかりません" in client.get("/nothing/here").text


def test_a_long_made_up_address_is_not_echoed_back(client: Any):
    long = "a" * 3000
    response = client.get(f"/en/{long}")
    assert response.status_code == 404
    assert long not in response.text  # the language link goes to the home page instead
    assert response.headers["x-content-type-options"] == "nosniff"


def test_json_addresses_get_json_errors(client: Any):
    response = client.get("/kpi/no.such.kpi.json")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"status": 404, "message": "KPI「no.such.kpi」は見つかりません。"}
    }


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("/en/?lang=fr", "unknown language lang='fr': use 'ja' or 'en'"),
        ("/en/kpi/alpha.one.rank?as_of=notadate", "as_of='notadate' is not a date: use YYYY-MM-DD"),
        ("/en/progress?part=gamma", "unknown part='gamma': use one of alpha, beta"),
        ("/en/progress?kind=weird", "unknown kind='weird': use one of level_by_deadline"),
        ("/en/progress?tone=great", "unknown tone='great': use one of good, fair, poor, bad"),
        ("/en/progress?part=alpha&part=beta", "parameter part is given more than once"),
    ],
)
def test_malformed_parameters_are_a_400_that_says_what_is_wrong(
    client: Any, address: str, says: str
):
    page = client.get(address)
    assert page.status_code == 400
    assert says in html.unescape(page.text)
    path, _, query = address.partition("?")
    as_json = ("/en/index" if path == "/en/" else path) + ".json?" + query
    data = client.get(as_json)
    assert data.status_code == 400
    assert says in data.json()["error"]["message"]


def test_a_400_page_is_html_in_japanese_by_default(client: Any):
    response = client.get("/kpi/alpha.one.rank?as_of=2025-13-45")
    assert response.status_code == 400
    assert "YYYY-MM-DD 形式" in response.text
    assert '<html lang="ja">' in response.text


@pytest.fixture
def hostile_client(tmp_path: Path) -> Any:
    folder = tmp_path / "plan"
    shutil.copytree(MINIMAL, folder)
    script = "<script>alert(1)</script>"
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("en: Section one", f'en: "Section one {script}"')
        text = text.replace("en: Measure", 'en: "Measure <img src=x onerror=alert(2)>"')
        text = text.replace("ja: 輸出額を2030年までに5兆円", f'ja: "輸出額{script}"')
        text = text.replace("en: Cabinet Office", 'en: "Cabinet </td></tr></table> Office"')
        path.write_text(text, encoding="utf-8")
    plan = load_plan(folder)
    with TestClient(create_app(FollowUpProvider(plan, MemorySource()))) as c:
        yield c


@pytest.mark.parametrize(
    "address", ["/en/part/alpha/one", "/en/kpi/alpha.one.level", "/kpi/alpha.one.level", "/en/"]
)
def test_plan_text_with_html_or_script_is_shown_escaped(hostile_client: Any, address: str):
    body = hostile_client.get(address).text
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "</td></tr></table> Office" not in body


def test_escaped_plan_text_is_still_shown(hostile_client: Any):
    body = hostile_client.get("/en/part/alpha/one").text
    assert "Section one &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Measure &lt;img src=x onerror=alert(2)&gt;" in body
    data = hostile_client.get("/kpi/alpha.one.level.json").json()
    assert data["kpi"]["wording"] == "輸出額<script>alert(1)</script>"
