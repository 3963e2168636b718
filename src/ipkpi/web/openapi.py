"""The OpenAPI description of the dashboard's JSON (every page is also ``PAGE.json``)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..text import Text

_LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of the texts: ja (default) or en. Also chosen by the /en prefix.",
    "schema": {"type": "string", "enum": ["ja", "en"]},
}
_AS_OF = {
    "name": "as_of",
    "in": "query",
    "required": False,
    "description": "The data as known on this date (YYYY-MM-DD); the latest vintage if absent.",
    "schema": {"type": "string", "format": "date"},
}


def _path(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string"}}  # fmt: skip


def _filter(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "string"}}  # fmt: skip


def _op(summary: str, params: list[dict[str, Any]], media: str = "application/json") -> Any:
    return {
        "get": {
            "summary": summary,
            "parameters": [*params, _LANG, _AS_OF],
            "responses": {
                "200": {"description": "The page's data", "content": {media: {"schema": _PAGE}}},
                "400": {"description": "A malformed parameter; the message says which"},
                "404": {"description": "No such page"},
            },
        }
    }


_PAGE = {
    "type": "object",
    "required": ["page", "lang", "title", "as_of", "vintage", "vintages"],
    "properties": {
        "page": {"type": "string"},
        "lang": {"type": "string", "enum": ["ja", "en"]},
        "title": {"type": "string"},
        "as_of": {"type": ["string", "null"], "format": "date"},
        "vintage": {"type": ["string", "null"]},
        "vintages": {"type": "array", "items": {"type": "object"}},
    },
    "additionalProperties": True,
}


def openapi(title: Text) -> dict[str, Any]:
    kpi = _path("kpi_id", "The KPI's id, e.g. ipx.gii_rank")
    part = _path("part_id", "The part's id, e.g. creation")
    section = _path("section_id", "The section's id within the part, e.g. ai")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{title.en or title.ja} — follow-up dashboard",
            "version": __version__,
            "description": "Each HTML page of the dashboard is also served as JSON at the same "
            "address with .json; the same data, built once. English texts: prefix /en or "
            "?lang=en.",
        },
        "paths": {
            "/index.json": _op("The plan at a glance: headline KPIs, verdict counts, changes", []),
            "/part/{part_id}.json": _op("A part: summary, pillars, sections, KPIs", [part]),
            "/part/{part_id}/{section_id}.json": _op(
                "A section: situation, measures, KPIs, context", [part, section]
            ),
            "/kpi/{kpi_id}.json": _op(
                "A KPI: data table, chart spec, verdicts by method with their numbers", [kpi]
            ),
            "/kpi/{kpi_id}.csv": _op("The KPI's data table as CSV", [kpi], "text/csv"),
            "/kpi/{kpi_id}.xlsx": _op(
                "The KPI's data table as Excel",
                [kpi],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            "/kpi/{kpi_id}.svg": _op("The KPI's chart as SVG", [kpi], "image/svg+xml"),
            "/progress.json": _op(
                "Every KPI by verdict",
                [
                    _filter("part", "Only KPIs of this part id"),
                    _filter("kind", "Only KPIs of this kind (level_by_deadline, rank, …)"),
                    _filter("tone", "Only KPIs whose verdict is good, fair, poor, bad or neutral"),
                ],
            ),
            "/search.json": _op(
                "KPIs, sections and measures matching every word, in either language",
                [_filter("q", "The words to find")],
            ),
        },
    }
