"""A KPI's chart alone, to be shown in another site's page (an ``<iframe>``).

The view holds the chart, the KPI's title, its headline verdict and latest value, the data's
vintage and a link back to the KPI's page; the KPI page gives the snippet to paste.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from ...charts import chart_events, kpi_chart
from ..models import closed
from ..present import tx
from .common import KpiRow, PageMeta, kpi_row, meta
from .spec import Page, PageRequest, Param, not_found


@closed
class EmbedEvent(TypedDict):
    number: int
    date: str
    label: str


@closed
class EmbedPage(PageMeta):
    """The chart of one KPI with its verdict and latest value, for embedding."""

    kpi: KpiRow
    chart: dict[str, Any]
    description: str
    events: list[EmbedEvent]
    """The chart's numbered events."""


def _build(request: PageRequest) -> EmbedPage:
    status = request.followup.kpi(request.params["kpi_id"])
    if status is None:
        raise not_found("KPI", "KPI", request.params["kpi_id"])
    lang = request.lang
    chart = kpi_chart(status, lang, height=260)
    return EmbedPage(
        **meta(request.followup, "embed", request.params, lang, tx(status.kpi.title, lang)),
        kpi=kpi_row(status, lang),
        chart=chart,
        description=str(chart.get("description", "")),
        events=[
            {"number": e["number"], "date": e["when"], "label": e["event"]}
            for e in chart_events(status, lang)
        ],
    )


class _Instance(TypedDict):
    kpi_id: str


PAGE = Page(
    name="embed",
    path="embed/{kpi_id}",
    template="embed.html",
    model=EmbedPage,
    build=_build,
    summary="A KPI's chart alone, with its verdict and latest value, for an <iframe>",
    params=(Param("kpi_id", "The KPI's id, e.g. ipx.gii_rank"),),
    instances=lambda plan: [{"kpi_id": kpi.id} for _part, _section, kpi in plan.iter_kpis()],
    permalink=False,  # its vintage is said, not linked: nothing points to a stub of it
)
