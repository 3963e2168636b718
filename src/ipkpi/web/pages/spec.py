"""What a page is, declared once: its address, template, JSON model, downloads, listings.

A :class:`Page` says everything the server, the static site, the OpenAPI description and the
navigation need to know about one kind of page. :data:`ipkpi.web.pages.PAGES` lists them; no
other table names a page. ``docs/dashboard.md`` ("Adding a page") walks through a new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ...followup import FollowUp, FollowUpProvider
from ...followup.model import AsOf
from ...plan import Plan
from ...text import Lang, Text, t

FORMAT_MEDIA = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}


class NotFoundError(LookupError):
    """No such page (or no such file of it); ``message`` is bilingual."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def not_found(ja: str, en: str, name: str) -> NotFoundError:
    """No ``en`` (``ja`` in Japanese) called ``name``."""
    return NotFoundError(
        t(f"{ja}「{name}」は見つかりません。", f"We could not find the {en} {name!r}.")
    )


@dataclass(frozen=True, slots=True)
class Param:
    """A path or query parameter, described for the OpenAPI and for people."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class SiteFiles:
    """What a static site holds: which formats were written, and whether past vintages."""

    formats: Collection[str]
    vintages: bool


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a page's builder is given: the follow-up at the date asked and the parameters.

    ``site`` says which files a static site holds when the page is written for one (None on
    the server).
    """

    provider: FollowUpProvider
    followup: FollowUp
    params: Mapping[str, str]
    lang: Lang
    as_of: AsOf | None
    query: Mapping[str, str]
    site: SiteFiles | None = None


@dataclass(frozen=True, slots=True)
class Download:
    """A file made from the page's data (``kpi/ID.csv``): how it is written and what it is."""

    media_type: str
    summary: str
    write: Callable[[Mapping[str, Any], Lang, FollowUp], bytes]  # (page data, language, data)
    attachment: bool = True  # served with Content-Disposition: attachment


Instances = Callable[[Plan], Iterable[dict[str, str]]]


def once(plan: Plan) -> list[dict[str, str]]:
    """A page without parameters exists once."""
    return [{}]


@dataclass(frozen=True, slots=True)
class Page:
    """One kind of page.

    ``path`` is the address without language, date or extension, with ``{param}`` holes
    (``kpi/{kpi_id}``; ``""`` is the home page, file ``index``). A page is HTML (from
    ``template``; none for a page of data only) and JSON (its data, typed by ``model``, a
    ``TypedDict`` whose JSON Schema the OpenAPI publishes); ``downloads`` adds other formats.
    ``instances`` lists the pages that exist for a plan (every KPI, every part); the static
    site writes them all unless
    ``static`` is False (a page of the server only). ``nav`` places the page in the site
    navigation (label ``UI[name]``); ``None`` leaves it out. ``permalink`` False: the page
    gives no permanent link to itself at its vintage (no as-of form), so the static site
    writes no forwarding stub for it in the latest vintage's folder.
    """

    name: str
    path: str
    template: str | None  # None: a page of data only (JSON and downloads, no HTML)
    model: type[Any]
    build: Callable[[PageRequest], Mapping[str, Any]]
    summary: str
    params: tuple[Param, ...] = ()
    query: tuple[Param, ...] = ()
    downloads: Mapping[str, Download] = field(default_factory=dict)
    instances: Instances = once
    static: bool = True
    nav: int | None = None
    cache: bool = True  # False: rendered on every request (results of a free-text query)
    permalink: bool = True

    def __post_init__(self) -> None:
        holes = tuple(_holes(self.path))
        if holes != tuple(p.name for p in self.params):
            raise ValueError(f"page {self.name!r}: path {self.path!r} has holes {holes}")

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats it is served in; the first is the one of an address without extension."""
        pages = ("html", "json") if self.template is not None else ("json",)
        return (*pages, *self.downloads)

    @property
    def data_formats(self) -> tuple[str, ...]:
        """The formats the API describes: all but HTML."""
        return tuple(f for f in self.formats if f != "html")

    def media_type(self, fmt: str) -> str:
        return FORMAT_MEDIA[fmt] if fmt in FORMAT_MEDIA else self.downloads[fmt].media_type

    def file(self, params: Mapping[str, str]) -> str:
        """The page's address for ``params``, without language, date or extension."""
        if not self.path:
            return "index"
        return self.path.format_map({p.name: _quote(params[p.name]) for p in self.params})

    def route_paths(self) -> tuple[str, ...]:
        """Starlette paths; the last path parameter also carries the extension (``x.json``)."""
        if not self.path:
            return ("/", "/index.{ext:str}")
        if self.params and self.path.endswith("}"):
            return (f"/{self.path}",)
        return (f"/{self.path}", f"/{self.path}.{{ext:str}}")

    def split(self, path_params: Mapping[str, Any]) -> tuple[dict[str, str], str]:
        """The page's parameters and the format asked for, from a matched route."""
        params = {p.name: str(path_params[p.name]) for p in self.params}
        if self.params and self.path.endswith("}"):
            last = self.params[-1].name
            stem, dot, ext = params[last].rpartition(".")
            if dot and ext in self.formats:
                params[last] = stem
                return params, ext
            return params, self.formats[0]
        return params, str(path_params.get("ext", self.formats[0]))

    def openapi_path(self, fmt: str, prefix: str = "") -> str:
        stem = self.path or "index"
        return f"{prefix}/{stem}.{fmt}"


_UNQUOTED = re.compile(r"[A-Za-z0-9_.~/-]*")
"""What ``quote`` leaves as it is (its always-safe characters and ``/``)."""


def _quote(value: str) -> str:
    """``urllib.parse.quote(value)``; a value it would leave as it is (every id of a plan) is
    not encoded and decoded again (a KPI page makes ~15 links)."""
    return value if _UNQUOTED.fullmatch(value) else quote(value)


def _holes(path: str) -> Iterable[str]:
    for piece in path.split("/"):
        if piece.startswith("{") and piece.endswith("}"):
            yield piece[1:-1]
