"""The Vega-Lite chart of a KPI: its history, target, required and projected paths, events.

A total the plan publishes with its components (the Cool Japan table) also gets stacked bars:
each survey's components (their observations for the periods the table gives), stacked at
the year where the KPI series places that survey's total (the latest component year), under
the total's line.

The spec is a plain dict (Vega-Lite JSON, the version pinned in ``render.VEGA_LITE_VERSION``)
built directly rather than through Altair's object model: ten thousand KPIs must build in
seconds, and the tests validate the specs against Altair's bundled Vega-Lite schema. Every
mark has a tooltip, the spec carries a ``description`` for screen readers, and the page shows
the same numbers as a table.
"""

from __future__ import annotations

from typing import Any

from ..followup import KpiStatus, Observation, PathPoint, SeriesData
from ..followup.flags import flag_labels
from ..plan import ChangeFromBaseline, CountToReach, Figure, Level, LevelByDeadline, Rank
from ..text import Lang, Text
from ..units import UnitError, convert
from ..wording import share
from .axis import period_date, year_date
from .render import SCHEMA

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
# Colours with at least 4.5:1 contrast on white (WCAG 1.4.11 needs 3:1 for graphics).
PALETTE = ["#0b5cad", "#b3261e", "#1b6e3a", "#6b3fa0", "#8a4b00", "#444444", "#005f73"]
TARGET_COLOUR = "#8a4b00"
PATH_COLOUR = "#555555"
# The components of a total, one colour each, none of them the total's blue (PALETTE[0]): all
# at least 4.5:1 on white, and told apart also with red-green colour blindness (CIELAB
# distances checked under simulated deuteranopia and protanopia). White gaps separate the
# stacked segments, so neighbours need no contrast with each other.
COMPONENT_PALETTE = [
    "#c44e00",
    "#00866a",
    "#a8437f",
    "#5e5500",
    "#333333",
    "#7b5cc7",
    "#8f2a2a",
    "#2b7bab",
]
TEXT_COLOUR = "#222222"
BAR_WIDTH = 18
LEGEND_ROW = 20
# Vega's legend layout (an object Vega-Lite passes through only as an expression).
LEGENDS_STACKED = "{bottom: {anchor: 'start', direction: 'vertical', margin: 8}}"

_L = {
    "target": Text(ja="目標", en="Target"),
    "required": Text(ja="目標達成に必要な経路", en="Path needed to reach the target"),
    "projected": Text(ja="予測経路", en="Projected path"),
    "interval": Text(ja="予測区間", en="Prediction interval"),
    "period": Text(ja="期間", en="Period"),
    "value": Text(ja="値", en="Value"),
    "series": Text(ja="系列", en="Series"),
    "flags": Text(ja="注意事項", en="Caveats"),
    "source": Text(ja="出典", en="Source"),
    "event": Text(ja="出来事", en="Event"),
    "date": Text(ja="日付", en="Date"),
    "year": Text(ja="年", en="Year"),
    "described": Text(ja="{title}の推移のグラフ。", en="Chart of {title} over time."),
    "described_components": Text(
        ja="積み上げ棒は、各調査の合計の構成要素を、その合計を置いた年に示す（各構成要素の年は"
        "データ表のとおり）。",
        en="Stacked bars show the components of each survey's total at the year where that "
        "total is placed (each component's own year is in the data table).",
    ),
    "component": Text(ja="構成要素", en="Component"),
    "unit": Text(ja="単位", en="Unit"),
    "share": Text(ja="合計に占める割合", en="Share of the total"),
    "survey": Text(ja="調査", en="Survey"),
    "total": Text(ja="合計", en="Total"),
    "current_survey": Text(ja="今回調査", en="This survey"),
    "previous_survey": Text(ja="前回調査", en="Previous survey"),
    "definition_changed": Text(
        ja="前回調査と今回調査で定義が異なる", en="Definition differs between the surveys"
    ),
}


def _l(key: str, lang: Lang) -> str:
    return _L[key].get(lang)


def chart_unit(status: KpiStatus) -> str | None:
    main = status.main or (status.series[0] if status.series else None)
    return main.series.unit if main else None


