"""The Vega-Lite chart of a KPI: its history, target, required and projected paths, events.

Every mark has a legend entry: each series (the KPI's and its peers'), values with a caveat
(drawn as open rings), the path needed to reach the target (dashed), the projection (dotted)
and its interval (shaded), the target (a diamond at its deadline, else a dashed rule). Dated
events are numbered rules whose list is printed under the chart, so they read in print, in
the PDF and on a phone. A line is broken across a year without data rather than drawn
straight through it. The y-axis spans the observed values, the paths and the target, never
the interval, which is cut at the plot's edge (the caption says so); the time axis labels
whole years that never collide (``time_axis``).

A total the plan publishes with its components (the Cool Japan table) also gets stacked bars
(``components``).

The spec is a plain dict (Vega-Lite JSON, the version pinned in ``render.VEGA_LITE_VERSION``)
built directly rather than through Altair's object model: ten thousand KPIs must build in
seconds, and the tests validate the specs against Altair's bundled Vega-Lite schema. Every
mark has a tooltip, the spec carries a ``description`` for screen readers, and the page shows
the same numbers as a table.
"""

from __future__ import annotations

from typing import Any

from ..followup import KpiStatus
from ..followup.flags import flag_labels
from ..plan import Rank
from ..text import Lang
from .axis import period_date
from .components import component_rows, components_layer
from .domain import gap_rows, y_domain
from .labels import (
    FONT,
    LABELS,
    LEGEND_ROW,
    LEGENDS_STACKED,
    PALETTE,
    TEXT_COLOUR,
)
from .labels import label as _l
from .paths import (
    chart_events,
    event_layers,
    key,
    keyed,
    projection_layers,
    required_layer,
    target_layer,
    target_value,
)
from .render import SCHEMA
from .spec_json import ChartSpec, Parts
from .time_axis import x_encoding, year_ticks

FLAG_COLOUR = "#7a3b00"
#: The parameter holding the series shown; the page's checkboxes set it (``chart.js``).
SHOWN = "shown_series"


def chart_unit(status: KpiStatus) -> str | None:
    main = status.main or (status.series[0] if status.series else None)
    return main.series.unit if main else None


def kpi_chart(
    status: KpiStatus, lang: Lang, *, width: int | str = "container", height: int = 320
) -> dict[str, Any]:
    """The chart of ``status`` in ``lang``; an empty dict when there is nothing to draw.

    ``height`` is the plot's; the legend adds its rows to it. The spec is worked out once per
    status and language (the KPI's page and its embed differ only in size); the dict is the
    caller's, its parts are shared, so nothing may change them.
    """
    drawn = status.remembered(("kpi_chart", lang), lambda: _spec(status, lang))
    if not drawn:
        return {}
    parts: Parts = status.remembered(("kpi_chart_json", lang), dict)
    return ChartSpec(drawn, parts, width=width, height=drawn["height"] + height)


def _spec(status: KpiStatus, lang: Lang) -> dict[str, Any]:
    """The chart with ``width`` "container" and the legend's height only (no plot height)."""
    width, height = "container", 0
    y_unit = chart_unit(status)
    if y_unit is None:
        return {}
    symbol = status.wording.symbol(lang)
    title = status.kpi.title.get(lang)
    rows = _observation_rows(status, y_unit, lang)
    if not rows:
        return {}
    y_title = f"{_l('value', lang)} ({symbol})" if symbol else _l("value", lang)
    reverse = isinstance(status.kpi, Rank)
    bars = component_rows(status, y_unit, lang)
    target = target_value(status, y_unit)
    domain = y_domain(
        [r["value"] for r in rows if r["value"] is not None],
        [status.wording.scaled(p.value, lang) for p in status.required_path],
        None if target is None else status.wording.scaled(target, lang),
        zero=bool(bars),
        rank=reverse,
    )
    y: dict[str, Any] = {
        "field": "value",
        "type": "quantitative",
        "title": y_title,
        # Bars stand on zero; lines zoom in on the data and the target, never the band.
        "scale": {"reverse": reverse, "zero": bool(bars), "domain": domain, "nice": False},
    }
    layers: list[dict[str, Any]] = []
    if bars:
        layers.append(components_layer(bars, y, lang))
    names = list(dict.fromkeys(r["series"] for r in rows if r["series"]))
    layers.append(_history(rows, names, y, lang))
    flagged = [r for r in rows if r["flags"] and r["value"] is not None]
    if flagged:
        layers.append(_flagged(flagged, y, lang))
    if status.required_path:
        layers.append(required_layer(status, status.required_path, y, lang))
    banded = False
    if status.projected_path:
        projection = projection_layers(status, status.projected_path, y, lang)
        banded = any(layer["mark"]["type"] == "area" for layer in projection)
        layers.extend(projection)
    target_mark = target_layer(status, y_unit, lang)
    if target_mark:
        layers.append(target_mark)
    events = event_layers(status, lang)
    layers.extend(events)
    _share_time_axis(layers, rows, status, lang)
    description = _description(
        title, lang, bars=bool(bars), banded=banded, events=bool(events), rows=rows
    )
    entries = len(names) + sum(
        1 for layer in layers if layer["encoding"].get("color", {}).get("field") == "key"
    )
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": height + LEGEND_ROW * (entries + 1),
        "autosize": {"type": "fit", "contains": "padding"},
        "params": [{"name": SHOWN, "value": names}],
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": TEXT_COLOUR},
            "legend": {
                "labelFontSize": 12,
                "orient": "bottom",
                "labelLimit": {"expr": "max(120, width - 20)"},  # the symbol and its gap
                "labelColor": TEXT_COLOUR,
                "titleColor": TEXT_COLOUR,
                # One legend per mark, one under the other: side by side they run out of a
                # phone's width.
                "layout": {"expr": LEGENDS_STACKED},
            },
        },
        # Each mark keeps its own colour and legend entry.
        "resolve": {"scale": {"color": "independent"}},
        "layer": layers,
    }
    if bars:
        spec["height"] += LEGEND_ROW * (len({r["component"] for r in bars}) + 1)
    return spec


