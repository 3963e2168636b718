"""Numbers worded for reading, with their units: ``5.8兆円``, ``5.8 trillion JPY``, ``+13.2%``.

The pages, the CLI and the report all word numbers with these, so a value reads the same
everywhere.
"""

from __future__ import annotations

import math

from ..text import Lang, Text, t
from ..units import UnitError, unit


def unit_symbol(code: str, lang: Lang) -> str:
    try:
        return unit(code).symbol.get(lang)
    except UnitError:
        return code


def number(value: float | None, digits: int = 4) -> str:
    """A number for reading: grouped thousands, up to ``digits`` significant decimals."""
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "—"
    if abs(value) >= 1000 and float(value).is_integer():
        return f"{value:,.0f}"
    text = f"{value:,.{digits}g}" if abs(value) < 1e15 else f"{value:.3e}"
    return text


def quantity(value: float | None, code: str, lang: Lang) -> str:
    """``5.8兆円`` / ``5.8 trillion JPY``, ``13位`` / ``rank 13``, ``47.3%``."""
    symbol = unit_symbol(code, lang)
    shown = number(value)
    if not symbol:
        return shown
    if lang == "ja" or symbol == "%":
        return shown + symbol
    if code == "rank":
        return f"rank {shown}"
    return f"{shown} {symbol}"


def percent(rate: float | None) -> str:
    if rate is None or math.isnan(rate):
        return "—"
    return f"{rate * 100:+.1f}%"


_PER_YEAR = {"ja": "/年", "en": " a year"}


def rate(value: float | None, kind: str, code: str, lang: Lang) -> str:
    """A pace: ``+13.2%/年`` for growth, ``−0.82位/年`` or ``-0.82 rank a year`` for changes."""
    if value is None or math.isnan(value):
        return "—"
    if kind == "growth":
        return percent(value) + _PER_YEAR[lang]
    symbol = unit_symbol(code, lang)
    sep = "" if lang == "ja" or symbol in ("%", "") else " "
    return f"{value:+,.3g}{sep}{symbol}{_PER_YEAR[lang]}"


FLAG_LABELS: dict[str, Text] = {
    "uncertain": t("⚠ 出典間で不一致・要確認", "⚠ sources disagree or doubtful"),
    "derived": t("† 増減率などから算出", "† derived from a stated change"),
    "provisional": t("速報値", "provisional"),
    "estimate": t("試算値", "estimate"),
    "break_in_series": t("系列の断絶（定義・基準の変更）", "break in series (definition changed)"),
    "approximate": t("約（概数）", "approximate"),
    "secondary": t(
        "二次資料（発行元の公表資料を確認できず）",
        "secondary source (publisher's release not available)",
    ),
    "lower_bound": t("下限値（以上）", "lower bound (at least)"),
    "upper_bound": t("上限値（以下）", "upper bound (at most)"),
}


def flag_labels(flags: tuple[str, ...] | list[str], lang: Lang) -> list[str]:
    return [FLAG_LABELS[f].get(lang) if f in FLAG_LABELS else f for f in flags]
