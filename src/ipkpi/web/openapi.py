"""The OpenAPI description of the dashboard's JSON and downloads, made from the declared pages.

Every declared page (:mod:`.pages`) is also ``PAGE.json``, whose schema is the page's model;
its downloads (``.csv``, ``.xlsx``, …) are listed with their media types. The static site's
description (:func:`openapi` with ``site``) lists only the files that site holds: no query
parameters (a static host cannot read them), the English copy under ``/en``, past vintages
under ``/as-of/{as_of}`` when they were built.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..text import Text
from . import health
from .api_models import MODELS as API_MODELS
from .api_models import PREFIX as API_PREFIX
from .api_models import SECURITY_SCHEMES, api_paths
from .errors import ErrorBody
from .models import component_schemas
from .pages import PAGES, Page, Param
from .pages.spec import SiteFiles

__all__ = ["SiteFiles", "openapi"]

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
    "description": "The data as known at the end of this date (YYYY-MM-DD) or at this time "
    "(YYYY-MM-DDTHH:MM[:SS], UTC); the latest vintage if absent.",
    "schema": {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]},
}
_AS_OF_PATH = {
    "name": "as_of",
    "in": "path",
    "required": True,
    "description": "A past data vintage, by its name in the page's vintages: its date "
    "(YYYY-MM-DD), or date and time without colons (YYYY-MM-DDTHHMMSS) for one of several on "
    "its day",
    "schema": {"type": "string"},
}


def _param(param: Param, where: str) -> dict[str, Any]:
    return {
        "name": param.name,
        "in": where,
        "required": where == "path",
        "description": param.description,
        "schema": {"type": "string"},
    }


def _operation(
    page: Page, fmt: str, refs: dict[str, str], site: SiteFiles | None, dated: bool
) -> dict[str, Any]:
    params = [_param(p, "path") for p in page.params]
    if site is None:
        params += [_param(p, "query") for p in page.query] + [_LANG, _AS_OF]
    elif dated:
        params.insert(0, _AS_OF_PATH)
    if fmt == "json":
        summary, media = page.summary, "application/json"
        schema: dict[str, Any] = {"$ref": refs[page.model.__name__]}
    else:
        download = page.downloads[fmt]
        summary, media = download.summary, download.media_type.split(";")[0]
        schema = {"type": "string"} if media.startswith("text/") else {"format": "binary"}
    responses: dict[str, Any] = {
        "200": {"description": summary, "content": {media: {"schema": schema}}}
    }
    if site is None:
        error: dict[str, Any] = {"application/json": {"schema": {"$ref": refs["ErrorBody"]}}}
        if fmt != "json":  # a download's address answers errors with the HTML error page
            error = {"text/html": {"schema": {"type": "string"}}}
        responses["400"] = {"description": "A malformed parameter; the message says which"}
        responses["404"] = {"description": "No such page", "content": error}
        responses["400"]["content"] = error
    return {"get": {"summary": summary, "operationId": _operation_id(page, fmt, site, dated),
                    "parameters": params, "responses": responses}}  # fmt: skip


def _operation_id(page: Page, fmt: str, site: SiteFiles | None, dated: bool) -> str:
    return f"{page.name}_{fmt}" + ("_dated" if dated else "")


def openapi(title: Text, *, site: SiteFiles | None = None, api: bool = False) -> dict[str, Any]:
    """The description of the server's JSON (``site`` None) or of a static site's files;
    ``api``: with the JSON API of a server over a store (:mod:`.api_models`)."""
    extra = API_MODELS if api and site is None else []
    refs, schemas = component_schemas([*(p.model for p in PAGES), ErrorBody, *extra])
    paths: dict[str, Any] = {}
    for page in PAGES:
        if site is not None and not page.static:
            continue
        for fmt in page.data_formats:
            if site is not None and fmt != "json" and fmt not in site.formats:
                continue
            prefixes = [("", False)]
            if site is not None:
                prefixes = [("", False), ("/en", False)]
                if site.vintages:
                    prefixes += [("/as-of/{as_of}", True), ("/en/as-of/{as_of}", True)]
            for prefix, dated in prefixes:
                operation = _operation(page, fmt, refs, site, dated)
                if prefix.startswith("/en"):
                    get = operation["get"]
                    get["operationId"] += "_en"
                    get["summary"] += " (English)"
                paths[page.openapi_path(fmt, prefix)] = operation
    if site is None:
        paths["/healthz"] = health.OPERATION
    where = (
        "This is a static copy: files only, English under /en, past vintages under /as-of/{as_of}."
        if site is not None
        else "English texts: prefix /en or ?lang=en; earlier data: ?as_of=YYYY-MM-DD."
    )
    components: dict[str, Any] = {"schemas": schemas}
    if extra:
        paths |= api_paths(refs)
        components["securitySchemes"] = SECURITY_SCHEMES
        where += f" The JSON API is under {API_PREFIX}."
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{title.en or title.ja} — follow-up dashboard",
            "version": __version__,
            "description": "Each HTML page of the dashboard is also served as JSON at the same "
            f"address with .json; the same data, built once. {where}",
        },
        "paths": paths,
        "components": components,
    }
