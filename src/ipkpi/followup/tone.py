"""The tone of a status — good, fair, poor, bad, neutral — for colours, icons and counts.

Every method has its own words; pages group them into five tones so that a reader can scan a
list. The status word is always shown next to the tone, never the colour alone.
"""

from __future__ import annotations

from typing import Final

from ..text import Text, t

TONES: Final = ("good", "fair", "poor", "bad", "neutral")

_TONE: Final[dict[str, str]] = {
    # good: met, or on course to meet
    "target_achieved": "good",
    "substantial_progress": "good",
    "on_track": "good",
    "target_met": "good",
    "sun": "good",
    "done": "good",
    "on_schedule": "good",
    # fair: moving the right way, too slowly
    "moderate_progress": "fair",
    "acceleration_needed": "fair",
    "sun_cloud": "fair",
    "off_track": "fair",
    "improving": "fair",
    # poor: little movement
    "limited_progress": "poor",
    "negligible_progress": "poor",
    "stagnation_or_regression": "poor",
    "cloud": "poor",
    "moderate_deterioration": "poor",
    # bad: moving away, or a deadline missed
    "deterioration": "bad",
    "significant_deterioration": "bad",
    "thunderstorm": "bad",
    "moving_away": "bad",
    "missed": "bad",
    "overdue": "bad",
    "worsening": "bad",
}

TONE_LABELS: Final[dict[str, Text]] = {
    "good": t("達成・順調", "Met or on track"),
    "fair": t("進展あり（加速が必要）", "Progressing, acceleration needed"),
    "poor": t("停滞", "Stalling"),
    "bad": t("後退・未達", "Moving away or missed"),
    "neutral": t("評価なし", "No verdict"),
}

_DIRECTIONAL: Final = {"rising", "falling"}


def tone(status: str, direction: str | None = None) -> str:
    """The tone of ``status``; a rise or fall is good or bad only when a direction is desired."""
    if status in _DIRECTIONAL:
        if direction is None:
            return "neutral"
        wanted = "rising" if direction == "increase" else "falling"
        return "fair" if status == wanted else "bad"
    return _TONE.get(status, "neutral")
