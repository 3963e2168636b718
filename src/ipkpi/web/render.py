"""A page's data as HTML (Jinja2, autoescaped) or as JSON: the same dict for both."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping, MutableMapping
from functools import lru_cache
from types import BuiltinFunctionType, CodeType, FunctionType, MethodType
from typing import Any, cast

from jinja2 import (
    Environment,
    PackageLoader,
    StrictUndefined,
    Template,
    pass_eval_context,
    select_autoescape,
)
from jinja2.filters import do_tojson
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..charts.spec_json import ChartSpec, spec_json
from ..followup.model import AsOf, parse_as_of
from ..text import Lang
from .badge import badge
from .escaping import escape_text
from .kpi_list_html import kpi_table, kpi_tiles
from .pages import is_page, navigation, page_named
from .pages.common import as_of_date
from .present import LocalText
from .table_html import peer_series, table_rows
from .ui_strings import ui_strings
from .urls import Urls


def local(value: Any) -> Markup:
    """Text in the page's language as is; text that fell back to the other one marked ``lang``."""
    if isinstance(value, LocalText):
        return Markup('<span lang="{}" class="fallback">{}</span>').format(value.lang, value)
    return escape(value)


_DICT_ATTRIBUTES = frozenset(dir(dict))
_BY_KEY = frozenset((dict, ChartSpec))


