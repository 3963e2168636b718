"""Charts of KPIs as Vega-Lite specs, rendered in the browser or to SVG offline."""

from .axis import period_date, year_date
from .kpi_chart import chart_events, kpi_chart
from .labels import PALETTE
from .render import javascript_bundle, register_fonts, to_png, to_svg

__all__ = [
    "PALETTE",
    "chart_events",
    "javascript_bundle",
    "kpi_chart",
    "period_date",
    "register_fonts",
    "to_png",
    "to_svg",
    "year_date",
]
