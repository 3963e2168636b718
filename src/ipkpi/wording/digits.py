"""Plain numbers for reading: grouped thousands, a few significant digits, no exponent.

``12,346`` and ``0.64``, never ``1.235e+04``; trailing zeros trimmed (``1.4``, not ``1.40``);
the integer part of a number is never rounded away (``33,019`` keeps its five digits).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

DASH = "—"
"""What a missing number reads as, in every view."""

SIGNIFICANT = 3
"""Significant digits of a worded quantity (values in tables keep theirs)."""


def is_number(value: float | None) -> bool:
    return value is not None and not (math.isnan(value) or math.isinf(value))


def decimals_for(value: float, significant: int = SIGNIFICANT) -> int:
    """Decimal places that show ``significant`` digits of ``value`` (at least its integer part)."""
    size = abs(value)
    if size == 0:
        return 0
    if size >= 1:
        return max(0, significant - (int(math.log10(size)) + 1))
    return min(12, significant - 1 - math.floor(math.log10(size)))


def trim(text: str) -> str:
    """``1.40`` → ``1.4``, ``3.00`` → ``3``; integers are left alone."""
    if "." not in text:
        return text
    return text.rstrip("0").rstrip(".")


def number(value: float | None, significant: int = SIGNIFICANT, *, sign: bool = False) -> str:
    """``value`` for reading: ``12,346``, ``1.4``, ``0.000123``; ``—`` when there is none.

    ``sign`` writes a leading ``+`` on positive numbers (a change, a rate).
    """
    if value is None or not is_number(value):
        return DASH
    return _number(value, significant, sign)


@lru_cache(maxsize=8192)  # a KPI page words each value several times (~100 words, ~30 values)
def _number(value: float, significant: int, sign: bool) -> str:
    places = decimals_for(value, significant)
    # Rounded as the decimal it stands for, half up, as published figures are: 1.455 → 1.46,
    # also when a conversion left it at 1.4549999999999998 (12 digits drop that noise).
    rounded = Decimal(f"{float(value):.12g}").quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if rounded == 0:
        rounded = Decimal(0)  # no "-0"
    text = trim(f"{rounded:,.{places}f}")
    if sign and rounded > 0:
        return "+" + text
    return text


def exact(value: float | None) -> str:
    """A stored value as it is (a data table's cell): every digit it has, grouped."""
    if value is None or not is_number(value):
        return DASH
    if float(value).is_integer():
        return f"{value:,.0f}"
    return trim(f"{value:,.10f}") if abs(value) >= 1e-6 else f"{value:g}"