def kpi_chart(
    status: KpiStatus, lang: Lang, *, width: int | str = "container", height: int = 320
) -> dict[str, Any]:
    """The chart of ``status`` in ``lang``; an empty dict when there is nothing to draw.

    ``height`` is the plot's; a components legend adds its rows to it.
    """
    y_unit = chart_unit(status)
    if y_unit is None:
        return {}
    wording = status.wording
    symbol = wording.symbol(lang)
    title = status.kpi.title.get(lang)
    rows = _observation_rows(status, y_unit, lang)
    if not rows:
        return {}
    y_title = f"{_l('value', lang)} ({symbol})" if symbol else _l("value", lang)
    reverse = isinstance(status.kpi, Rank)
    component_rows = _component_rows(status, y_unit, lang)
    y: dict[str, Any] = {
        "field": "value",
        "type": "quantitative",
        "title": y_title,
        # Bars must stand on zero; lines alone may zoom in on their range.
        "scale": {"reverse": reverse, "zero": bool(component_rows)},
    }
    layers: list[dict[str, Any]] = []
    if component_rows:
        layers.append(_components(component_rows, y, lang))
    layers.append(_history(rows, y, lang))
    if status.required_path:
        layers.append(_path(status, status.required_path, "required", y, lang))
    if status.projected_path:
        layers.extend(_projection(status, status.projected_path, y, lang))
    target = _target(status, y_unit, lang)
    if target:
        layers.append(target)
    events = _events(status, lang)
    if events:
        layers.append(events)
    description = _L["described"].get(lang).format(title=title)
    if component_rows:
        description += _l("described_components", lang)
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": height,
        "autosize": {"type": "fit", "contains": "padding"},
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": TEXT_COLOUR},
            "legend": {
                "labelFontSize": 12,
                "orient": "bottom",
                "labelLimit": 400,
                "labelColor": TEXT_COLOUR,
                "titleColor": TEXT_COLOUR,
            },
        },
        "layer": layers,
    }
    if isinstance(width, int):
        # A fixed width (print, PDF) cannot grow: the legend wraps in two columns rather than
        # running off the right edge (five peers' names do at 620 px).
        spec["config"]["legend"]["columns"] = 2
    if component_rows:
        # The series and the components each keep their own colours and legend; the legends
        # sit one under the other (side by side they run out of the chart), and the chart
        # grows by their rows so the plot keeps its height.
        spec["resolve"] = {"scale": {"color": "independent"}}
        spec["config"]["legend"]["layout"] = {"expr": LEGENDS_STACKED}
        names = len({r["component"] for r in component_rows})
        spec["height"] += LEGEND_ROW * (names + 2)  # a row per name, and the legend's title
    return spec


def _x(lang: Lang) -> dict[str, Any]:
    return {
        "field": "date",
        "type": "temporal",
        "title": _l("period", lang),
        "axis": {"format": "%Y", "tickCount": "year", "labelOverlap": True, "labelAngle": 0},
    }


def _observation_rows(status: KpiStatus, y_unit: str, lang: Lang) -> list[dict[str, Any]]:
    """The series drawn as lines (the KPI's and its peers'), in the page's scale."""
    rows = []
    wording = status.wording
    for data in status.series:
        if data.series.unit != y_unit or data.series.role not in ("kpi", "peer"):
            continue
        label = data.series.label.get(lang)
        for obs in data.observations:
            rows.append(
                {
                    "series": label,
                    "date": period_date(obs.period, obs.year),
                    "period": obs.period,
                    "value": wording.scaled(obs.value, lang),
                    "value_text": wording.quantity(obs.value, lang),
                    "flags": ", ".join(flag_labels(obs.flags, lang)),
                    "source": obs.source_title,
                }
            )
    return rows


def _history(rows: list[dict[str, Any]], y: dict[str, Any], lang: Lang) -> dict[str, Any]:
    names = list(dict.fromkeys(r["series"] for r in rows))
    tooltip = [
        {"field": "series", "title": _l("series", lang)},
        {"field": "period", "title": _l("period", lang)},
        {"field": "value_text", "title": _l("value", lang)},
        {"field": "flags", "title": _l("flags", lang)},
        {"field": "source", "title": _l("source", lang)},
    ]
    colour = {
        "field": "series",
        "type": "nominal",
        "title": _l("series", lang),
        "scale": {"domain": names, "range": PALETTE[: max(1, len(names))]},
    }
    return {
        "data": {"values": rows},
        "mark": {"type": "line", "point": {"filled": True, "size": 50}, "strokeWidth": 2},
        "encoding": {"x": _x(lang), "y": y, "color": colour, "tooltip": tooltip},
    }


def _survey_place(figures: list[Figure], total: Figure | None) -> str | None:
    """The period a survey's total is placed at: its own, else its latest component's."""
    if total is not None and total.period:
        return total.period
    periods = [f.period for f in figures if f.period]
    if not periods:
        return None
    return max(periods, key=lambda p: period_date(p, None))


