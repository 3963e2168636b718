"""Which files a static site holds: every page in both languages, for each vintage chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..plan import Plan
from ..text import LANGS, Lang


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page of the site and the formats to write for it."""

    route: str
    params: tuple[tuple[str, str], ...]
    lang: Lang
    as_of: dt.date | None
    formats: tuple[str, ...]

    @property
    def param_dict(self) -> dict[str, str]:
        return dict(self.params)


def site_pages(
    plan: Plan, as_ofs: list[dt.date | None], *, downloads: tuple[str, ...] = ("csv", "xlsx")
) -> Iterator[PageJob]:
    """Every page, KPIs last (they are the many); ``as_ofs`` holds None for the latest."""
    for as_of in as_ofs:
        for lang in LANGS:
            for route in ("home", "progress", "search"):
                yield PageJob(route, (), lang, as_of, ("html", "json"))
            for part in plan.parts:
                yield PageJob("part", (("part_id", part.id),), lang, as_of, ("html", "json"))
                for section in part.sections:
                    params = (("part_id", part.id), ("section_id", section.id))
                    yield PageJob("section", params, lang, as_of, ("html", "json"))
    for as_of in as_ofs:
        for lang in LANGS:
            for _part, _section, kpi in plan.iter_kpis():
                formats = ("html", "json", *downloads)
                yield PageJob("kpi", (("kpi_id", kpi.id),), lang, as_of, formats)
