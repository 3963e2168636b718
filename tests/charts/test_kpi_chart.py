"""KPI charts: valid Vega-Lite, the target and paths drawn, Japanese set in SVG offline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import altair as alt
import pytest

from ipkpi.assessment.points import period_year
from ipkpi.charts import kpi_chart, period_date, to_svg, year_date
from ipkpi.followup import FollowUp, MemorySource, Observation, Recorded, Vintage
from ipkpi.plan.loader import load_plan

WEBPLAN = Path(__file__).parents[1] / "web" / "fixtures" / "webplan"
V = Vintage("1", dt.date(2025, 6, 30))


@pytest.fixture(scope="module")
def followup() -> FollowUp:
    plan = load_plan(WEBPLAN)
    rows = [
        ("alpha.one.exports.jpn", str(y), 1 + 0.1 * (y - 2018), "jpy_cho")
        for y in range(2018, 2025)
    ]
    rows += [("alpha.one.rank.jpn", str(y), 16 - (y - 2018), "rank") for y in range(2018, 2025)]
    rows += [("alpha.one.rank.kor", str(y), 8, "rank") for y in range(2018, 2025)]
    rows += [
        ("beta.two.access.total", p, 2.0, "accesses_month_oku") for p in ("2020-01", "2020-06")
    ]
    records = [Recorded(Observation(s, p, period_year(p), v, u), V) for s, p, v, u in rows]
    return FollowUp(plan, MemorySource(records))


def layer_marks(spec: dict) -> list[str]:
    return [layer["mark"]["type"] for layer in spec["layer"]]


def test_a_level_chart_has_history_target_and_paths(followup: FollowUp):
    status = followup.kpi("alpha.one.exports")
    assert status is not None
    spec = kpi_chart(status, "ja")
    alt.LayerChart.from_dict(spec)  # raises when the spec is not valid Vega-Lite
    assert layer_marks(spec)[0] == "line"
    target = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert target["data"]["values"][0]["value"] == 5.0
    assert target["data"]["values"][0]["date"] == "2030-12-31"
    assert spec["description"] == "輸出額の推移のグラフ。"
    assert "area" in layer_marks(spec)  # the projection's interval


def test_a_rank_chart_is_upside_down_and_shows_the_peer(followup: FollowUp):
    status = followup.kpi("alpha.one.rank")
    assert status is not None
    spec = kpi_chart(status, "en")
    alt.LayerChart.from_dict(spec)
    history = spec["layer"][0]
    assert history["encoding"]["y"]["scale"]["reverse"] is True
    assert {r["series"] for r in history["data"]["values"]} == {"Japan", "Korea"}


def test_events_are_dated_rules(followup: FollowUp):
    status = followup.kpi("beta.two.access")
    assert status is not None
    spec = kpi_chart(status, "en")
    alt.LayerChart.from_dict(spec)
    rule = spec["layer"][-1]
    assert rule["mark"]["type"] == "rule"
    assert rule["data"]["values"] == [
        {"date": "2020-04-07", "event": "State of emergency", "when": "2020-04-07"}
    ]


def test_a_kpi_without_data_has_no_chart(followup: FollowUp):
    status = followup.kpi("beta.two.pending")
    assert status is not None and kpi_chart(status, "ja") == {}


def test_the_svg_is_rendered_offline_with_japanese_text(followup: FollowUp):
    status = followup.kpi("alpha.one.exports")
    assert status is not None
    svg = to_svg(kpi_chart(status, "ja"))
    assert svg.startswith("<svg") and "期間" in svg and "値 (兆円)" in svg


def test_periods_are_placed_on_the_time_axis():
    assert period_date("FY2024", 2024.0) == "2024-04-01"
    assert period_date("2024-H2", 2024.5) == "2024-07-01"
    assert period_date("2024", 2024.0) == "2024-01-01"
    assert year_date(2024.5) == "2024-07-02"
