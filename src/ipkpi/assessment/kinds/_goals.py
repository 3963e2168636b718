"""The words of a KPI's goal shared by the kinds: a target, a deadline."""

from __future__ import annotations

from ...plan.kpi import Target
from ...text import Lang, Text, t
from ...units import UnitError, convert
from ...wording import Wording, quantity

WORDS: dict[str, Text] = {
    "increase": t("増加", "increase"),
    "decrease": t("減少", "decrease"),
    "monitor": t("状況把握（数値目標なし）", "monitored (no numeric target)"),
    "best_peer": t("比較対象の最高水準", "the best peer's level"),
    "named_peer": t("比較対象と同水準", "on par with the named peer"),
    "due": t("{due}までに作成", "due {due}"),
}


def target_text(target: Target, lang: Lang, wording: Wording | None = None) -> str:
    """``≥ 20兆円``, ``≤ 約1億アクセス/月``: in the page's scale of the series when it converts."""
    sign = "≥" if target.comparison == "at_least" else "≤"
    if wording is not None:
        try:
            value = convert(target.value, target.unit, wording.unit)
        except UnitError:
            pass
        else:
            return f"{sign} {wording.quantity(value, lang, approximate=target.approximate)}"
    return f"{sign} {quantity(target.value, target.unit, lang, approximate=target.approximate)}"
