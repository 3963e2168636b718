"""Every declared page exists everywhere its declaration says, and its JSON matches its schema.

The declarations (``ipkpi.web.pages.PAGES``) are the only list of pages. These tests walk them:
a page the server does not serve, the static site does not hold, the OpenAPI does not describe
or whose JSON has a field its model lacks fails here, and so does a route served outside them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from starlette.routing import Mount, Route

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.followup.verdict_cache import CACHE_FILE
from ipkpi.plan import Plan
from ipkpi.store import Store
from ipkpi.web import create_app
from ipkpi.web.pages import PAGES, Page, navigation
from ipkpi.web.site import build_site
from ipkpi.web.site_inputs import MANIFEST
from ipkpi.web.urls import ServerUrls, StaticUrls

LANGS = ("ja", "en")


def instances(page: Page, plan: Plan) -> list[dict[str, str]]:
    found = list(page.instances(plan))
    assert found, f"page {page.name}: the test plan has no instance of it"
    return found


def validator(spec: dict[str, Any], ref: str) -> jsonschema.Draft202012Validator:
    schema = {"$ref": ref, "components": spec["components"]}
    return jsonschema.Draft202012Validator(schema)


def json_ref(spec: dict[str, Any], path: str) -> str:
    content = spec["paths"][path]["get"]["responses"]["200"]["content"]
    return str(content["application/json"]["schema"]["$ref"])


@pytest.fixture(scope="module")
def spec(client: Any) -> dict[str, Any]:
    return dict(client.get("/openapi.json").json())


@pytest.mark.parametrize("declared", PAGES, ids=lambda p: p.name)
def test_every_declared_page_is_served_in_every_format_and_language(
    declared: Page, client: Any, plan: Plan
):
    urls = ServerUrls()
    for params in instances(declared, plan):
        for lang in LANGS:
            for fmt in declared.formats:
                address = urls.page(declared.name, lang, None, fmt, None, **params)
                response = client.get(address)
                if fmt in ("svg", "png") and response.status_code == 404:
                    continue  # a KPI without data has no chart
                assert response.status_code == 200, address
                wanted = declared.media_type(fmt).split(";")[0]
                assert response.headers["content-type"].startswith(wanted), address


@pytest.mark.parametrize("declared", PAGES, ids=lambda p: p.name)
def test_every_page_json_matches_the_schema_the_openapi_publishes(
    declared: Page, client: Any, plan: Plan, spec: dict[str, Any]
):
    path = declared.openapi_path("json")
    assert path in spec["paths"], f"{declared.name} is missing from the OpenAPI"
    check = validator(spec, json_ref(spec, path))
    for params in instances(declared, plan):
        for lang in LANGS:
            for as_of in (None, "2025-01-10"):
                query = {"as_of": as_of} if as_of else None
                address = ServerUrls().page(declared.name, lang, None, "json", query, **params)
                errors = [e.message for e in check.iter_errors(client.get(address).json())]
                assert errors == [], address


def test_the_openapi_describes_every_format_of_every_page_and_nothing_else(spec: dict[str, Any]):
    described = {declared.openapi_path(fmt) for declared in PAGES for fmt in declared.data_formats}
    api = {path for path in spec["paths"] if path.startswith("/api/v1/")}  # tests/web/test_api.py
    assert set(spec["paths"]) - api == described | {"/healthz"}  # and the health check
    for path in spec["paths"].values():
        for op in path.values():
            for param in op.get("parameters", []):
                assert param["description"], path


def test_a_schema_refuses_a_field_its_model_does_not_declare(client: Any, spec: dict[str, Any]):
    body = client.get("/kpi/alpha.one.rank.json").json()
    body["kpi"]["undeclared"] = 1
    check = validator(spec, json_ref(spec, "/kpi/{kpi_id}.json"))
    assert [e.message for e in check.iter_errors(body)] == [
        "Additional properties are not allowed ('undeclared' was unexpected)"
    ]


def test_the_server_serves_no_page_that_is_not_declared(provider: FollowUpProvider):
    declared = {path for page in PAGES for path in page.route_paths()}
    infrastructure = {"/favicon.ico", "/openapi.json", "/static/{name}", "/healthz"}
    app = create_app(provider)  # over the store: with the service pages
    served: set[str] = set()
    for route in app.routes:
        inner = route.routes if isinstance(route, Mount) else [route]
        for sub in inner:
            assert isinstance(sub, Route)
            served.add(sub.path)
    service = ("/import", "/signin", "/signout", "/account", "/submissions", "/api/v1/")
    desk = {p for p in served if p.startswith(service)}
    assert served - desk - infrastructure == declared


def test_the_navigation_links_every_page_it_declares(client: Any):
    body = client.get("/en/").text
    nav = re.search(r'<ul class="nav">(.*?)</ul>', body, re.S)
    assert nav is not None
    hrefs = re.findall(r'href="([^"]+)"', nav.group(1))
    wanted = [ServerUrls().page(p.name, "en") for p in navigation()]
    assert hrefs[: len(wanted)] == wanted


@pytest.fixture(scope="module")
def site(plan: Plan, store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("declared-site")
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out, svg=True)
    return out


@pytest.mark.parametrize("declared", [p for p in PAGES if p.static], ids=lambda p: p.name)
def test_every_declared_static_page_is_in_the_static_site(
    declared: Page, site: Path, plan: Plan, spec: dict[str, Any]
):
    check = validator(spec, json_ref(spec, declared.openapi_path("json")))
    for params in instances(declared, plan):
        for lang in LANGS:
            for as_of in (None, PAST):
                for fmt in declared.formats:
                    file = site / StaticUrls.file(declared.name, lang, as_of, fmt, params)
                    if fmt in ("svg", "png") and not file.exists():
                        continue  # a KPI without data has no chart
                    assert file.is_file(), file
                    if fmt == "json":
                        data = json.loads(file.read_text(encoding="utf-8"))
                        assert [e.message for e in check.iter_errors(data)] == [], file


PAST = dt.date(2025, 1, 10)


@pytest.fixture(scope="module")
def plain_site(plan: Plan, store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with the default files only: no SVG or PNG charts, so fewer formats to list."""
    out = tmp_path_factory.mktemp("plain-site")
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out)
    return out


