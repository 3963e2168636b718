"""The Vega-Lite chart of a KPI: its history, target, required and projected paths, events.

The spec is a plain dict (Vega-Lite v5/v6 JSON) built directly rather than through Altair's
object model: ten thousand KPIs must build in seconds, and the tests validate the specs
against Altair's bundled Vega-Lite schema. Every mark has a tooltip, the spec carries a
``description`` for screen readers, and the page shows the same numbers as a table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..followup import KpiStatus, PathPoint
from ..plan import ChangeFromBaseline, CountToReach, Level, LevelByDeadline, Rank
from ..text import Lang, Text
from ..units import UnitError, convert, unit
from .axis import period_date, year_date

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
# Colours with at least 4.5:1 contrast on white (WCAG 1.4.11 needs 3:1 for graphics).
PALETTE = ["#0b5cad", "#b3261e", "#1b6e3a", "#6b3fa0", "#8a4b00", "#444444", "#005f73"]
TARGET_COLOUR = "#8a4b00"
PATH_COLOUR = "#555555"

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
}


def _l(key: str, lang: Lang) -> str:
    return _L[key].get(lang)


def chart_unit(status: KpiStatus) -> str | None:
    main = status.main or (status.series[0] if status.series else None)
    return main.series.unit if main else None


def kpi_chart(status: KpiStatus, lang: Lang, *, width: int | str = "container") -> dict[str, Any]:
    """The chart of ``status`` in ``lang``; an empty dict when there is nothing to draw."""
    y_unit = chart_unit(status)
    if y_unit is None:
        return {}
    symbol = unit(y_unit).symbol.get(lang)
    title = status.kpi.title.get(lang)
    rows = _observation_rows(status, y_unit, lang)
    if not rows:
        return {}
    y_title = f"{_l('value', lang)} ({symbol})" if symbol else _l("value", lang)
    reverse = isinstance(status.kpi, Rank)
    y: dict[str, Any] = {
        "field": "value",
        "type": "quantitative",
        "title": y_title,
        "scale": {"reverse": reverse, "zero": False},
    }
    layers: list[dict[str, Any]] = [_history(rows, y, lang)]
    if status.required_path:
        layers.append(_path(status.required_path, "required", y, lang))
    if status.projected_path:
        layers.extend(_projection(status.projected_path, y, lang))
    target = _target(status, y_unit, lang)
    if target:
        layers.append(target)
    events = _events(status, lang)
    if events:
        layers.append(events)
    return {
        "$schema": SCHEMA,
        "description": _L["described"].get(lang).format(title=title),
        "width": width,
        "height": 320,
        "autosize": {"type": "fit", "contains": "padding"},
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#222222"},
            "legend": {"labelFontSize": 12, "orient": "bottom", "labelLimit": 400},
        },
        "layer": layers,
    }


def _x(lang: Lang) -> dict[str, Any]:
    return {
        "field": "date",
        "type": "temporal",
        "title": _l("period", lang),
        "axis": {"format": "%Y", "tickCount": "year", "labelOverlap": True, "labelAngle": 0},
    }


def _observation_rows(status: KpiStatus, y_unit: str, lang: Lang) -> list[dict[str, Any]]:
    rows = []
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
                    "value": obs.value,
                    "flags": ", ".join(obs.flags),
                    "source": obs.source_title,
                }
            )
    return rows


def _history(rows: list[dict[str, Any]], y: dict[str, Any], lang: Lang) -> dict[str, Any]:
    names = list(dict.fromkeys(r["series"] for r in rows))
    tooltip = [
        {"field": "series", "title": _l("series", lang)},
        {"field": "period", "title": _l("period", lang)},
        {"field": "value", "type": "quantitative", "title": _l("value", lang), "format": ",.4~g"},
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


def _path_rows(points: tuple[PathPoint, ...], name: str) -> list[dict[str, Any]]:
    return [
        {
            "path": name,
            "date": year_date(p.year),
            "value": p.value,
            "low": p.low,
            "high": p.high,
        }
        for p in points
    ]


def _path(points: tuple[PathPoint, ...], key: str, y: dict[str, Any], lang: Lang) -> dict[str, Any]:
    return {
        "data": {"values": _path_rows(points, _l(key, lang))},
        "mark": {"type": "line", "strokeDash": [6, 4], "color": PATH_COLOUR, "strokeWidth": 1.5},
        "encoding": {
            "x": _x(lang),
            "y": y,
            "tooltip": [
                {"field": "path", "title": _l("series", lang)},
                {"field": "value", "type": "quantitative", "format": ",.4~g"},
            ],
        },
    }


def _projection(
    points: tuple[PathPoint, ...], y: dict[str, Any], lang: Lang
) -> list[dict[str, Any]]:
    rows = _path_rows(points, _l("projected", lang))
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
                        {"field": "low", "title": _l("interval", lang), "format": ",.4~g"},
                        {"field": "high", "title": _l("interval", lang), "format": ",.4~g"},
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
    label = f"{_l('target', lang)} {value:,.4g}" + (f" ({deadline})" if deadline else "")
    row: dict[str, Any] = {"target": label, "value": value}
    encoding: dict[str, Any] = {
        "y": {"field": "value", "type": "quantitative"},
        "tooltip": [{"field": "target", "title": _l("target", lang)}],
    }
    if deadline:
        row["date"] = dt.date(int(deadline), 12, 31).isoformat()
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
