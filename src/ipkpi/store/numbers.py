"""Numbers as people type them: ``1234.5``, ``1,234``, ``１２３``, ``▲5`` (minus), ``1e6``.

Only these notations are numbers: ASCII or full-width digits (full-width read through NFKC),
a decimal point, thousands separators grouped by three, a sign (``-``, ``+``, ``▲``, ``△``,
``−``) and an exponent. Python's own float syntax accepts more (``1_000``, Arabic-Indic or
Devanagari digits, ``nan``, ``infinity``): none of those is read as a number here, since no
Japanese table writes them and a reader would not know what was stored.
"""

from __future__ import annotations

import math
import re
import unicodedata

#: A plain number in ASCII: what both the fast (polars) path and this parser accept.
PLAIN = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_PLAIN = re.compile(PLAIN)
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_MINUS_SIGNS = ("▲", "△", "−", "‐", "ー")
#: A mantissa with a digit other than 0 before an exponent: a value that cannot be zero.
NONZERO_MANTISSA = r"^[^eE]*[1-9][^eE]*[eE]"


def parse_number(text: str) -> float | None:
    """The number ``text`` writes, or None. Thousands separators must group by three."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    negative = cleaned.startswith(_MINUS_SIGNS)
    if negative:
        cleaned = cleaned[1:].strip()
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.fullmatch(cleaned):
        return None
    value = float(cleaned)
    if negative and cleaned.startswith(("-", "+")):
        return None
    return -value if negative else value


def foreign_notation(text: str) -> bool:
    """Python's float would read it, but people do not type it: ``1_000``, ``١٢٣``."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    try:
        float(cleaned)
    except ValueError:
        return False
    return cleaned.lower().lstrip("+-") not in ("nan", "inf", "infinity")


def is_finite(value: float) -> bool:
    return math.isfinite(value)
