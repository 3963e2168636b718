"""Charts of KPIs as Vega-Lite specs, rendered in the browser or to SVG offline."""

from .axis import period_date, year_date
from .kpi_chart import PALETTE, kpi_chart
from .render import javascript_bundle, register_fonts, to_svg

__all__ = [
    "PALETTE",
    "javascript_bundle",
    "kpi_chart",
    "period_date",
    "register_fonts",
    "to_svg",
    "year_date",
]
