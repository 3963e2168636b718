"""Observations and vintages as stored: the values the store holds and the imports that
brought them (:class:`StoredObservation`, :class:`StoredVintage`). The follow-up's own
:class:`ipkpi.followup.Observation` and :class:`ipkpi.followup.Vintage` are what a reader sees
at a date (a value with its year and unit; a release named by its date) and are built from these."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from ..plan.source import FLAGS as PLAN_FLAGS
from ..problems import NotationError
from ..problems import notation as says

#: The tidy columns, in the order the importer reads them (every export writes them, then the
#: labels); here, not in the exporters, which import Polars: the static site's building
#: process never does (:mod:`ipkpi.web.dataset`).
TIDY_COLUMNS = (
    "series",
    "period",
    "value",
    "unit",
    "source_title",
    "source_url",
    "flags",
    "note",
    "note_en",
)
#: Caveats a value can carry, in the order they are written: the plan's ``Flags``.
FLAGS = PLAN_FLAGS
#: Other spellings met in Japanese tables and in the reference notes.
FLAG_ALIASES: dict[str, str] = {
    "⚠": "uncertain",
    "⚠️": "uncertain",
    "不確実": "uncertain",
    "†": "derived",
    "算出": "derived",
    "速報": "provisional",
    "速報値": "provisional",
    "p": "provisional",
    "推計": "estimate",
    "推計値": "estimate",
    "試算": "estimate",
    "試算値": "estimate",
    "e": "estimate",
    "断層": "break_in_series",
    "b": "break_in_series",
    "約": "approximate",
    "二次資料": "secondary",
    "二次": "secondary",
    "概数": "approximate",
    "以上": "lower_bound",
    "以下": "upper_bound",
}
_ORDER = {name: index for index, name in enumerate(FLAGS)}


class FlagError(NotationError):
    """An unknown flag, or two that contradict each other."""


def parse_flags(text: str | None) -> tuple[str, ...]:
    """Flags written ``;``-separated (``provisional;approximate``), in canonical order."""
    if text is None:
        return ()
    found: set[str] = set()
    for raw in unicodedata.normalize("NFKC", text).split(";"):
        word = raw.strip()
        if not word:
            continue
        name = word.lower().replace(" ", "_").replace("-", "_")
        name = name if name in _ORDER else FLAG_ALIASES.get(word, FLAG_ALIASES.get(name, ""))
        if not name:
            raise FlagError(says.FLAG_UNKNOWN(word=word, flags=", ".join(FLAGS)))
        found.add(name)
    if {"lower_bound", "upper_bound"} <= found:
        raise FlagError(says.FLAG_BOTH_BOUNDS())
    return tuple(sorted(found, key=_ORDER.__getitem__))


def format_flags(flags: tuple[str, ...] | list[str]) -> str:
    return ";".join(flags)


@dataclass(frozen=True, slots=True)
class StoredObservation:
    """One value of one series for one period, in the series' unit, with its provenance."""

    series: str
    period: str
    value: float
    flags: tuple[str, ...] = ()
    note: str | None = None
    source_title: str | None = None
    source_url: str | None = None
    #: In a history: this row withdrew the value (``value`` is the one withdrawn, ``note``
    #: says why). Never set on the latest or as-of values.
    withdrawn: bool = False
    #: The note in English, when the file gave one (``note`` is the note as written, usually
    #: Japanese).
    note_en: str | None = None
    #: When the vintage holding this value was recorded (UTC; latest and as-of reads set it).
    #: Not part of the value: two stores holding the same values compare equal.
    recorded_at: dt.datetime | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class StoredVintage:
    """One import: the file, when it was recorded (UTC) and what it changed."""

    id: int
    recorded_at: dt.datetime
    file_name: str
    file_format: str
    sha256: str
    source_title: str | None
    source_url: str | None
    row_count: int
    new_count: int
    revised_count: int


@dataclass(frozen=True, slots=True)
class Revision:
    """A value as one vintage recorded it: an entry of a series' history."""

    observation: StoredObservation
    vintage: StoredVintage
