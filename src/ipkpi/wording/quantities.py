"""A value with its unit, ja or en: ``1.4億アクセス/月``, ``140 million accesses/month``.

:class:`Wording` words the values of one series (one unit) on a page, all in one scale chosen
from the series' magnitude; :func:`quantity` words a lone value in a scale of its own.
English reads as English: "100 million yen", "about 200", never "×100m" or 約/件.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..text import Lang
from ..units import UnitError, unit
from .digits import DASH, exact, is_number, number
from .scales import NONE, Scale, reference_magnitude, scale_for


@dataclass(frozen=True, slots=True)
class Noun:
    """What a dimension counts, in each language, and whether 万/億/million apply to it."""

    ja: str
    en: str
    scalable: bool = True

    def get(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en


NOUNS: dict[str, Noun] = {
    "money_jpy": Noun("円", "yen"),
    "persons": Noun("人", "persons"),
    "count": Noun("件", ""),
    "enterprises": Noun("社", "firms"),
    "accesses_month": Noun("アクセス/月", "accesses/month"),
    "share": Noun("%", "%", scalable=False),
    "share_change": Noun("ポイント", "points", scalable=False),
    "rank": Noun("位", "rank", scalable=False),
    "per_million": Noun("人/100万人", "per million", scalable=False),
    "index": Noun("", "", scalable=False),
}
"""Every dimension of :mod:`ipkpi.units` (a test checks none is missing)."""

_ABOUT = {"ja": "約", "en": "about "}


@lru_cache(maxsize=1024)  # the units are fixed at import; a KPI page asks ~250 times
def _dimension(code: str) -> tuple[str, float] | None:
    try:
        found = unit(code)
    except UnitError:
        return None
    return found.dimension, found.factor


@dataclass(frozen=True, slots=True)
class Wording:
    """How the values of a series in ``unit`` read on one page: one scale per language."""

    unit: str
    magnitude: float = 0.0
    """The series' size in base units (yen, persons, …), from which the scale is chosen."""

    @classmethod
    def of(cls, unit_code: str, values: Iterable[float | None] = ()) -> Wording:
        """The wording of a series in ``unit_code`` whose values (in that unit) are ``values``."""
        dim = _dimension(unit_code)
        factor = dim[1] if dim else 1.0
        return cls(unit_code, reference_magnitude(values) * factor)

    @property
    def dimension(self) -> str:
        dim = _dimension(self.unit)
        return dim[0] if dim else ""

    @property
    def noun(self) -> Noun | None:
        return NOUNS.get(self.dimension)

    def scale(self, lang: Lang) -> Scale:
        noun = self.noun
        if noun is None or not noun.scalable:
            return NONE
        return scale_for(self.magnitude, lang)

    def factor(self, lang: Lang) -> float:
        """Multiply a value in ``unit`` by this to get it in the page's scale."""
        return _reading(self, lang)[1]

    def _factor(self, lang: Lang) -> float:
        dim = _dimension(self.unit)
        return (dim[1] if dim else 1.0) / self.scale(lang).factor

    def scaled(self, value: float, lang: Lang) -> float:
        """``value`` (in ``unit``) in the page's scale: 140 百万 → 1.4 (億)."""
        return value * _reading(self, lang)[1]

    def symbol(self, lang: Lang) -> str:
        """The unit the page's values read in: ``億アクセス/月``, ``million accesses/month``."""
        return _reading(self, lang)[2]

    def _symbol(self, lang: Lang) -> str:
        noun = self.noun
        if noun is None:
            return self.unit
        if self.dimension == "rank":
            return "位" if lang == "ja" else "rank"
        word = self.scale(lang).word
        if lang == "ja":
            return f"{word}{noun.ja}"
        return " ".join(w for w in (word, noun.en) if w)

    def heading(self, lang: Lang) -> str:
        """What a table's unit column says for these values: the page's unit, else the unit's
        name (a bare count reads ``count`` in English, not an empty cell)."""
        symbol = self.symbol(lang)
        if symbol:
            return symbol
        try:
            return unit(self.unit).label.get(lang)
        except UnitError:
            return self.unit

    def exact(self, value: float | None, lang: Lang) -> str:
        """Every digit of ``value`` in the page's scale (a data table's cell): 63.98 百万 →
        ``0.6398`` (億)."""
        if value is None or not is_number(value):
            return DASH
        return exact(self.scaled(value, lang))

    def quantity(
        self, value: float | None, lang: Lang, *, approximate: bool = False, sign: bool = False
    ) -> str:
        """``1.4億アクセス/月`` / ``140 million accesses/month``; ``13位`` / ``rank 13``."""
        if value is None or not is_number(value):
            return DASH
        about = _ABOUT[lang] if approximate else ""
        noun, factor, symbol = _reading(self, lang)
        if noun is None:
            text = number(value, sign=sign)
            return f"{about}{text} {self.unit}".strip()
        text = number(value * factor, sign=sign)
        if noun is NOUNS["rank"]:  # the rank dimension's own noun
            return f"{about}{text}位" if lang == "ja" else f"{about}rank {text}"
        if lang == "ja" or symbol in ("", "%"):
            return f"{about}{text}{symbol}"
        return f"{about}{text} {symbol}"


@lru_cache(maxsize=4096)  # a KPI page words ~100 values in a few wordings
def _reading(wording: Wording, lang: Lang) -> tuple[Noun | None, float, str]:
    """What every value of ``wording`` reads with in ``lang``: its noun, the factor to the
    page's scale and its symbol."""
    return wording.noun, wording._factor(lang), wording._symbol(lang)


def quantity(value: float | None, unit_code: str, lang: Lang, *, approximate: bool = False) -> str:
    """A lone value with its unit, in the scale its own size calls for."""
    return Wording.of(unit_code, [value]).quantity(value, lang, approximate=approximate)


def unit_symbol(unit_code: str, lang: Lang) -> str:
    """A unit's symbol as stored (a data table's unit column): ``百万アクセス/月``.

    A unit without a symbol in ``lang`` (a bare count in English) gives its name in ``lang``,
    never the other language's symbol.
    """
    try:
        found = unit(unit_code)
    except UnitError:
        return unit_code
    symbol = found.symbol.en if lang == "en" else found.symbol.ja
    return symbol or found.label.get(lang)
