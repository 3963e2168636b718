"""The dashboard's pages, independent of HTTP: build a page's data once, render it in a format.

The server (:mod:`.app`) and the static site (:mod:`.site`) both call
:meth:`Dashboard.render`; only the :class:`~.urls.Urls` differ (absolute paths or relative
files). A page that does not exist is :class:`NotFoundError`; a bad parameter is
:class:`~.params.BadRequestError`. Both carry a bilingual message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..charts import to_svg
from ..followup import TONES, FollowUp, FollowUpProvider
from ..plan import KIND_LABELS
from ..text import Lang, Text, t
from .downloads import table_csv, table_xlsx
from .pages.common import meta
from .pages.home import home_page
from .pages.kpi import kpi_page
from .pages.outline import part_page, section_page
from .pages.progress import Filters, progress_page
from .pages.search import search_page
from .params import parse_choice
from .render import render_html, render_json
from .ui_strings import UI
from .urls import Urls

FORMATS: dict[str, tuple[str, ...]] = {
    "home": ("html", "json"),
    "part": ("html", "json"),
    "section": ("html", "json"),
    "kpi": ("html", "json", "csv", "xlsx", "svg"),
    "progress": ("html", "json"),
    "search": ("html", "json"),
}
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "svg": "image/svg+xml",
}


class NotFoundError(LookupError):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True, slots=True)
class Rendered:
    body: bytes
    media_type: str
    filename: str = ""


class Dashboard:
    def __init__(self, provider: FollowUpProvider) -> None:
        self.provider = provider

    @property
    def plan_title(self) -> Text:
        return self.provider.plan.title

    def followup(self, as_of: dt.date | None) -> FollowUp:
        return self.provider.get(as_of)

    def page_data(
        self,
        route: str,
        params: dict[str, str],
        lang: Lang,
        as_of: dt.date | None,
        query: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """The page's data: what its HTML shows and its JSON holds."""
        query = query or {}
        followup = self.followup(as_of)
        plan = followup.plan
        if route == "home":
            return home_page(followup, self.provider.changes(as_of), lang)
        if route == "part":
            part = plan.part(params["part_id"])
            if part is None:
                raise _not_found("part", params["part_id"])
            return part_page(followup, part, lang)
        if route == "section":
            found = plan.section(f"{params['part_id']}.{params['section_id']}")
            if found is None or found[0].id != params["part_id"]:
                raise _not_found("section", f"{params['part_id']}/{params['section_id']}")
            return section_page(followup, found[0], found[1], lang)
        if route == "kpi":
            status = followup.kpi(params["kpi_id"])
            if status is None:
                raise _not_found("KPI", params["kpi_id"])
            return kpi_page(followup, status, lang)
        if route == "progress":
            return progress_page(followup, self.filters(followup, query), lang)
        if route == "search":
            base = meta(followup, "search", {}, lang, UI["search"].get(lang))
            return search_page(base, plan, query.get("q", ""), lang)
        raise _not_found("page", route)

    @staticmethod
    def filters(followup: FollowUp, query: dict[str, str]) -> Filters:
        return Filters(
            part=parse_choice(query, "part", [p.id for p in followup.plan.parts]),
            kind=parse_choice(query, "kind", KIND_LABELS),
            tone=parse_choice(query, "tone", TONES),
        )

    def render(
        self,
        route: str,
        params: dict[str, str],
        lang: Lang,
        as_of: dt.date | None,
        fmt: str,
        urls: Urls,
        query: dict[str, str] | None = None,
        page: dict[str, Any] | None = None,
    ) -> Rendered:
        if fmt not in FORMATS.get(route, ()):
            raise _not_found("format", fmt)
        data = page if page is not None else self.page_data(route, params, lang, as_of, query)
        media = MEDIA_TYPES[fmt]
        if fmt == "html":
            return Rendered(render_html(data, urls, query=query).encode(), media)
        if fmt == "json":
            return Rendered(render_json(data), media)
        name = f"{params.get('kpi_id', route)}.{lang}.{fmt}"
        if fmt == "csv":
            return Rendered(table_csv(data["table"], UI["series_id"].get(lang)), media, name)
        if fmt == "xlsx":
            body = table_xlsx(data["table"], UI["series_id"].get(lang), data["title"])
            return Rendered(body, media, name)
        if not data["chart"]:
            raise NotFoundError(t("このKPIにはグラフがありません", "this KPI has no chart"))
        return Rendered(to_svg(data["chart"]).encode(), media)


def _not_found(what: str, name: str) -> NotFoundError:
    words = {"part": "部", "section": "節", "KPI": "KPI", "page": "ページ", "format": "形式"}
    return NotFoundError(
        t(
            f"{words.get(what, what)}「{name}」は見つかりません。",
            f"there is no {what} {name!r}",
        )
    )
