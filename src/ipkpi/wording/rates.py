"""Rates a year, probabilities and shares, worded: ``年率+13.2%``, ``up 0.8 places a year``.

A pace has a kind, and each kind reads in its own unit: ``growth`` a compound rate (%/年; of a
share, marked 伸び率 / growth rate so that it is not read as points);
``points`` percentage points a year (a share); ``places`` ranks a year (lower is better, so a
fall in the number is a rise in the ranking); ``units`` the series' own unit a year, in the
page's scale.
"""

from __future__ import annotations

from typing import Final, Literal

from ..text import Lang
from .digits import DASH, is_number, number
from .quantities import Wording

PaceKind = Literal["growth", "points", "places", "units"]
PACE_KINDS: Final[tuple[PaceKind, ...]] = ("growth", "points", "places", "units")


def percent(fraction: float | None, *, sign: bool = True) -> str:
    """A fraction as a percentage with one decimal: 0.132 → ``+13.2%``."""
    if fraction is None or not is_number(fraction):
        return DASH
    value = round(fraction * 100, 1)
    if value == 0:
        return "0.0%"
    return f"{value:+.1f}%" if sign else f"{value:.1f}%"


def share(fraction: float | None) -> str:
    """A part of a whole: 0.419 → ``41.9%``."""
    return percent(fraction, sign=False)


def probability(p: float | None, lang: Lang) -> str:
    """A probability as a whole percentage, never a false 0 % or 100 %."""
    if p is None or not is_number(p):
        return DASH
    if p > 0.995:
        return "99%超" if lang == "ja" else "over 99%"
    if p < 0.005:
        return "1%未満" if lang == "ja" else "under 1%"
    return f"{p * 100:.0f}%"


def pace_kind(rate_kind: str, unit_code: str) -> PaceKind:
    """The kind of a method's rate for a series in ``unit_code``."""
    if rate_kind == "growth":
        return "growth"
    dimension = Wording.of(unit_code).dimension
    if dimension == "rank":
        return "places"
    if dimension in ("share", "share_change"):
        return "points"
    return "units"


def rate(value: float | None, kind: PaceKind, wording: Wording, lang: Lang) -> str:
    """A rate a year of ``kind`` for a series worded by ``wording``."""
    if value is None or not is_number(value):
        return DASH
    if kind == "growth":
        if wording.dimension in ("share", "share_change"):
            # A share growing by 3 % a year is not 3 points a year: said so beside the figure.
            return (
                f"年率{percent(value)}（伸び率）"
                if lang == "ja"
                else f"{percent(value)} a year (growth rate)"
            )
        return f"年率{percent(value)}" if lang == "ja" else f"{percent(value)} a year"
    if kind == "places":
        size = number(abs(value))
        if size == "0":
            return "順位の変化なし" if lang == "ja" else "no change in rank"
        better = value < 0
        if lang == "ja":
            return f"年{size}位{'改善' if better else '後退'}"
        places = "place" if size == "1" else "places"
        return f"{'up' if better else 'down'} {size} {places} a year"
    if kind == "points":
        text = number(value, sign=True)
        return f"年{text}ポイント" if lang == "ja" else f"{text} points a year"
    amount = wording.quantity(value, lang, sign=True)
    return f"年{amount}" if lang == "ja" else f"{amount} a year"
