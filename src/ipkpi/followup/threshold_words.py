"""A method's thresholds as a sentence: what is measured, and which verdict each bound opens.

「晴れ 0.05、晴れ時々曇り 0.2」 says nothing to a reader; 「目標年に予測される不足（残りの差
に対する割合）が 5% 未満なら ☀ 晴れ、20% 以下なら 🌤 晴れ時々曇り」 does. The bounds and their
direction (≥ lower-inclusive, < …) are those of the methods' own code
(:mod:`ipkpi.assessment.methods`); the verdicts' names are the methods' labels.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..assessment.registry import status_label
from ..text import Lang, Text, t

#: How a bound is compared, in ja (after the number) and en (around it).
_OPS: dict[str, tuple[str, str]] = {
    "ge": ("{n} 以上で", "at {n} or more"),
    "gt": ("{n} 超で", "above {n}"),
    "lt": ("{n} 未満で", "under {n}"),
    "le": ("{n} 以下で", "at {n} or less"),
}

_PACE_RATIO = t("実績ペース÷必要ペース", "achieved pace ÷ pace needed")
_GROWTH = t("望ましい方向への年平均変化率", "change a year in the wanted direction")
_UNSD_RATIO = t(
    "目標年の予測値が基準から目標までの差に占める割合",
    "the projected value's share of the way from the base to the target",
)
_SHORTFALL = t(
    "目標年に予測される不足（残りの差に対する割合）",
    "the shortfall projected at the target year, as a share of the gap left",
)

_OPEN_SDG = (
    ("high", "substantial_progress", "ge"),
    ("med", "moderate_progress", "ge"),
    ("low", "limited_progress", "ge"),
)
_UNSD = (("on_track", "on_track", "ge"), ("acceleration_needed", "acceleration_needed", "ge"))

#: (method, rule) → what is measured, whether it reads as a percentage, and each bound.
RULES: dict[tuple[str, str], tuple[Text, bool, tuple[tuple[str, str, str], ...]]] = {
    ("linear", "target"): (_PACE_RATIO, False, _OPEN_SDG),
    ("opensdg", "target"): (_PACE_RATIO, False, _OPEN_SDG),
    ("opensdg", "no_target"): (_GROWTH, True, _OPEN_SDG),
    (
        "eurostat",
        "target",
    ): (
        _PACE_RATIO,
        False,
        (
            ("high", "substantial_progress", "ge"),
            ("med", "moderate_progress", "ge"),
            ("low", "negligible_progress", "ge"),
        ),
    ),
    (
        "eurostat",
        "no_target",
    ): (
        _GROWTH,
        True,
        (
            ("high", "substantial_progress", "gt"),
            ("0", "moderate_progress", "gt"),  # the band's own bound, not a setting
            ("low", "moderate_deterioration", "gt"),
        ),
    ),
    ("unsd", "target"): (_UNSD_RATIO, False, _UNSD),
    ("unsd", "no_target"): (_GROWTH, True, _UNSD),
    ("dns", "projection"): (
        _SHORTFALL,
        True,
        (("sun", "sun", "lt"), ("sun_cloud", "sun_cloud", "le")),
    ),
}


def threshold_text(
    method: str, rule: str | None, thresholds: Mapping[str, float], lang: Lang
) -> str | None:
    """The thresholds in words, or None for a rule this table does not know."""
    if set(thresholds) == {"interval_level"}:
        level = f"{thresholds['interval_level'] * 100:g}%"
        return f"{level} 予測区間" if lang == "ja" else f"{level} prediction interval"
    found = RULES.get((method, rule or ""))
    if found is None:
        return None
    measure, percent, bounds = found
    held = {**thresholds, "0": 0.0}
    if any(key not in held for key, _code, _op in bounds):
        return None
    parts = []
    for key, code, op in bounds:
        value = held[key]
        number = f"{value * 100:g}%" if percent else f"{value:g}"
        number = number.replace("-", "−")
        label = status_label(method, code).get(lang)
        ja, en = _OPS[op]
        if lang == "ja":
            parts.append(f"{ja.format(n=number)}「{label}」")
        else:
            parts.append(f"{label} {en.format(n=number)}")
    if lang == "ja":
        return f"{measure.get(lang)}が " + "、".join(parts)
    said = measure.get(lang)
    return f"{said[0].upper()}{said[1:]}: " + "; ".join(parts)
