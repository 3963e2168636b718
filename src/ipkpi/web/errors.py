"""Error pages: a 404 or 400 in the page's language, as HTML or, for a ``.json`` address, JSON."""

from __future__ import annotations

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


def error_page(status: int, message: Text, lang: Lang, alternate: str) -> dict[str, Any]:
    return {
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


def error_response(
    server: Server, request: Request, status: int, message: Text, lang: Lang
) -> Response:
    if request.url.path.endswith(".json"):
        body = ErrorBody(error={"status": status, "message": message.get(lang)})
        return JSONResponse(body, status_code=status)
    path = request.url.path.removeprefix(server.urls.base)
    japanese = path.removeprefix("/en") or "/"
    alternate = japanese if lang == "en" else "/en" + japanese
    page = error_page(status, message, lang, server.urls.base + alternate)
    html = render_html(page, server.urls, template="error.html")
    return Response(html, status_code=status, media_type="text/html; charset=utf-8")
