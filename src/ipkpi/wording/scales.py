"""Scales of large numbers: 万・億・兆 in Japanese, million・billion・trillion in English.

A page words every value of a series in one scale (``3億`` and ``1.4億``, never ``300百万``
next to ``1.4億``): :func:`scale_for` picks it once from the series' magnitude, and every
value of that series is then divided by the same factor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..text import Lang
from .digits import is_number


@dataclass(frozen=True, slots=True)
class Scale:
    """A multiplier and its word: 1e8 → 億; 1e6 → million."""

    factor: float
    word: str


NONE = Scale(1.0, "")

_JA = (Scale(1e12, "兆"), Scale(1e8, "億"), Scale(1e4, "万"))
_EN = (Scale(1e12, "trillion"), Scale(1e9, "billion"), Scale(1e6, "million"))
_JA_FROM = {1e12: 1e12, 1e8: 1e8, 1e4: 1e5}
"""Japanese switches to 万 from six digits (``33,019件``, but ``129.7万点``)."""


def scale_for(magnitude: float, lang: Lang) -> Scale:
    """The scale a value of this size (in base units: yen, persons, …) is read in."""
    size = abs(magnitude)
    if lang == "ja":
        for scale in _JA:
            if size >= _JA_FROM[scale.factor]:
                return scale
        return NONE
    for scale in _EN:
        if size >= scale.factor:
            return scale
    return NONE


def reference_magnitude(values: Iterable[float | None]) -> float:
    """The size a series is worded at: its largest value (0 when it has none)."""
    sizes = [abs(v) for v in values if v is not None and is_number(v)]
    return max(sizes, default=0.0)