def _description(
    title: str,
    lang: Lang,
    *,
    bars: bool,
    banded: bool,
    events: bool,
    rows: list[dict[str, Any]],
) -> str:
    """What the chart shows, for screen readers and the caption."""
    parts = [LABELS["described"].get(lang).format(title=title)]
    if bars:
        parts.append(_l("described_components", lang))
    if banded:
        parts.append(_l("band_cut", lang))
    if events:
        parts.append(_l("events_numbered", lang))
    if any(r["value"] is None for r in rows):
        parts.append(_l("gaps", lang))
    return ("" if lang == "ja" else " ").join(parts)


def _share_time_axis(
    layers: list[dict[str, Any]], rows: list[dict[str, Any]], status: KpiStatus, lang: Lang
) -> None:
    """Give every layer the same x channel, ticked at whole years over the drawn span."""
    years = [int(r["date"][:4]) for r in rows]
    years += [int(p.year) for p in (*status.required_path, *status.projected_path)]
    deadline = getattr(status.kpi, "deadline", None)
    if deadline:
        years.append(int(deadline))
    x = x_encoding(lang, year_ticks(min(years), max(years)))
    # From the first year's 1 January, so that its label is drawn even for fiscal years.
    dates = [r["date"] for r in rows] + [f"{max(years)}-01-01"]
    scale = {"domain": [f"{min(years)}-01-01", max(dates)], "padding": 12}
    for layer in layers:
        old = layer["encoding"].get("x")
        if old is not None:
            layer["encoding"]["x"] = old | {
                "axis": x["axis"],
                "scale": old.get("scale", {}) | scale,
            }


def _observation_rows(status: KpiStatus, y_unit: str, lang: Lang) -> list[dict[str, Any]]:
    """The series drawn as lines (the KPI's and its peers'), in the page's scale.

    A row without a value is inserted in a gap of a year or more without data, so that the
    line breaks there (``domain.gap_rows``).
    """
    rows: list[dict[str, Any]] = []
    wording = status.wording
    for data in status.series:
        if data.series.unit != y_unit or data.series.role not in ("kpi", "peer"):
            continue
        label = data.series.label.get(lang)
        own = [
            {
                "series": label,
                "date": period_date(obs.period, obs.year),
                "year": obs.year,
                "period": obs.period,
                "value": wording.scaled(obs.value, lang),
                "value_text": wording.quantity(obs.value, lang),
                "flags": ", ".join(flag_labels(obs.flags, lang)),
                "source": obs.source_title,
            }
            for obs in data.observations
        ]
        rows.extend(gap_rows(own))
    return rows


def _shown() -> dict[str, Any]:
    return {"filter": f"indexof({SHOWN}, datum.series) >= 0"}


def _history(
    rows: list[dict[str, Any]], names: list[str], y: dict[str, Any], lang: Lang
) -> dict[str, Any]:
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
        "title": _l("observed", lang),
        "scale": {"domain": names, "range": PALETTE[: max(1, len(names))]},
        "legend": {"symbolType": "stroke", "symbolStrokeWidth": 2, "columns": 1},
    }
    return {
        "data": {"values": rows},
        "transform": [_shown()],
        "mark": {
            "type": "line",
            "point": {"filled": True, "size": 50},
            "strokeWidth": 2,
            # A row without a value breaks the line (a gap), and draws nothing.
            "invalid": "break-paths-show-domains",
        },
        "encoding": {"x": x_encoding(lang), "y": y, "color": colour, "tooltip": tooltip},
    }


def _flagged(rows: list[dict[str, Any]], y: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """An open ring around each value with a caveat (approximate, lower bound, secondary…)."""
    return keyed(
        {
            "data": {"values": rows},
            "transform": [_shown()],
            "mark": {
                "type": "point",
                "shape": "circle",
                "size": 180,
                "filled": False,
                "strokeWidth": 2,
            },
            "encoding": {
                "x": x_encoding(lang),
                "y": y,
                "color": key(_l("flagged", lang), FLAG_COLOUR, symbolType="circle"),
                "tooltip": [
                    {"field": "series", "title": _l("series", lang)},
                    {"field": "period", "title": _l("period", lang)},
                    {"field": "value_text", "title": _l("value", lang)},
                    {"field": "flags", "title": _l("flags", lang)},
                ],
            },
        }
    )


__all__ = ["chart_events", "chart_unit", "kpi_chart"]
