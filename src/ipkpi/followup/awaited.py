"""What a "too early to tell" headline awaits, and when: the evidence it lacks and the releases
due (the release calendar, read through :mod:`.due`)."""

from __future__ import annotations

from ..text import Lang
from .build import FollowUp
from .due import Awaited, kpi_waits, reference_month, release_name, when_text
from .model import KpiStatus


def awaited_text(followup: FollowUp, status: KpiStatus, lang: Lang) -> str:
    """判断に必要な根拠：基準以降あと1件の観測値。次回公表予定：WIPO「…」 2026年9月ごろ。"""
    evidence = status.evidence
    if not status.too_early or evidence is None:
        return ""
    more = max(evidence.minimum.count - evidence.count, 1)
    if lang == "ja":
        text = f"判断に必要な根拠：基準以降あと{more}件以上の観測値。"
    else:
        text = f"Awaiting: at least {more} more value{'s' if more != 1 else ''} after the base."
    if followup.before_first:
        # The calendar read today would be told as that date's; the KPI's wait line (due.py)
        # says there are no data yet and when the first vintage is.
        return text
    waits = kpi_waits(followup, status, reference_month(followup))
    if lang == "ja":
        if waits:
            return text + "次回公表予定：" + "、".join(_when(w, lang) for w in waits) + "。"
        return text + "次回の公表時期は未定。"
    if waits:
        return text + " Next release: " + "; ".join(_when(w, lang) for w in waits) + "."
    return text + " The next release date is not known."


def _when(item: Awaited, lang: Lang) -> str:
    name, when = release_name(item, lang), when_text(item, lang)
    if item.month is None:
        return f"{name}（公表時期未定）" if lang == "ja" else f"{name} (release date not known)"
    if item.state == "overdue":
        if lang == "ja":
            return f"{name}（{when}の予定、未収録）"
        return f"{name} (due {when}, not yet in the data)"
    return f"{name}（{when}）" if lang == "ja" else f"{name}, {when}"
