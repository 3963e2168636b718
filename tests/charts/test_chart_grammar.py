"""Chart grammar: a legend entry for every mark, gaps as gaps, caveats drawn, the y-domain
from the data and the target, year ticks that cannot collide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import altair as alt

from ipkpi.assessment.points import period_year
from ipkpi.charts import kpi_chart, to_svg
from ipkpi.charts.domain import gap_rows, y_domain
from ipkpi.charts.time_axis import year_ticks
from ipkpi.followup import FollowUp, MemorySource, Observation, Recorded, Vintage
from ipkpi.plan.loader import load_plan

WEBPLAN = Path(__file__).parents[1] / "web" / "fixtures" / "webplan"
V = Vintage("1", dt.date(2025, 6, 30))


def followup(rows: list[tuple[str, str, float, str, tuple[str, ...]]]) -> FollowUp:
    records = [
        Recorded(Observation(s, p, period_year(p), v, u, flags=f), V) for s, p, v, u, f in rows
    ]
    return FollowUp(load_plan(WEBPLAN), MemorySource(records))


def legend_names(spec: dict) -> list[str]:
    names = []
    for layer in spec["layer"]:
        colour = layer["encoding"].get("color")
        if colour:
            names.extend(colour["scale"]["domain"])
    return names


def test_every_mark_has_a_legend_entry():
    # Exports with a gap (2019 → 2022), an approximate value, a needed path and a projection.
    rows = [
        ("alpha.one.exports.jpn", str(y), 1 + 0.1 * (y - 2016), "jpy_cho", ())
        for y in (2016, 2017, 2018, 2019, 2022, 2023)
    ]
    rows.append(("alpha.one.exports.jpn", "2024", 1.9, "jpy_cho", ("approximate",)))
    status = followup(rows).kpi("alpha.one.exports")
    assert status is not None
    spec = kpi_chart(status, "en")
    alt.LayerChart.from_dict(spec)
    assert legend_names(spec) == [
        "Exports",
        "Value with a caveat (approximate, lower bound…)",
        "Path needed to reach the target",
        "Prediction interval",
        "Projected path",
        "Target 5 trillion yen by 2030",  # as the facts say it: ≥ 5 trillion yen by 2030
    ]
    svg = to_svg(spec)
    for name in ("Observed", "Path needed to reach the target", "Prediction interval"):
        assert name in svg


def test_a_year_without_data_breaks_the_line_and_caveats_are_ringed():
    rows = [
        ("alpha.one.exports.jpn", str(y), 1.0, "jpy_cho", ())
        for y in (2016, 2017, 2018, 2019, 2022)
    ]
    rows.append(("alpha.one.exports.jpn", "2023", 1.2, "jpy_cho", ("approximate",)))
    status = followup(rows).kpi("alpha.one.exports")
    assert status is not None
    spec = kpi_chart(status, "ja")
    history = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    values = [(r["date"], r["value"]) for r in history["data"]["values"]]
    assert ("2020-07-02", None) in values  # between 2019 and 2022: the break
    assert history["mark"]["invalid"] == "break-paths-show-domains"
    ring = next(layer for layer in spec["layer"] if layer["mark"].get("filled") is False)
    assert [r["period"] for r in ring["data"]["values"]] == ["2023"]
    assert "データのない年は線を切っている。" in spec["description"]


def test_a_survey_every_two_years_is_not_broken():
    rows = [{"series": "s", "date": f"{y}-01-01", "year": float(y)} for y in (2016, 2018, 2020)]
    assert gap_rows(rows) == rows


def test_the_y_domain_holds_data_and_target_never_the_band():
    # AI use rate: 46.8 and 47.3 % with no target drawn must not sit on the axis line.
    low, high = y_domain([46.8, 47.3])
    assert low < 46.8 and high > 47.3
    # A band is not an input at all; the target is.
    assert y_domain([2.0, 3.0], target=10.0) == [1.36, 10.64]
    assert y_domain([0.02, 1.0])[0] == 0.0  # non-negative data keep a non-negative axis
    assert y_domain([12, 13], target=4, rank=True)[0] >= 0.5


def test_year_ticks_stay_few_and_whole():
    assert year_ticks(2015, 2035) == [2015, 2020, 2025, 2030, 2035]
    assert year_ticks(2023, 2024) == [2023, 2024]
    assert year_ticks(2019, 2033) == [2020, 2025, 2030]
    assert len(year_ticks(1990, 2035)) <= 7