def test_the_static_openapi_lists_exactly_the_files_the_site_has(site: Path, plan: Plan):
    assert_openapi_lists_exactly_the_files(site, plan)


def test_a_site_without_charts_describes_no_chart_files(plain_site: Path, plan: Plan):
    assert not list(plain_site.rglob("*.svg"))
    assert_openapi_lists_exactly_the_files(plain_site, plan)


def assert_openapi_lists_exactly_the_files(site: Path, plan: Plan) -> None:
    spec = json.loads((site / "openapi.json").read_text(encoding="utf-8"))
    patterns = []
    for path, operation in spec["paths"].items():
        names = [p["name"] for p in operation["get"]["parameters"]]
        declared_params = {p.name for page in PAGES for p in page.params}
        assert set(names) <= {"as_of"} | declared_params, path
        for filled in _fill(path, plan, site):
            assert (site / filled).is_file(), f"{path}: {filled} is missing"
        hole = r"\\\{[a-z_]+\\\}"
        patterns.append(re.compile(re.sub(hole, "[^/]+", re.escape(path[1:])) + "$"))
    data_files = [
        f.relative_to(site).as_posix()
        for f in site.rglob("*")
        if f.suffix in (".json", ".csv", ".xlsx", ".svg", ".png")
        and f.name not in ("openapi.json", MANIFEST, CACHE_FILE)  # the build's own records
    ]
    assert data_files
    undescribed = [f for f in data_files if not any(p.match(f) for p in patterns)]
    assert undescribed == []


def _fill(path: str, plan: Plan, site: Path) -> list[str]:
    """Every file a path of the static OpenAPI stands for in the test site."""
    declared = next(
        p for p in PAGES if path.split(".")[0].endswith(p.openapi_path("json").split(".")[0])
    )
    fmt = path.rsplit(".", 1)[1]
    lang = "en" if path.startswith("/en/") else "ja"
    as_of = PAST if "{as_of}" in path else None

    def drawn(params: dict[str, str]) -> bool:
        page = site / StaticUrls.file(declared.name, lang, as_of, "json", params)
        return bool(json.loads(page.read_text(encoding="utf-8"))["chart"])

    return [
        StaticUrls.file(declared.name, lang, as_of, fmt, params)
        for params in declared.instances(plan)
        if fmt not in ("svg", "png") or drawn(params)
    ]
