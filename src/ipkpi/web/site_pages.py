"""Which files a static site holds: every page in both languages, for each vintage chosen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..followup.model import AsOf
from ..plan import Plan
from ..text import LANGS, Lang
from .pages import PAGES


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page of the site and the formats to write for it."""

    route: str
    params: tuple[tuple[str, str], ...]
    lang: Lang
    as_of: AsOf | None
    formats: tuple[str, ...]

    @property
    def param_dict(self) -> dict[str, str]:
        return dict(self.params)


KPI_ROUTES = frozenset(p.name for p in PAGES if tuple(q.name for q in p.params) == ("kpi_id",))
"""The pages of one KPI (its page, its embeddable chart): the many, rendered by the workers."""


def site_pages(
    plan: Plan, as_ofs: list[AsOf | None], *, downloads: tuple[str, ...] = ("csv", "xlsx")
) -> Iterator[PageJob]:
    """Every declared page the static site holds, in the order of :data:`~.pages.PAGES`, the
    pages of one KPI last and together (:data:`KPI_ROUTES`, each in both languages), so that
    what they share is worked out once from the KPI's status (its list row, its wording).

    ``as_ofs`` holds None for the latest data; ``downloads`` are the formats besides HTML and
    JSON to write where a page has them.
    """
    per_kpi: dict[tuple[tuple[str, str], ...], list[tuple[str, tuple[str, ...]]]] = {}
    for page in PAGES:
        if not page.static:
            continue
        instances = [tuple(params.items()) for params in page.instances(plan)]
        formats = tuple(f for f in page.formats if f in ("html", "json", *downloads))
        if page.name in KPI_ROUTES:
            for params in instances:
                per_kpi.setdefault(params, []).append((page.name, formats))
            continue
        for as_of in as_ofs:
            for lang in LANGS:
                for params in instances:
                    yield PageJob(page.name, params, lang, as_of, formats)
    for as_of in as_ofs:
        for params, pages in per_kpi.items():
            for name, formats in pages:
                for lang in LANGS:
                    yield PageJob(name, params, lang, as_of, formats)
