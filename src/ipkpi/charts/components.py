"""The stacked bars of a total the plan publishes with its components (the Cool Japan table)."""

from __future__ import annotations

from typing import Any

from ..assessment.verdict import Contribution
from ..followup import KpiStatus, Observation, SeriesData
from ..followup.flags import flag_labels
from ..plan import Figure, LevelByDeadline
from ..text import Lang
from ..units import UnitError, convert
from ..wording import share
from .axis import period_date
from .labels import BAR_WIDTH, COMPONENT_PALETTE
from .labels import label as _l
from .time_axis import x_encoding


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


def assessed_components(status: KpiStatus) -> dict[str, Contribution]:
    """The assessment's contributions (of the first verdict that has them), by series."""
    for verdict in status.verdicts:
        if verdict.components:
            return {c.series: c for c in verdict.components}
    return {}


def _share(contribution: Contribution | None, survey: str) -> float | None:
    if contribution is None:
        return None
    if survey == "current":
        return contribution.share_of_total
    return contribution.previous_share_of_total


def component_rows(status: KpiStatus, y_unit: str, lang: Lang) -> list[dict[str, Any]]:
    """The components of each survey of a published total, in ``y_unit``, as bar rows.

    The plan's components table says which period of each component makes up each survey's
    total; the value drawn is that component series' observation for that period, as known at
    the follow-up's date (so the bars and the data table hold the same numbers). A component
    without that observation, or in a unit that does not convert, is left out: nothing is
    filled in. Each survey's bars stand at the period its total is placed at (the total's own
    period, else its latest component's). Each share is the assessment's
    (:class:`ipkpi.assessment.verdict.Contribution`: of the published total, else of the sum
    of the components), read, not worked out again here.
    """
    kpi = status.kpi
    if not isinstance(kpi, LevelByDeadline) or not kpi.components:
        return []
    wording = status.wording
    by_id = {d.series.id: d for d in status.series}
    published = kpi.published_total
    assessed = assessed_components(status)
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
            part = _share(assessed.get(component.series), survey)
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
                    "share": part,
                    "share_text": share(part) if part is not None else "",
                    "survey": _l(f"{survey}_survey", lang),
                    "total": wording.quantity(total, lang),
                    "flags": ", ".join(flags),
                    "source": obs.source_title,
                }
            )
    return rows


def components_layer(rows: list[dict[str, Any]], y: dict[str, Any], lang: Lang) -> dict[str, Any]:
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
            "x": x_encoding(lang) | {"scale": {"padding": BAR_WIDTH}},
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
