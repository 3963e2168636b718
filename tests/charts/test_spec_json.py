"""A chart spec's JSON from its parts (charts/spec_json.py): each part kept for the way it was
finished, so one spec written for HTML and then plainly (or the other way) gives each what
compact ``json.dumps`` gives, never a part escaped for the other."""

from __future__ import annotations

import json

from ipkpi.charts.spec_json import ChartSpec, Parts, spec_json


def _html(text: str) -> str:
    return text.replace("<", "\\u003c").replace("&", "\\u0026")


def _plain(text: str) -> str:
    return text


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_a_part_finished_one_way_is_not_given_for_another() -> None:
    drawn = {"description": "R&D <研究>", "layer": [1.5, None]}
    parts: Parts = {}
    first = ChartSpec(drawn, parts, width="container", height=320)
    whole = _dumps(first)
    assert spec_json(first, _html) == _html(whole)
    assert spec_json(first, _plain) == whole  # was the HTML-escaped part: R\u0026D
    second = ChartSpec(drawn, parts, width=400, height=200)
    assert spec_json(second, _plain) == _dumps(second)
    assert spec_json(second, _html) == _html(_dumps(second))
    assert len(parts) == 4  # two keys, each finished two ways; the sizes never kept


def test_a_value_orjson_refuses_is_written_as_the_standard_library_writes_it() -> None:
    """orjson takes string keys only; a drawing with another key still gives the same JSON."""
    drawn = {"layer": [{1: "一", "b": 2**70}]}
    spec = ChartSpec(drawn, {}, width=300, height=200)
    assert spec_json(spec, _plain) == _dumps(spec)
    assert json.loads(spec_json(spec, _plain))["layer"] == [{"1": "一", "b": 2**70}]
