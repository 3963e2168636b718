"""The dashboard's pages, independent of HTTP: build a page's data once, render it in a format.

The server (:mod:`.app`) and the static site (:mod:`.site`) both call
:meth:`Dashboard.render`; only the :class:`~.urls.Urls` differ (absolute paths or relative
files). A page that does not exist is :class:`NotFoundError`; a bad parameter is
:class:`~.params.BadRequestError`. Both carry a bilingual message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..followup import FollowUp, FollowUpProvider
from ..followup.model import AsOf
from ..text import Lang, Text
from .pages import NotFoundError, PageRequest, not_found, page_named
from .pages.spec import SiteFiles
from .render import render_html, render_json
from .urls import Urls

__all__ = ["Dashboard", "NotFoundError", "Rendered"]


@dataclass(frozen=True, slots=True)
class Rendered:
    body: bytes
    media_type: str
    filename: str = ""


class Dashboard:
    def __init__(self, provider: FollowUpProvider, site: SiteFiles | None = None) -> None:
        self.provider = provider
        self.site = site  # what the static site holds, when the pages are written for one

    @property
    def plan_title(self) -> Text:
        return self.provider.plan.title

    def followup(self, as_of: AsOf | None) -> FollowUp:
        return self.provider.get(as_of)

    def page_data(
        self,
        route: str,
        params: Mapping[str, str],
        lang: Lang,
        as_of: AsOf | None,
        query: Mapping[str, str] | None = None,
    ) -> Mapping[str, Any]:
        """The page's data: what its HTML shows and its JSON holds."""
        try:
            declared = page_named(route)
        except KeyError:
            raise not_found("ページ", "page", route) from None
        request = PageRequest(
            self.provider,
            self.followup(as_of),
            dict(params),
            lang,
            as_of,
            dict(query or {}),
            self.site,
        )
        page = declared.build(request)
        if as_of is not None and page.get("vintage", "") is None:
            # Before the first vintage the data are those of no vintage, and the page says the
            # date that was asked for (not the day before the first vintage the data stand at).
            return {**page, "as_of": as_of.isoformat()}
        return page

    def render(
        self,
        route: str,
        params: Mapping[str, str],
        lang: Lang,
        as_of: AsOf | None,
        fmt: str,
        urls: Urls,
        query: dict[str, str] | None = None,
        page: Mapping[str, Any] | None = None,
    ) -> Rendered:
        declared = page_named(route)
        if fmt not in declared.formats:
            raise not_found("形式", "format", fmt)
        data = page if page is not None else self.page_data(route, params, lang, as_of, query)
        media = declared.media_type(fmt)
        if fmt == "html":
            html = render_html(data, urls, template=declared.template, query=query)
            return Rendered(html.encode(), media)
        if fmt == "json":
            return Rendered(render_json(data), media)
        download = declared.downloads[fmt]
        body = download.write(data, lang, self.followup(as_of))
        if not download.attachment:
            return Rendered(body, media)
        stem = params[declared.params[-1].name] if declared.params else route
        return Rendered(body, media, f"{stem}.{lang}.{fmt}")
