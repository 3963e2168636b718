"""A KPI's goal in a few words (``≥ 20兆円 (2033)``), the same in every view."""

from __future__ import annotations

from ..plan import (
    ChangeFromBaseline,
    CountToReach,
    DirectionOnly,
    KpiBase,
    Level,
    LevelByDeadline,
    Milestone,
    Monitor,
    Pending,
    Rank,
    RelativeToPeers,
    Target,
)
from ..text import Lang, Text, t
from ..units import UnitError, unit

_WORDS: dict[str, Text] = {
    "increase": t("増加", "increase"),
    "decrease": t("減少", "decrease"),
    "monitor": t("状況把握（数値目標なし）", "monitored (no numeric target)"),
    "best_peer": t("比較対象の最高水準", "the best peer's level"),
    "named_peer": t("比較対象と同水準", "on par with the named peer"),
    "by": t("{what}（{year}年まで）", "{what} by {year}"),
    "due": t("{due}までに作成", "due {due}"),
    "about": t("約", "about "),
}


def _symbol(code: str, lang: Lang) -> str:
    try:
        return unit(code).symbol.get(lang)
    except UnitError:
        return code


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def target_text(target: Target, lang: Lang) -> str:
    sign = "≥" if target.comparison == "at_least" else "≤"
    about = _WORDS["about"].get(lang) if target.approximate else ""
    symbol = _symbol(target.unit, lang)
    sep = "" if lang == "ja" or symbol == "%" else " "
    return f"{sign} {about}{_num(target.value)}{sep}{symbol}"


def _by(what: str, year: int | None, lang: Lang) -> str:
    return _WORDS["by"].get(lang).format(what=what, year=year) if year else what


def goal_text(kpi: KpiBase, lang: Lang) -> str:
    """What the KPI asks for, with its deadline."""
    if isinstance(kpi, LevelByDeadline):
        return _by(target_text(kpi.target, lang), kpi.deadline, lang)
    if isinstance(kpi, Rank):
        rank = f"≤ {kpi.target_rank}位" if lang == "ja" else f"rank ≤ {kpi.target_rank}"
        return _by(rank, kpi.deadline, lang)
    if isinstance(kpi, ChangeFromBaseline):
        change = f"{kpi.change:+g}{'' if lang == 'ja' else ' '}{_symbol(kpi.unit, lang)}"
        return _by(change, kpi.deadline, lang)
    if isinstance(kpi, RelativeToPeers):
        what = _WORDS[kpi.criterion].get(lang)
        if kpi.interpretation is not None:
            what += f" ({target_text(kpi.interpretation, lang)})"
        return _by(what, kpi.deadline, lang)
    if isinstance(kpi, Level):
        return target_text(kpi.target, lang)
    if isinstance(kpi, CountToReach):
        return _by(target_text(kpi.target, lang), kpi.deadline, lang)
    if isinstance(kpi, DirectionOnly):
        return _WORDS[kpi.direction].get(lang)
    if isinstance(kpi, Monitor):
        return _WORDS["monitor"].get(lang)
    if isinstance(kpi, Pending):
        return kpi.pending_until.get(lang)
    if isinstance(kpi, Milestone):
        return _WORDS["due"].get(lang).format(due=kpi.due)
    return ""


def deadline_of(kpi: KpiBase) -> int | None:
    value = getattr(kpi, "deadline", None)
    return int(value) if value is not None else None
