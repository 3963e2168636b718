"""A page's JSON (written by orjson where it is installed) is the standard library's bytes."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from jinja2.utils import htmlsafe_json_dumps

from ipkpi.charts import kpi_chart
from ipkpi.charts.spec_json import ChartSpec
from ipkpi.followup import FollowUpProvider
from ipkpi.plan import Plan
from ipkpi.web import render
from ipkpi.web.dashboard import Dashboard
from ipkpi.web.render import environment, render_json
from ipkpi.web.site_pages import site_pages


def _stdlib(page: Any) -> bytes:
    return json.dumps(page, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def test_every_pages_json_is_the_bytes_json_dumps_gives(plan: Plan, provider: FollowUpProvider):
    dashboard = Dashboard(provider)
    latest = provider.get(None)
    as_ofs = [None, *(v.as_of for v in latest.all_vintages[:-1])]
    seen = set()
    for job in site_pages(plan, as_ofs):
        if "json" not in job.formats:
            continue
        page = dashboard.page_data(job.route, job.param_dict, job.lang, job.as_of)
        assert render_json(page) == _stdlib(page), (job.route, job.params, job.lang)
        seen.add(job.route)
    assert {"home", "kpi", "embed", "progress", "part", "search"} <= seen


def test_what_orjson_cannot_write_is_written_by_the_standard_library(
    monkeypatch: pytest.MonkeyPatch,
):
    page = {"title": "輸出額 <R&D>", "by_year": {2024: 1.5}, "x": [1, None, True]}
    assert (
        render_json(page)
        == '{"title":"輸出額 <R&D>","by_year":{"2024":1.5},"x":[1,null,true]}'.encode()
    )
    monkeypatch.setattr(render, "_FAST_DUMPS", None)  # an environment without orjson
    assert render_json(page) == _stdlib(page)
    with pytest.raises(ValueError):
        render_json({"value": float("nan")})


COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": False}


def test_a_charts_json_in_the_html_is_what_tojson_wrote_whole(provider: FollowUpProvider):
    """The KPI page's and the embed's spec (sizes differ, parts shared) read as Jinja's own
    ``htmlsafe_json_dumps`` of the whole dict, compact, a part with <, >, & and ' included."""
    template = environment().from_string("{{ spec|tojson }}")
    drawn = 0
    for status in provider.get(None).kpis():
        for lang in ("ja", "en"):
            for size in ({}, {"height": 260}, {"width": 400, "height": 200}):
                spec = kpi_chart(replace(status) if size == {} else status, lang, **size)
                if not spec:
                    continue
                drawn += 1
                want = htmlsafe_json_dumps(spec, **COMPACT)
                assert type(spec) is ChartSpec
                assert template.render(spec=spec) == want
    assert drawn >= 12
    odd = ChartSpec({"description": "R&D <'x'> 研究", "width": 1, "layer": [1.5, None]}, {})
    for _ in range(2):  # parts written, then read
        assert template.render(spec=odd) == htmlsafe_json_dumps(odd, **COMPACT)
    assert "\\u0026" in template.render(spec=odd)
    assert {key for _finish, key in odd.parts} == {"description", "layer"}
