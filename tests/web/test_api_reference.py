"""The API reference page: made from the OpenAPI, for people, and working offline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web.pages.api import type_of
from ipkpi.web.site import build_site

from .test_pages import visible_text


def test_the_reference_lists_every_address_and_schema_of_the_openapi(client: Any):
    spec = client.get("/openapi.json").json()
    page = client.get("/en/api.json").json()
    assert [op["path"] for op in page["operations"]] == list(spec["paths"])
    assert {s["name"] for s in page["schemas"]} == set(spec["components"]["schemas"])
    text = visible_text(client.get("/en/api").text)
    for path, ops in spec["paths"].items():
        for method in ops:
            assert f"{method.upper()} {path}" in text
    kpi = next(s for s in page["schemas"] if s["name"] == "KpiPage")
    fields = {f["name"]: f["type"] for f in kpi["fields"]}
    assert fields["verdicts"] == "list of VerdictData"
    assert fields["section"] == "SectionRef or null"


def test_the_reference_loads_nothing_from_elsewhere(client: Any):
    body = client.get("/api").text
    assert not re.findall(r'(?:src|href)="https?://', body)
    assert "<h1>API リファレンス</h1>" in body
    # The OpenAPI's texts are English: the Japanese page says so and marks them lang="en".
    assert "OpenAPI の記述（英語）をそのまま示しています" in body
    assert '<p lang="en">Each HTML page' in body
    assert "OpenAPI の記述（英語）" not in client.get("/en/api").text


def test_every_page_links_to_the_reference(client: Any):
    assert 'href="/en/api"' in client.get("/en/").text


def test_types_read_as_words():
    assert type_of({"type": "array", "items": {"$ref": "#/components/schemas/KpiRow"}}) == (
        "list of KpiRow"
    )
    assert type_of({"anyOf": [{"type": "string"}, {"type": "null"}]}) == "string or null"
    assert type_of({"type": "object", "additionalProperties": {"type": "integer"}}) == (
        "map to integer"
    )


def test_the_static_sites_reference_describes_the_static_files(
    plan: Plan, store: Store, tmp_path: Path
):
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), tmp_path)
    body = (tmp_path / "en" / "api.html").read_text(encoding="utf-8")
    assert not re.findall(r'(?:src|href)="https?://', body)  # works offline, as a file
    text = visible_text(body)
    assert "GET /as-of/{as_of}/kpi/{kpi_id}.json" in text
    assert "GET /kpi/{kpi_id}.svg" not in text  # the site was built without SVG
    assert "This is a static copy" in text
    assert "?lang=en" not in text