class _PageEnvironment(Environment):
    """Jinja's environment, reading ``page.title`` of a page's dict by its key first.

    Jinja looks an attribute up first and the key after it; on a dict the attribute lookup
    raises (and catches) AttributeError for every field a template reads (~250 a KPI page).
    A plain dict has no attribute other than its methods, so asking the key first for any
    other name gives what Jinja gives; ``d.items()`` and ``d.get(...)`` stay the methods.
    """

    loaded: dict[str, Template]

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) in _BY_KEY and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def get_template(
        self,
        name: str | Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        """Jinja's ``get_template``; a template loaded is kept in a plain dict by its name (it
        is never reloaded: ``auto_reload`` is off), not looked up in Jinja's locked LRU cache
        by a weak reference to the loader each time a page extends, imports or includes it
        (4 times a KPI page)."""
        if globals is not None or type(name) is not str:
            return super().get_template(name, parent, globals)
        found = self.loaded.get(name)
        if found is None:
            found = self.loaded[name] = super().get_template(name, parent)
        return found

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict, not Jinja's ChainMap over the environment's: a
        render copies them into its context and takes their keys, which a ChainMap gives key
        by key in Python. The environment's globals are set before any template is loaded
        (:func:`environment`) and never changed."""
        return {**self.globals, **(d or {})}


class _PageTemplate(Template):
    """A template whose outputs are escaped to plain text (:func:`.escaping.escape_text`).

    Jinja wraps every output in ``escape``, which makes a Markup that the template's
    ``"".join`` turns back into a ``str`` at once, and copies a Markup already escaped (a
    macro's, ``local``'s, a helper's) into a new one; the same characters as a ``str``
    render a KPI page in ~20 % less time (~135 outputs a page).

    The compiled template's functions find ``escape`` in the module namespace its code ran
    in (``from jinja2.runtime import … escape``); only the outputs' ``escape(…)`` use it
    (filters such as ``|e`` are markupsafe's own), so it is replaced there once the code has
    run.
    """

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__
        if namespace.get("escape") is not escape:
            raise RuntimeError(
                "Jinja's compiled templates no longer take their outputs' escape from "
                "markupsafe.escape in their namespace: _PageTemplate needs a look at this "
                "Jinja release (pyproject.toml bounds Jinja2 to 3.1.x for this reason)"
            )
        namespace["escape"] = escape_text
        return template


_PLAIN_CALLABLES = frozenset((FunctionType, MethodType, BuiltinFunctionType))


class _PageContext(Context):
    """Jinja's context, calling a plain function or method (``here``, ``link``, ``m.badge``,
    ``urls.static``, ``page.get``…: ~20 a KPI page) without looking for ``pass_context`` on
    it and on its ``__call__`` first; any other callable, or one marked, as Jinja calls it."""

    def call(self, obj: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        if type(obj) not in _PLAIN_CALLABLES or hasattr(obj, "jinja_pass_arg"):
            return super().call(obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return obj(*args, **kwargs)
        except StopIteration:
            return self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = _PageEnvironment(
        loader=PackageLoader("ipkpi.web", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.loaded = {}
    env.template_class = _PageTemplate
    env.context_class = _PageContext
    env.filters["local"] = local
    env.globals["badge"] = badge  # m.badge in the templates (_macros.html exports it)
    env.globals["kpi_table_html"] = kpi_table  # m.kpi_table and m.kpi_tiles call these
    env.globals["kpi_tiles_html"] = kpi_tiles
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    env.filters["tojson"] = _tojson
    return env


@pass_eval_context
def _tojson(context: EvalContext, value: Any, indent: int | None = None) -> Markup:
    """Jinja's ``tojson``; a KPI's chart spec from its parts written once (:mod:`.spec_json`),
    escaped for HTML as ``htmlsafe_json_dumps`` escapes the whole."""
    if type(value) is ChartSpec and indent is None:
        return Markup(spec_json(value, _html_safe))
    return do_tojson(context, value, indent)


def _html_safe(text: str) -> str:
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


def _ui(lang: Lang) -> dict[str, str]:
    found = _UI_CACHE.get(lang)
    if found is None:
        found = _UI_CACHE[lang] = ui_strings(lang)
    return found


_UI_CACHE: dict[str, dict[str, str]] = {}


def render_html(
    page: Mapping[str, Any],
    urls: Urls,
    *,
    template: str | None = None,
    query: dict[str, str] | None = None,
) -> str:
    """The page as HTML; ``query`` is kept in the page's own links (filters, search words).

    A declared page (:mod:`.pages`) is drawn by its own template; other pages (errors, the
    import desk) name theirs.
    """
    lang: Lang = page["lang"]
    other: Lang = "en" if lang == "ja" else "ja"
    declared = is_page(page["page"])
    name = template or page_named(page["page"]).template
    if name is None:
        raise ValueError(f"page {page['page']!r} has no HTML")
    as_of = page_as_of = as_of_date(page)
    params: dict[str, str] = page.get("params") or {}
    route = page["page"] if declared else "home"

    made: dict[tuple[Lang, str, AsOf | None], str] = {}

    def here(lang: Lang = lang, fmt: str = "html", as_of: AsOf | str | None = "same") -> str:
        """This page in another language, format or vintage; each worked out once a page
        (a KPI page asks for its JSON three times, its chart image three, its latest two)."""
        when = page_as_of if as_of == "same" else as_of
        assert not isinstance(when, str)
        found = made.get((lang, fmt, when))
        if found is None:
            keep = query if fmt == "html" else None
            found = made[lang, fmt, when] = urls.page(route, lang, when, fmt, keep, **params)
        return found

    def link(name: str, fmt: str = "html", **kwargs: str) -> str:
        """Another page, in this page's language and vintage."""
        return urls.page(name, lang, as_of, fmt, None, **kwargs)

    return (
        environment()
        .get_template(name)
        .render(
            page=page,
            ui=_ui(lang),
            lang=lang,
            other_lang=other,
            urls=urls,
            here=here,
            link=link,
            as_of=as_of,
            mode=urls.mode,
            vintage_as_of=parse_as_of,
            has_json=declared,  # error and import pages have no JSON
            nav_items=nav_items(urls, lang, as_of, page["page"], link),
            table_rows=table_rows,
            peer_series=peer_series,
            local=local,
        )
    )


def nav_items(urls: Urls, lang: Lang, as_of: AsOf | None, page_name: str, link: Link) -> Markup:
    """The navigation's entries (``_nav.html``) for a page called ``page_name``.

    They depend only on where the links point from (:attr:`.Urls.key`), the language, the
    vintage and the page's name, so they are rendered once for each of those (every page of a
    static site's folder shares them) instead of once per page.
    """
    key = None if urls.key is None else (urls.key, lang, as_of, page_name)
    found = _NAV_CACHE.get(key) if key is not None else None
    if found is None:
        found = Markup(
            environment()
            .get_template("_nav.html")
            .render(
                nav=navigation(), page_name=page_name, ui=_ui(lang), lang=lang, urls=urls, link=link
            )
        )
        if key is not None:
            if len(_NAV_CACHE) >= 1024:  # the server's ?as_of= can be any date
                _NAV_CACHE.clear()
            _NAV_CACHE[key] = found
    return found


Link = Callable[..., str]
_NAV_CACHE: dict[Hashable, Markup] = {}


def render_json(page: Mapping[str, Any]) -> bytes:
    """The page as compact UTF-8 JSON, by orjson (5x the standard library's speed on a KPI
    page: a 10,000-KPI site writes 40,000 of them).

    The bytes are those of ``json.dumps(page, ensure_ascii=False, separators=(",", ":"))``
    but for two things no page holds: a float below 1e-4 is written without an exponent
    (``0.00001``, the same number), and NaN is written ``null`` where the standard library
    refused it. A page orjson cannot write (a key that is not a string) is written by the
    standard library, and so is every page where orjson is not installed.
    """
    if _FAST_DUMPS is not None:
        try:
            return _FAST_DUMPS(page)
        except TypeError:
            pass
    return json.dumps(page, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _orjson_dumps() -> Callable[[Any], bytes] | None:
    try:
        import orjson
    except ImportError:  # an environment made before orjson was a dependency
        return None
    return cast("Callable[[Any], bytes]", orjson.dumps)


_FAST_DUMPS = _orjson_dumps()