def _at(data: SeriesData | None, period: str | None) -> Observation | None:
    if data is None or not period:
        return None
    return next((o for o in data.observations if o.period == period), None)


def _converted(value: float, from_unit: str, to_unit: str) -> float | None:
    try:
        return convert(value, from_unit, to_unit)
    except UnitError:
        return None


def _component_rows(status: KpiStatus, y_unit: str, lang: Lang) -> list[dict[str, Any]]:
    """The components of each survey of a published total, in ``y_unit``, as bar rows.

    The plan's components table says which period of each component makes up each survey's
    total; the value drawn is that component series' observation for that period, as known at
    the follow-up's date (so the bars and the data table hold the same numbers). A component
    without that observation, or in a unit that does not convert, is left out: nothing is
    filled in. Each survey's bars stand at the period its total is placed at (the total's own
    period, else its latest component's). Shares are of the KPI series' value there, else of
    the published total, else of the sum of the drawn components.
    """
    kpi = status.kpi
    if not isinstance(kpi, LevelByDeadline) or not kpi.components:
        return []
    wording = status.wording
    by_id = {d.series.id: d for d in status.series}
    published = kpi.published_total
    rows: list[dict[str, Any]] = []
    for survey in ("current", "previous"):
        figures: list[Figure] = [getattr(c, survey) for c in kpi.components]
        total_figure: Figure | None = getattr(published, survey) if published else None
        place = _survey_place(figures, total_figure)
        if place is None:
            continue
        drawn = []
        for index, (component, figure) in enumerate(zip(kpi.components, figures, strict=True)):
            data = by_id.get(component.series)
            obs = _at(data, figure.period)
            value = None if obs is None else _converted(obs.value, obs.unit, y_unit)
            if data is not None and obs is not None and value is not None:
                drawn.append((index, component, data, obs, value))
        if not drawn:
            continue
        main = _at(status.main, place)
        total = None if main is None else _converted(main.value, main.unit, y_unit)
        if total is None and total_figure is not None:
            total = _converted(total_figure.value, total_figure.unit, y_unit)
        if total is None:
            total = sum(d[-1] for d in drawn)
        for index, component, data, obs, value in drawn:
            flags = flag_labels(obs.flags, lang)
            if component.definition_changed:
                flags.append(_l("definition_changed", lang))
            rows.append(
                {
                    "component": data.series.label.get(lang),
                    "order": index,
                    "date": period_date(place, None),
                    "period": obs.period,
                    "value": wording.scaled(value, lang),
                    "value_text": wording.quantity(value, lang),
                    "share": value / total if total else None,
                    "share_text": share(value / total) if total else "",
                    "survey": _l(f"{survey}_survey", lang),
                    "total": wording.quantity(total, lang),
                    "flags": ", ".join(flags),
                    "source": obs.source_title,
                }
            )
    return rows


def _components(rows: list[dict[str, Any]], y: dict[str, Any], lang: Lang) -> dict[str, Any]:
    # In the table's order, each component keeping its colour whichever others are drawn.
    drawn = sorted({(r["order"], r["component"]) for r in rows})
    names = [name for _, name in drawn]
    colours = [COMPONENT_PALETTE[i % len(COMPONENT_PALETTE)] for i, _ in drawn]
    return {
        "data": {"values": rows},
        "mark": {
            "type": "bar",
            "width": BAR_WIDTH,
            "stroke": "#ffffff",
            "strokeWidth": 1,
        },
        "encoding": {
            # Room for half a bar at either end of the time axis.
            "x": _x(lang) | {"scale": {"padding": BAR_WIDTH}},
            "y": y | {"stack": "zero"},
            "color": {
                "field": "component",
                "type": "nominal",
                "title": _l("component", lang),
                "scale": {"domain": names, "range": colours},
                "legend": {"columns": 1, "symbolType": "square"},
            },
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [
                {"field": "component", "title": _l("component", lang)},
                {"field": "period", "title": _l("period", lang)},
                {"field": "value_text", "title": _l("value", lang)},
                {"field": "share_text", "title": _l("share", lang)},
                {"field": "survey", "title": _l("survey", lang)},
                {"field": "total", "title": _l("total", lang)},
                {"field": "flags", "title": _l("flags", lang)},
                {"field": "source", "title": _l("source", lang)},
            ],
        },
    }


