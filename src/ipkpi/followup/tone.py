"""The tone of a status — good, fair, poor, bad, early, neutral — for colours, icons and counts.

Every method has its own words; pages group them into tones so that a reader can scan a list.
Each status declares its tone in its method's record (``ipkpi.assessment.method.Status``);
the status word is always shown next to the tone, never the colour alone.
"""

from __future__ import annotations

from typing import Final

from ..assessment.method import TONES
from ..assessment.registry import tone
from ..text import Text, t

__all__ = ["TONES", "TONE_LABELS", "tone"]

TONE_LABELS: Final[dict[str, Text]] = {
    "good": t("達成・順調", "Met or on track"),
    "fair": t("進展あり（加速が必要）", "Progressing, acceleration needed"),
    "poor": t("停滞", "Stalling"),
    "bad": t("後退・未達", "Moving away or missed"),
    "early": t("判断には早い", "Too early to tell"),
    "neutral": t("評価なし", "No verdict"),
}
