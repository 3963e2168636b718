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


def site_pages(
    plan: Plan, as_ofs: list[AsOf | None], *, downloads: tuple[str, ...] = ("csv", "xlsx")
) -> Iterator[PageJob]:
    """Every declared page the static site holds, in the order of :data:`~.pages.PAGES`.

    ``as_ofs`` holds None for the latest data; ``downloads`` are the formats besides HTML and
    JSON to write where a page has them.
    """
    for page in PAGES:
        if not page.static:
            continue
        instances = [tuple(params.items()) for params in page.instances(plan)]
        formats = tuple(f for f in page.formats if f in ("html", "json", *downloads))
        for as_of in as_ofs:
            for lang in LANGS:
                for params in instances:
                    yield PageJob(page.name, params, lang, as_of, formats)
