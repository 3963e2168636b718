"""A KPI's goal in a few words (``≥ 20兆円 (2033)``), the same in every view."""

from __future__ import annotations

from ..plan import (
    ChangeFromBaseline,
    CountToReach,
    DirectionOnly,
    Figure,
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
from ..units import UnitError, convert
from ..wording import Wording, quantity

_WORDS: dict[str, Text] = {
    "increase": t("増加", "increase"),
    "decrease": t("減少", "decrease"),
    "monitor": t("状況把握（数値目標なし）", "monitored (no numeric target)"),
    "best_peer": t("比較対象の最高水準", "the best peer's level"),
    "named_peer": t("比較対象と同水準", "on par with the named peer"),
    "by": t("{what}（{year}年まで）", "{what} by {year}"),
    "due": t("{due}までに作成", "due {due}"),
}


def figure_text(fig: Figure, lang: Lang, wording: Wording | None = None) -> str:
    """A stated figure worded in the page's scale of its series when its unit converts."""
    approximate = fig.flags.approximate
    if wording is not None:
        try:
            value = convert(fig.value, fig.unit, wording.unit)
        except UnitError:
            pass
        else:
            return wording.quantity(value, lang, approximate=approximate)
    return quantity(fig.value, fig.unit, lang, approximate=approximate)


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


def _by(what: str, year: int | None, lang: Lang) -> str:
    return _WORDS["by"].get(lang).format(what=what, year=year) if year else what


def goal_text(kpi: KpiBase, lang: Lang, wording: Wording | None = None) -> str:
    """What the KPI asks for, with its deadline, its numbers worded by ``wording``."""
    if isinstance(kpi, LevelByDeadline):
        return _by(target_text(kpi.target, lang, wording), kpi.deadline, lang)
    if isinstance(kpi, Rank):
        rank = f"≤ {kpi.target_rank}位" if lang == "ja" else f"rank ≤ {kpi.target_rank}"
        return _by(rank, kpi.deadline, lang)
    if isinstance(kpi, ChangeFromBaseline):
        change = Wording.of(kpi.unit, [kpi.change]).quantity(kpi.change, lang, sign=True)
        return _by(change, kpi.deadline, lang)
    if isinstance(kpi, RelativeToPeers):
        what = _WORDS[kpi.criterion].get(lang)
        if kpi.interpretation is not None:
            what += f" ({target_text(kpi.interpretation, lang, wording)})"
        return _by(what, kpi.deadline, lang)
    if isinstance(kpi, Level):
        return target_text(kpi.target, lang, wording)
    if isinstance(kpi, CountToReach):
        return _by(target_text(kpi.target, lang, wording), kpi.deadline, lang)
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