def _path_rows(
    status: KpiStatus, points: tuple[PathPoint, ...], name: str, lang: Lang
) -> list[dict[str, Any]]:
    wording = status.wording

    def scaled(value: float | None) -> float | None:
        return None if value is None else wording.scaled(value, lang)

    return [
        {
            "path": name,
            "date": year_date(p.year),
            "value": wording.scaled(p.value, lang),
            "value_text": wording.quantity(p.value, lang),
            "low": scaled(p.low),
            "high": scaled(p.high),
            "low_text": wording.quantity(p.low, lang),
            "high_text": wording.quantity(p.high, lang),
        }
        for p in points
    ]


def _path(
    status: KpiStatus, points: tuple[PathPoint, ...], key: str, y: dict[str, Any], lang: Lang
) -> dict[str, Any]:
    return {
        "data": {"values": _path_rows(status, points, _l(key, lang), lang)},
        "mark": {"type": "line", "strokeDash": [6, 4], "color": PATH_COLOUR, "strokeWidth": 1.5},
        "encoding": {
            "x": _x(lang),
            "y": y,
            "tooltip": [
                {"field": "path", "title": _l("series", lang)},
                {"field": "value_text", "title": _l("value", lang)},
            ],
        },
    }


def _projection(
    status: KpiStatus, points: tuple[PathPoint, ...], y: dict[str, Any], lang: Lang
) -> list[dict[str, Any]]:
    rows = _path_rows(status, points, _l("projected", lang), lang)
    layers = []
    if all(r["low"] is not None and r["high"] is not None for r in rows):
        layers.append(
            {
                "data": {"values": rows},
                "mark": {"type": "area", "opacity": 0.18, "color": PALETTE[0]},
                "encoding": {
                    "x": _x(lang),
                    "y": y | {"field": "low"},
                    "y2": {"field": "high"},
                    "tooltip": [
                        {"field": "low_text", "title": _l("interval", lang)},
                        {"field": "high_text", "title": _l("interval", lang)},
                    ],
                },
            }
        )
    layers.append(
        {
            "data": {"values": rows},
            "mark": {"type": "line", "strokeDash": [2, 3], "color": PALETTE[0]},
            "encoding": {"x": _x(lang), "y": y},
        }
    )
    return layers


def _target_value(status: KpiStatus, y_unit: str) -> float | None:
    kpi = status.kpi
    if isinstance(kpi, Rank):
        return float(kpi.target_rank)
    if isinstance(kpi, LevelByDeadline | Level | CountToReach):
        try:
            return convert(kpi.target.value, kpi.target.unit, y_unit)
        except UnitError:
            return None
    if isinstance(kpi, ChangeFromBaseline):
        base = next((v.base_value for v in status.verdicts if v.base_value is not None), None)
        return None if base is None else base + kpi.change
    return None


def _target(status: KpiStatus, y_unit: str, lang: Lang) -> dict[str, Any] | None:
    value = _target_value(status, y_unit)
    if value is None:
        return None
    deadline = getattr(status.kpi, "deadline", None)
    worded = status.wording.quantity(value, lang)
    label = f"{_l('target', lang)} {worded}" + (f" ({deadline})" if deadline else "")
    row: dict[str, Any] = {"target": label, "value": status.wording.scaled(value, lang)}
    encoding: dict[str, Any] = {
        "y": {"field": "value", "type": "quantitative"},
        "tooltip": [{"field": "target", "title": _l("target", lang)}],
    }
    if deadline:
        # On the axis a year sits at its start (every observation and path does), so the
        # target for 2033 is drawn where the 2033 value and the paths' ends are.
        row["date"] = year_date(float(deadline))
        encoding["x"] = _x(lang)
        mark: dict[str, Any] = {
            "type": "point",
            "shape": "diamond",
            "size": 140,
            "filled": True,
            "color": TARGET_COLOUR,
        }
    else:
        mark = {"type": "rule", "color": TARGET_COLOUR, "strokeDash": [8, 3], "strokeWidth": 1.5}
    return {"data": {"values": [row]}, "mark": mark, "encoding": encoding}


def _events(status: KpiStatus, lang: Lang) -> dict[str, Any] | None:
    rows: list[dict[str, str]] = [
        {"date": period_date(event.date, None), "event": event.label.get(lang), "when": event.date}
        for data in status.series
        for event in data.series.events
    ]
    if not rows:
        return None
    return {
        "data": {"values": rows},
        "mark": {"type": "rule", "color": "#6b6b6b", "strokeDash": [1, 2]},
        "encoding": {
            "x": _x(lang),
            "tooltip": [
                {"field": "when", "title": _l("date", lang)},
                {"field": "event", "title": _l("event", lang)},
            ],
        },
    }
