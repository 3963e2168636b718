"""Addresses of pages, for the server (absolute paths) and the static site (relative files).

A page is named by its route and parameters: ``("kpi", {"kpi_id": "ipx.gii_rank"})``. The
language is a path prefix (``/en/…``; Japanese has none), because a prefix works on any static
host, where a query string cannot choose a file. The data date is ``?as_of=`` on the server
and an ``as-of/DATE/`` folder in the static site.
"""

from __future__ import annotations

import posixpath
from abc import ABC, abstractmethod
from collections.abc import Hashable
from typing import Any
from urllib.parse import urlencode

from ..followup.model import AsOf
from ..text import DEFAULT_LANG, Lang
from .pages import page_named


def folder_name(as_of: AsOf) -> str:
    """A vintage's folder in the static site: ``2025-06-30``, or ``2025-06-30T090000`` for one
    of several on its day (no colons: they are not allowed in file names everywhere)."""
    return as_of.isoformat().replace(":", "")


def route_path(name: str, params: dict[str, str]) -> str:
    """The path of a page without language, date or extension (``kpi/ipx.gii_rank``)."""
    return page_named(name).file(params)


_PLAIN = frozenset(("", ".", ".."))
"""Path parts that are not a plain name: a path holding one is left to ``posixpath.relpath``."""


def relative(target: str, directory: str) -> str:
    """``posixpath.relpath(target, directory)`` of two site-relative paths, worked out from
    their parts (relpath asks the system for the working directory twice a link)."""
    to = target.split("/")
    start = directory.split("/") if directory else []
    if target.startswith("/") or not _PLAIN.isdisjoint(to) or not _PLAIN.isdisjoint(start):
        return posixpath.relpath(target, directory or ".")
    common = 0
    for a, b in zip(start, to, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) if parts else "."


class Urls(ABC):
    """Base: subclasses say how a route, a language, a date and a format become an address."""

    mode = "server"
    svg = True  # whether chart SVG files exist to link to
    imports = False  # whether the service pages exist (sign-in, import, submissions)
    #: ``scheme://host`` put before the chart image's address in the Open Graph and Twitter
    #: tags, which link previews read without a page to resolve them against ("": none known).
    origin = ""

    @property
    def key(self) -> Hashable | None:
        """What this object's addresses depend on besides the page, language and vintage: two
        with the same key give the same addresses (None: not known, nothing is shared)."""
        return None

    @abstractmethod
    def page(
        self,
        name: str,
        lang: Lang,
        as_of: AsOf | None = None,
        fmt: str = "html",
        query: dict[str, str] | None = None,
        **params: str,
    ) -> str: ...

    @abstractmethod
    def static(self, name: str) -> str: ...

    @abstractmethod
    def root(self, name: str) -> str:
        """A file at the site's root (``openapi.json``, a search index)."""


class ServerUrls(Urls):
    def __init__(self, base: str = "", *, imports: bool = False) -> None:
        self.base = base.rstrip("/")
        self.imports = imports

    @property
    def key(self) -> Hashable | None:
        return ("server", self.base, self.imports, self.origin)

    def service_page(self, lang: Lang, name: str) -> str:
        """A page of the service (``/signin``, ``/en/account``, ``/submissions/3``)."""
        prefix = "" if lang == DEFAULT_LANG else f"/{lang}"
        return f"{self.base}{prefix}/{name}"

    def import_page(self, lang: Lang, name: str = "") -> str:
        """The data import page (``/import``, ``/en/import``) or a file under it."""
        prefix = "" if lang == DEFAULT_LANG else f"/{lang}"
        tail = f"/{name}" if name else ""
        return f"{self.base}{prefix}/import{tail}"

    def page(
        self,
        name: str,
        lang: Lang,
        as_of: AsOf | None = None,
        fmt: str = "html",
        query: dict[str, str] | None = None,
        **params: str,
    ) -> str:
        path = route_path(name, params)
        prefix = "" if lang == DEFAULT_LANG else f"/{lang}"
        if fmt == "html":
            address = f"{prefix}/" if name == "home" else f"{prefix}/{path}"
        else:
            address = f"{prefix}/{path}.{fmt}"
        args = dict(query or {})
        if as_of is not None:
            args["as_of"] = as_of.isoformat()
        tail = f"?{urlencode(args)}" if args else ""
        return f"{self.base}{address}{tail}"

    def static(self, name: str) -> str:
        return f"{self.base}/static/{name}"

    def root(self, name: str) -> str:
        return f"{self.base}/{name}"


class StaticUrls(Urls):
    """Links relative to the file being written, so the site works from any folder or host."""

    mode = "static"

    def __init__(self, current_file: str, *, svg: bool = False) -> None:
        self.directory = posixpath.dirname(current_file)
        self.svg = svg

    @property
    def key(self) -> Hashable | None:
        return ("static", self.directory, self.svg, self.imports, self.origin)

    @staticmethod
    def file(name: str, lang: Lang, as_of: AsOf | None, fmt: str, params: dict[str, str]) -> str:
        """The site-relative file of a page (``en/as-of/2025-06-30/kpi/x.html``).

        The latest data (``as_of`` None) live at the canonical addresses; an explicit date is
        a folder of its own, so a link to it keeps showing that vintage after new data come.
        """
        parts: list[str] = [] if lang == DEFAULT_LANG else [lang]
        if as_of is not None:
            parts += ["as-of", folder_name(as_of)]
        parts.append(f"{route_path(name, params)}.{fmt}")
        return "/".join(parts)

    def page(
        self,
        name: str,
        lang: Lang,
        as_of: AsOf | None = None,
        fmt: str = "html",
        query: dict[str, str] | None = None,
        **params: str,
    ) -> str:
        key = (self.directory, name, lang, as_of, fmt, *params.items())
        found = _LINKS.get(key)
        if found is None:
            target = self.file(name, lang, as_of, fmt, params)
            found = _remember(key, relative(target, self.directory))
        return found

    def static(self, name: str) -> str:
        return self._within(f"static/{name}")

    def root(self, name: str) -> str:
        return self._within(name)

    def _within(self, target: str) -> str:
        """The link from this folder to ``target``, a site-relative path, remembered."""
        key = (self.directory, target)
        found = _LINKS.get(key)
        if found is None:
            found = _remember(key, relative(target, self.directory))
        return found


_LINKS: dict[tuple[Any, ...], str] = {}
"""Links already worked out, by the folder they point from and what they point to: a static
site's pages of one folder link to the same pages (home, their part, the style sheet…) and a
page to itself in several places (~27 links on a KPI page, ~20 of them made before)."""


def _remember(key: tuple[Any, ...], link: str) -> str:
    if len(_LINKS) >= 4096:  # each KPI's own links are asked for only by its own pages
        _LINKS.clear()
    _LINKS[key] = link
    return link
