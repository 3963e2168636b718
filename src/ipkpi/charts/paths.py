"""The plan's marks on a KPI chart: the needed and projected paths, the interval, the target."""

from __future__ import annotations

import json
from typing import Any

from ..followup import KpiStatus, PathPoint
from ..followup.evidence import computed_headline
from ..plan import ChangeFromBaseline, CountToReach, Level, LevelByDeadline, Rank
from ..text import Lang
from ..units import UnitError, convert
from ..wording import by_deadline
from .axis import period_date, year_date
from .labels import PALETTE, PATH_COLOUR, TARGET_COLOUR
from .labels import label as _l
from .time_axis import x_encoding

EVENT_COLOUR = "#595959"


def key(name: str, colour: str, **legend: Any) -> dict[str, Any]:
    """A colour channel that gives its layer one legend entry, ``name``, in ``colour``.

    The chart resolves colour scales per layer, so each mark (the needed path, the
    projection, the interval, the target, flagged values) gets its own entry with its own
    symbol. The layer needs the ``key`` field: ``keyed`` adds it.
    """
    return {
        "field": "key",
        "type": "nominal",
        "scale": {"domain": [name], "range": [colour]},
        "legend": {"title": None, **legend},
    }


def keyed(layer: dict[str, Any]) -> dict[str, Any]:
    """``layer`` with the ``key`` field its legend entry reads (its colour's one name)."""
    name = layer["encoding"]["color"]["scale"]["domain"][0]
    step = {"calculate": json.dumps(name, ensure_ascii=False), "as": "key"}
    return layer | {"transform": [*layer.get("transform", []), step]}


