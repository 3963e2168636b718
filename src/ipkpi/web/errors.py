"""Error pages: a 404 or 400 in the page's language, as HTML or, for a ``.json`` address, JSON."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from typing_extensions import TypedDict

from ..text import Lang, Text
from .models import closed
from .render import render_html
from .ui_strings import UI

if TYPE_CHECKING:
    from .app import Server

_TITLES = {400: "bad_request_title", 404: "not_found_title"}


@closed
class ErrorDetail(TypedDict):
    status: int
    message: str


@closed
class ErrorBody(TypedDict):
    """What a ``.json`` address answers when there is no such page or a parameter is bad."""

    error: ErrorDetail


def error_page(
    status: int,
    message: Text,
    lang: Lang,
    alternate: str,
    suggestions: list[dict[str, str]] | None = None,
    query: str = "",
) -> dict[str, Any]:
    """The error page's data; ``suggestions`` are the nearest KPIs ({"title", "href"}) and
    ``query`` the words of the missing address, to start a search with."""
    return {
        "suggestions": suggestions or [],
        "query": query,
        "page": "error",
        "params": {},
        "lang": lang,
        "title": UI[_TITLES.get(status, "error_title")].get(lang),
        "status": status,
        "message": message.get(lang),
        "alternate": alternate,
        "as_of": None,
        "vintages": [],
    }


#: The longest address an error page links back to (in the other language); past it, the home.
MAX_REFLECTED_PATH = 200


def error_response(
    server: Server, request: Request, status: int, message: Text, lang: Lang
) -> Response:
    if request.url.path.endswith(".json"):
        body = ErrorBody(error={"status": status, "message": message.get(lang)})
        return JSONResponse(body, status_code=status)
    path = request.url.path.removeprefix(server.urls.base)
    japanese = path.removeprefix("/en") or "/"
    if len(japanese) > MAX_REFLECTED_PATH:  # a long made-up address is not echoed back
        japanese = "/"
    alternate = japanese if lang == "en" else "/en" + japanese
    suggestions = _nearest(server, japanese, lang) if status == 404 else []
    query = missing_words(japanese) if status == 404 else ""
    page = error_page(status, message, lang, server.urls.base + alternate, suggestions, query)
    html = render_html(page, server.urls, template="error.html")
    return Response(html, status_code=status, media_type="text/html; charset=utf-8")


def _asked(path: str) -> str:
    """The last part of ``path``: the id a mistyped /kpi/ address asked for."""
    return path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")


def missing_words(path: str) -> str:
    """The words of the id a missing address asked for ("/kpi/ipx.gii_rnk" → "ipx gii rnk"),
    which the 404 page's search box starts with."""
    return " ".join(w for w in re.split(r"[._\-\s]+", _asked(path)) if w)[:100]


def _nearest(server: Server, path: str, lang: Lang) -> list[dict[str, str]]:
    """The KPIs whose id is nearest the last part of ``path`` (a mistyped /kpi/ address)."""
    asked = _asked(path)
    if not asked:
        return []
    plan = server.provider.plan
    kpis = {kpi.id: kpi for _part, _section, kpi in plan.iter_kpis()}
    tails = {kpi_id.rsplit(".", 1)[-1]: kpi_id for kpi_id in kpis}
    found = difflib.get_close_matches(asked, list(kpis), n=3, cutoff=0.5)
    found += [tails[t] for t in difflib.get_close_matches(asked, list(tails), n=3, cutoff=0.6)]
    prefix = "/en" if lang == "en" else ""
    return [
        {"title": kpis[k].title.get(lang), "href": f"{server.urls.base}{prefix}/kpi/{k}", "id": k}
        for k in dict.fromkeys(found)
    ][:3]
