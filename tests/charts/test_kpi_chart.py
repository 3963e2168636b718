"""KPI charts: valid Vega-Lite, the target and paths drawn, components stacked, Japanese in SVG."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import altair as alt
import pytest

from ipkpi.assessment.points import period_year
from ipkpi.charts import PALETTE, kpi_chart, period_date, to_svg, year_date
from ipkpi.charts.labels import COMPONENT_PALETTE
from ipkpi.followup import FollowUp, MemorySource, Observation, Recorded, Vintage
from ipkpi.plan.loader import load_plan
from ipkpi.text import Lang

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
    # The target sits where the paths end: a year is drawn at its start, like the data.
    assert target["data"]["values"][0]["date"] == "2030-01-01"
    paths = [layer for layer in spec["layer"] if layer["mark"].get("strokeDash")]
    assert {layer["data"]["values"][-1]["date"] for layer in paths} == {"2030-01-01"}
    assert spec["description"] == (
        "輸出額の推移のグラフ。予測区間は表示範囲（実績値と目標）で切っている。"
    )
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
    rule, number = spec["layer"][-2:]
    assert rule["mark"]["type"] == "rule" and number["mark"]["type"] == "text"
    event = {
        "date": "2020-04-07",
        "event": "State of emergency",
        "when": "2020-04-07",
        "number": "1",
        "offset": 0,
    }
    assert rule["data"]["values"] == number["data"]["values"] == [event]
    assert number["encoding"]["text"] == {"field": "number"}
    assert "Numbered vertical lines mark events" in spec["description"]


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


# The Cool Japan total (plans/ip2025/parts/cj/implementation.yaml) and its eight components,
# with the shipped values of plans/ip2025/observations.csv.
SHIPPED = Path(__file__).parents[2] / "plans" / "ip2025"
CJ = "cj.overseas_total"
CJ_LABELS = {
    "ja": [
        "コンテンツの海外展開（海外市場規模）",
        "訪日外国人旅行（インバウンド）消費額",
        "農林水産物・食品の輸出額",
        "食品製造業の現地法人の売上高",
        "繊維品・繊維製品の輸出",
        "主たるファッションメーカーの海外売上",
        "化粧品の輸出",
        "主たる化粧品メーカーの海外売上",
    ],
    "en": [
        "Overseas expansion of content (overseas market size)",
        "Inbound tourist consumption",
        "Exports of agricultural, forestry and fishery products and food",
        "Sales of overseas subsidiaries of food manufacturers",
        "Exports of textiles and textile products",
        "Overseas sales of the main fashion makers",
        "Exports of cosmetics",
        "Overseas sales of the main cosmetics makers",
    ],
}


def shipped_cool_japan(leave_out: tuple[str, str] | None = None) -> FollowUp:
    with (SHIPPED / "observations.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["series"].startswith(CJ + ".")]
    records = [
        Recorded(
            Observation(
                r["series"],
                r["period"],
                period_year(r["period"]),
                float(r["value"]),
                r["unit"],
                tuple(flag for flag in r["flags"].split(";") if flag),
                r["source_title"],
            ),
            V,
        )
        for r in rows
        if (r["series"], r["period"]) != leave_out
    ]
    return FollowUp(load_plan(SHIPPED), MemorySource(records))


@pytest.fixture(scope="module")
def cool_japan() -> FollowUp:
    return shipped_cool_japan()


def bar_layer(spec: dict) -> dict:
    bars = [layer for layer in spec["layer"] if layer["mark"]["type"] == "bar"]
    assert len(bars) == 1
    return bars[0]


def bar(bars: dict, date: str, label: str) -> dict:
    (row,) = [r for r in bars["data"]["values"] if r["date"] == date and r["component"] == label]
    return row


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_sum_is_drawn_with_its_components_stacked_under_it(cool_japan: FollowUp, lang: Lang):
    status = cool_japan.kpi(CJ)
    assert status is not None
    spec = kpi_chart(status, lang)
    alt.LayerChart.from_dict(spec)
    bars = bar_layer(spec)
    labels = CJ_LABELS[lang]
    # Stacked in the plan's order, one colour per component, each a legend entry by its name.
    assert bars["encoding"]["y"]["stack"] == "zero"
    assert bars["encoding"]["y"]["scale"]["zero"] is True
    assert bars["encoding"]["order"]["field"] == "order"
    colour = bars["encoding"]["color"]
    assert colour["field"] == "component" and colour["scale"]["domain"] == labels
    assert colour["scale"]["range"] == COMPONENT_PALETTE
    assert spec["resolve"] == {"scale": {"color": "independent"}}
    # Each survey's components stand where its total is: this survey's 27.1 at 2024 (its
    # components are 2023 and 2024 values), the previous 19.1 at 2023 (2022 and 2023 values).
    history = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    assert [(r["date"], r["value"]) for r in history["data"]["values"]] == [
        ("2023-01-01", 19.1),
        ("2024-01-01", 27.1),
    ]
    assert {r["date"] for r in bars["data"]["values"]} == {"2023-01-01", "2024-01-01"}
    assert len(bars["data"]["values"]) == 16  # eight components, two surveys
    # observations.csv: cj.overseas_total.content 2023 = 5.8 兆円, 2022 = 4.7 兆円;
    # cj.overseas_total.inbound 2024 = 81395 億円, 2023 = 53065 億円 (in 兆円 on the chart).
    assert bar(bars, "2024-01-01", labels[0])["value"] == 5.8
    assert bar(bars, "2024-01-01", labels[0])["period"] == "2023"
    assert bar(bars, "2023-01-01", labels[0])["value"] == 4.7
    assert bar(bars, "2023-01-01", labels[1])["value"] == pytest.approx(5.3065)
    inbound_now = bar(bars, "2024-01-01", labels[1])
    assert inbound_now["value"] == pytest.approx(8.1395) and inbound_now["period"] == "2024"
    # The share is the assessment's (the plan's table: 8.1 of 27.1 兆円), not re-derived.
    assert inbound_now["share"] == pytest.approx(8.1 / 27.1)
    # Worded in the page's one scale (兆円 / trillion yen), as the page's text is.
    assert inbound_now["value_text"] == ("8.14兆円" if lang == "ja" else "8.14 trillion yen")
    assert inbound_now["share_text"] == "29.9%"
    tooltip = {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"component", "period", "value_text", "share_text"} <= tooltip
    # The history, the required path and the target are still drawn. Two totals give no
    # prediction interval, so no projected path is drawn (ipkpi.followup.drawn_paths).
    assert layer_marks(spec).count("line") == 2
    target = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert target["data"]["values"][0]["value"] == 50.0


def test_a_missing_component_value_is_left_out_not_filled_in():
    status = shipped_cool_japan(leave_out=(f"{CJ}.content", "2022")).kpi(CJ)
    assert status is not None
    bars = bar_layer(kpi_chart(status, "ja"))
    drawn = {(r["date"], r["component"]) for r in bars["data"]["values"]}
    content = CJ_LABELS["ja"][0]
    assert ("2024-01-01", content) in drawn and ("2023-01-01", content) not in drawn
    assert len(drawn) == 15


def test_a_component_keeps_its_colour_when_others_are_missing():
    status = shipped_cool_japan(leave_out=(f"{CJ}.content", "2023")).kpi(CJ)
    assert status is not None
    # Content is then only in the previous survey (drawn second), yet stays first and orange.
    colour = bar_layer(kpi_chart(status, "en"))["encoding"]["color"]["scale"]
    assert colour["domain"] == CJ_LABELS["en"] and colour["range"] == COMPONENT_PALETTE


def test_the_components_chart_renders_to_svg_with_japanese_labels(cool_japan: FollowUp):
    status = cool_japan.kpi(CJ)
    assert status is not None
    svg = to_svg(kpi_chart(status, "ja"))
    assert svg.startswith("<svg")
    assert "構成要素" in svg and "訪日外国人旅行（インバウンド）消費額" in svg


def test_a_kpi_without_components_has_no_bars(followup: FollowUp):
    status = followup.kpi("alpha.one.exports")
    assert status is not None
    spec = kpi_chart(status, "ja")
    assert "bar" not in layer_marks(spec)
    assert spec["layer"][0]["encoding"]["y"]["scale"]["zero"] is False


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_the_contrast_formula_gives_wcags_published_values():
    # WCAG 2.1 relative luminance: black on white is 21:1; #767676 is the lightest grey that
    # passes AA on white (4.54:1), #777777 fails it (4.48:1).
    assert _contrast_with_white("#000000") == pytest.approx(21.0)
    assert _contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)
    assert _contrast_with_white("#777777") < 4.5


def test_component_colours_are_distinct_and_contrast_with_white():
    assert len(set(COMPONENT_PALETTE)) == len(COMPONENT_PALETTE) >= len(CJ_LABELS["ja"])
    assert PALETTE[0] not in COMPONENT_PALETTE  # the total's line colour
    low = {c: round(_contrast_with_white(c), 2) for c in COMPONENT_PALETTE}
    assert {c: r for c, r in low.items() if r < 4.5} == {}


def test_the_plot_keeps_its_height_under_the_components_legend(
    cool_japan: FollowUp, followup: FollowUp
):
    # The report asks for a 220 px plot; the legend of eight components and its title add
    # their rows on top (a report once squeezed the plot to nothing by overriding the height).
    from ipkpi.charts.labels import LEGEND_ROW

    status = cool_japan.kpi("cj.overseas_total")
    assert status is not None
    spec = kpi_chart(status, "ja", width=620, height=220)
    # Eight components and their title; the total, the needed path, the target and a title.
    assert spec["height"] == 220 + LEGEND_ROW * (8 + 1) + LEGEND_ROW * (3 + 1)
    plain = followup.kpi("alpha.one.exports")
    assert plain is not None
    # The series, the needed path, the projection, its interval and the target, and a title.
    assert kpi_chart(plain, "ja", height=220)["height"] == 220 + LEGEND_ROW * (5 + 1)
