"""Numbers as Japanese tables write them: ``1,234``, ``１２３``, ``▲5`` (minus), ``△5``."""

from __future__ import annotations

import math
import re
import unicodedata

_GROUPED = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
_MINUS_SIGNS = ("▲", "△", "−", "‐", "ー")


def parse_number(text: str) -> float | None:
    """The number ``text`` writes, or None. Thousands separators must group by three."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    negative = cleaned.startswith(_MINUS_SIGNS)
    if negative:
        cleaned = cleaned[1:].strip()
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if negative and cleaned.startswith(("-", "+")):
        return None
    return -value if negative else value


def is_finite(value: float) -> bool:
    return math.isfinite(value)
