"""Every page of the dashboard, declared once (see :class:`.spec.Page`).

The server's routes, the static site's files, the OpenAPI description and the navigation are
all made from :data:`PAGES`; a page that is not listed here does not exist anywhere, and one
that is listed exists everywhere it says (``tests/web/test_declared_pages.py`` checks it).
To add a page: write its builder, model and ``PAGE`` in a module of this package, its template
in ``templates/``, its strings in ``ui_strings.py``, and add the ``PAGE`` here.
"""

from __future__ import annotations

from . import api, dataset, due, embed, home, kpi, measures, outline, progress, search
from .spec import Download, NotFoundError, Page, PageRequest, Param, not_found, once

PAGES: tuple[Page, ...] = (
    home.PAGE,
    progress.PAGE,
    search.PAGE,
    dataset.PAGE,
    due.PAGE,
    api.PAGE,
    outline.PART,
    outline.SECTION,
    measures.MEASURES,
    measures.MINISTRY,
    measures.MEASURE,
    embed.PAGE,
    kpi.PAGE,  # the many: the static site writes them last
)

_BY_NAME = {page.name: page for page in PAGES}
if len(_BY_NAME) != len(PAGES):
    raise ValueError("two pages have the same name")


def page_named(name: str) -> Page:
    """The declared page called ``name``; KeyError for a page that is not declared."""
    return _BY_NAME[name]


def is_page(name: str) -> bool:
    return name in _BY_NAME


def navigation() -> list[Page]:
    """The pages of the site navigation, in order."""
    return sorted((p for p in PAGES if p.nav is not None), key=lambda p: p.nav or 0)


__all__ = [
    "PAGES",
    "Download",
    "NotFoundError",
    "Page",
    "PageRequest",
    "Param",
    "is_page",
    "navigation",
    "not_found",
    "once",
    "page_named",
]