def path_rows(
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


def required_layer(
    status: KpiStatus, points: tuple[PathPoint, ...], y: dict[str, Any], lang: Lang
) -> dict[str, Any]:
    name = _l("required", lang)
    return keyed(
        {
            "data": {"values": path_rows(status, points, name, lang)},
            "mark": {"type": "line", "strokeDash": [6, 4], "strokeWidth": 1.5},
            "encoding": {
                "x": x_encoding(lang),
                "y": y,
                "color": key(name, PATH_COLOUR, symbolDash=[6, 4], symbolType="stroke"),
                "tooltip": [
                    {"field": "path", "title": _l("series", lang)},
                    {"field": "value_text", "title": _l("value", lang)},
                ],
            },
        }
    )


def projection_layers(
    status: KpiStatus,
    points: tuple[PathPoint, ...],
    y: dict[str, Any],
    lang: Lang,
) -> list[dict[str, Any]]:
    """The projected path and, when every point has one, its interval (clipped to the plot)."""
    name = _l("projected", lang)
    rows = path_rows(status, points, name, lang)
    layers = []
    if all(r["low"] is not None and r["high"] is not None for r in rows):
        layers.append(
            keyed(
                {
                    "data": {"values": rows},
                    # Clipped: the y-domain is the data's and the target's, never the band's.
                    "mark": {"type": "area", "opacity": 0.18, "clip": True},
                    "encoding": {
                        "x": x_encoding(lang),
                        "y": y | {"field": "low"},
                        "y2": {"field": "high"},
                        "color": key(
                            _l("interval", lang), PALETTE[0], symbolType="square", symbolOpacity=0.3
                        ),
                        "tooltip": [
                            {"field": "low_text", "title": _l("interval", lang)},
                            {"field": "high_text", "title": _l("interval", lang)},
                        ],
                    },
                }
            )
        )
    layers.append(
        keyed(
            {
                "data": {"values": rows},
                "mark": {"type": "line", "strokeDash": [2, 3], "clip": True},
                "encoding": {
                    "x": x_encoding(lang),
                    "y": y,
                    "color": key(name, PALETTE[0], symbolDash=[2, 3], symbolType="stroke"),
                    "tooltip": [
                        {"field": "path", "title": _l("series", lang)},
                        {"field": "value_text", "title": _l("value", lang)},
                    ],
                },
            }
        )
    )
    return layers


def target_value(status: KpiStatus, y_unit: str) -> float | None:
    """The target in ``y_unit``; None when the KPI has none that can be drawn.

    The assessment's own target first (the headline method's verdict, in the KPI's unit), so
    the chart draws what the verdict was judged against; else the plan's, converted.
    """
    kpi = status.kpi
    judged = computed_headline(status.verdicts) if status.verdicts else None
    if judged is not None and judged.target is not None and judged.unit == y_unit:
        return judged.target
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


def target_layer(status: KpiStatus, y_unit: str, lang: Lang) -> dict[str, Any] | None:
    value = target_value(status, y_unit)
    if value is None:
        return None
    deadline = getattr(status.kpi, "deadline", None)
    worded = status.wording.quantity(value, lang)
    # 目標 4位（2035年まで） / Target 4th by 2035: the deadline worded as the facts word it
    label = by_deadline(f"{_l('target', lang)} {worded}", deadline, lang)
    row: dict[str, Any] = {"target": label, "value": status.wording.scaled(value, lang)}
    encoding: dict[str, Any] = {
        "y": {"field": "value", "type": "quantitative"},
        "tooltip": [{"field": "target", "title": _l("target", lang)}],
    }
    if deadline:
        # On the axis a year sits at its start (every observation and path does), so the
        # target for 2033 is drawn where the 2033 value and the paths' ends are.
        row["date"] = year_date(float(deadline))
        encoding["x"] = x_encoding(lang)
        encoding["color"] = key(label, TARGET_COLOUR, symbolType="diamond")
        mark: dict[str, Any] = {"type": "point", "shape": "diamond", "size": 140, "filled": True}
    else:
        encoding["color"] = key(label, TARGET_COLOUR, symbolType="stroke", symbolDash=[8, 3])
        mark = {"type": "rule", "strokeDash": [8, 3], "strokeWidth": 1.5}
    return keyed({"data": {"values": [row]}, "mark": mark, "encoding": encoding})


def chart_events(status: KpiStatus, lang: Lang) -> list[dict[str, Any]]:
    """The KPI's dated events in date order, numbered from 1 as on the chart and its list."""
    seen: set[tuple[str, str]] = set()
    events = []
    for data in status.series:
        for event in data.series.events:
            label = event.label.get(lang)
            if (event.date, label) in seen:
                continue
            seen.add((event.date, label))
            events.append((period_date(event.date, None), event.date, label, event, data))
    events.sort(key=lambda e: e[0])
    return [
        {"number": i, "date": d, "when": when, "event": label, "item": event, "series": data}
        for i, (d, when, label, event, data) in enumerate(events, start=1)
    ]


def event_layers(status: KpiStatus, lang: Lang) -> list[dict[str, Any]]:
    """A dotted rule per event with its number at the top of the plot (the list is below)."""
    rows = [
        {"date": e["date"], "event": e["event"], "when": e["when"], "number": str(e["number"])}
        for e in chart_events(status, lang)
    ]
    if not rows:
        return []
    _stagger(rows)
    tooltip = [
        {"field": "number", "title": "#"},
        {"field": "when", "title": _l("date", lang)},
        {"field": "event", "title": _l("event", lang)},
    ]
    return [
        {
            "data": {"values": rows},
            "mark": {"type": "rule", "color": EVENT_COLOUR, "strokeDash": [1, 2]},
            "encoding": {"x": x_encoding(lang), "tooltip": tooltip},
        },
        {
            "data": {"values": rows},
            "mark": {
                "type": "text",
                "dy": 2,
                "dx": 3,
                "align": "left",
                "baseline": "top",
                "fontWeight": "bold",
                "fontSize": 12,
                "color": EVENT_COLOUR,
            },
            "encoding": {
                "x": x_encoding(lang),
                # In pixels from the plot's top: numbers of close events one row apart.
                "y": {"field": "offset", "type": "quantitative", "scale": None},
                "text": {"field": "number"},
                "tooltip": tooltip,
            },
        },
    ]


STAGGER_ROWS = 3
ROW_HEIGHT = 15


def _stagger(rows: list[dict[str, Any]]) -> None:
    """Give each event's number a row, the next one down when it would touch its neighbour."""
    years = [int(r["date"][:4]) + int(r["date"][5:7]) / 12 for r in rows]
    span = (max(years) - min(years)) or 1.0
    previous = None
    row = 0
    for event, year in zip(rows, years, strict=True):
        close = previous is not None and (year - previous) < span / 20
        row = (row + 1) % STAGGER_ROWS if close else 0
        event["offset"] = row * ROW_HEIGHT
        previous = year
