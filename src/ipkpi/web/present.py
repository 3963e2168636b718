"""Plan and follow-up values as page data: texts in one language, numbers with their units.

Page data are plain dicts of strings, numbers and lists, so that one dict is both the JSON
and the template's input. A text shown in the other language than the page's (a missing
translation) is a :class:`LocalText`: still a ``str`` for JSON, but it carries its language
so the page can mark it with ``lang``.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from ..followup.describe import figure_text
from ..followup.flags import FLAG_LABELS, flag_labels
from ..plan import Figure, Flags, Source
from ..text import Lang, Text
from ..wording import Wording, exact, number, quantity, unit_symbol
from .models import closed

__all__ = [
    "FLAG_LABELS",
    "FigureData",
    "LocalText",
    "SourceRef",
    "exact",
    "figure_text",
    "flag_labels",
    "number",
    "quantity",
    "tx",
    "unit_symbol",
]


class LocalText(str):
    """A string in a language other than the page's."""

    lang: str

    def __new__(cls, value: str, lang: str) -> LocalText:
        made = super().__new__(cls, value)
        made.lang = lang
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (LocalText, (str(self), self.lang))


def tx(text: Text | None, lang: Lang) -> str:
    if text is None:
        return ""
    value, found = text.resolve(lang)
    return value if found == lang or not value else LocalText(value, found)


def plan_flags(flags: Flags) -> list[str]:
    return flags.names()


@closed
class FigureData(TypedDict):
    """A number the plan quotes, with its unit, period, flags and source."""

    label: str
    value: float
    unit: str
    text: str
    period: str
    flags: list[str]
    source: str
    source_url: str


@closed
class SourceRef(TypedDict):
    id: str
    title: str
    publisher: str
    url: str
    read_on: str


def figure(
    fig: Figure, lang: Lang, sources: dict[str, Source], wording: Wording | None = None
) -> FigureData:
    source = sources.get(fig.source)
    return {
        "label": tx(fig.label, lang),
        "value": fig.value,
        "unit": fig.unit,
        "text": figure_text(fig, lang, wording),
        "period": fig.period or "",
        # 約 is in the text already.
        "flags": flag_labels([f for f in fig.flags.names() if f != "approximate"], lang),
        "source": tx(source.title, lang) if source else fig.source,
        "source_url": (source.url or "") if source else "",
    }


def source_ref(source: Source, lang: Lang) -> SourceRef:
    return {
        "id": source.id,
        "title": tx(source.title, lang),
        "publisher": tx(source.publisher, lang),
        "url": source.url or "",
        "read_on": source.read_on.isoformat() if source.read_on else "",
    }
