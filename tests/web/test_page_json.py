"""A page's JSON (written by orjson where it is installed) is the standard library's bytes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.plan import Plan
from ipkpi.web import render
from ipkpi.web.dashboard import Dashboard
from ipkpi.web.render import render_json
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
