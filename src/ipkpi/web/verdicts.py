"""A verdict as page data: method, status, tone, the sentence, and the numbers behind it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from typing_extensions import TypedDict

from ..assessment.pace import pace_of_verdict
from ..assessment.registry import method_of
from ..assessment.verdict import Verdict
from ..assessment.vocabulary import NOTES
from ..followup import KpiStatus, tone
from ..followup.evidence import computed_headline
from ..followup.explain import explanation
from ..followup.pace import pace_of
from ..followup.threshold_words import threshold_text
from ..plan import kpi_direction
from ..text import Lang, Text, t
from ..wording import Wording, exact, number, probability, share
from .headline import headline_evidence
from .models import closed
from .present import tx
from .ui_strings import UI


@closed
class VerdictNumber(TypedDict):
    """One number behind a verdict: what it is, as shown, and its raw value."""

    key: str
    label: str
    text: str
    value: Any


@closed
class VerdictData(TypedDict):
    method: str
    method_label: str
    status: str
    status_label: str
    tone: str
    rule: str
    explanation: str
    numbers: list[VerdictNumber]
    notes: list[str]


@closed
class PaceData(TypedDict):
    method: str
    needed: float | None
    achieved: float | None
    needed_text: str
    achieved_text: str
    rate_kind: str
    """The pace's kind: growth, points, places or units (:mod:`ipkpi.assessment.pace`)."""
    unit: str
    since: str
    since_text: str
    latest: str


NUMBER_LABELS: dict[str, Text] = {
    "base": t("基準", "Base"),
    "current": t("最新", "Current"),
    "target": t("目標値", "Target value"),
    "target_year": t("目標年", "Target year"),
    "observed_rate": t("実績のペース", "Achieved pace"),
    "required_rate": t("基準から必要なペース", "Pace needed from the base"),
    "score": t("スコア（−5〜5）", "Score (−5 to 5)"),
    "projected_value": t("目標年の予測値", "Projected value in the target year"),
    "interval": UI["interval"],
    "probability": t("達成確率", "Probability of meeting the target"),
    "pace_needed": t("最新値から必要なペース", "Pace needed from the latest value"),
    "thresholds": t("閾値", "Thresholds"),
    "reason": t("評価できない理由", "Why no verdict"),
    "evidence_basis": t("根拠の基準", "Basis"),
    "evidence_still_needed": t("今後必要な根拠", "Evidence still needed"),
}


#: The methods' threshold names, as readers see them (the JSON keeps the names).
THRESHOLD_LABELS: dict[str, Text] = {
    "on_track": t("順調", "on track"),
    "acceleration_needed": t("加速が必要", "acceleration needed"),
    "stagnation_or_regression": t("停滞・後退", "stagnation or regression"),
    "target_achieved": t("目標達成", "target achieved"),
    "sun": t("晴れ", "sun"),
    "sun_cloud": t("晴れ時々曇り", "sun and cloud"),
    "high": t("上位", "high"),
    "med": t("中位", "medium"),
    "low": t("下位", "low"),
    "interval_level": t("予測区間の水準", "interval level"),
    "coefficient": t("係数", "coefficient"),
}


def verdict_data(verdict: Verdict, status: KpiStatus, lang: Lang) -> VerdictData:
    # A verdict in the KPI's unit is worded in the page's scale; a ratio (peers) as a number.
    wording = status.wording if verdict.unit else Wording.of("")
    pace = pace_of_verdict(verdict)
    numbers: list[VerdictNumber] = []

    def add(key: str, text: str, raw: Any, label: Text | None = None) -> None:
        said = (label or NUMBER_LABELS[key]).get(lang)
        numbers.append({"key": key, "label": said, "text": text, "value": raw})

    def q(value: float | None) -> str:
        if verdict.unit:
            return wording.quantity(value, lang)
        # a ratio to the peers' level reads as its sentence does: 32.0% of the peers' level
        return share(value) if verdict.peer_gaps else number(value)

    if verdict.base_value is not None:
        add("base", f"{q(verdict.base_value)} ({verdict.base_period or ''})", verdict.base_value)
    if verdict.current_value is not None:
        add(
            "current",
            f"{q(verdict.current_value)} ({verdict.current_period or ''})",
            verdict.current_value,
        )
    if verdict.target is not None:
        add("target", q(verdict.target), verdict.target)
    if verdict.target_year is not None:
        add("target_year", f"{verdict.target_year:.0f}", verdict.target_year)
    for key, which in (("observed_rate", "achieved"), ("required_rate", "needed_from_base")):
        value = pace.value(which)  # type: ignore[arg-type]
        if value is not None:
            add(key, pace.text(which, wording, lang), value)  # type: ignore[arg-type]
    unit = method_of(verdict.method) if verdict.progress is not None else None
    if unit is not None and unit.progress is not None and verdict.progress is not None:
        said = share(verdict.progress) if unit.progress_as_share else number(verdict.progress, 3)
        add("progress", said, verdict.progress, unit.progress)
    if verdict.score is not None:
        add("score", number(verdict.score, 3), verdict.score)
    if pace.needed is not None:
        add("pace_needed", pace.text("needed", wording, lang), pace.needed)
    if verdict.projected_value is not None:
        add("projected_value", q(verdict.projected_value), verdict.projected_value)
    if verdict.interval_low is not None and verdict.interval_high is not None:
        level = f" ({verdict.interval_level:.0%})" if verdict.interval_level else ""
        add(
            "interval",
            f"{q(verdict.interval_low)} – {q(verdict.interval_high)}{level}",
            [verdict.interval_low, verdict.interval_high],
        )
    if verdict.probability is not None:
        add("probability", probability(verdict.probability, lang), verdict.probability)
    words_of = headline_evidence(status, lang) if _rests_on_evidence(verdict, status) else None
    if words_of is not None:
        add("evidence_basis", words_of.basis, status.evidence.count if status.evidence else None)
        if words_of.needed:
            add("evidence_still_needed", words_of.needed, None)
    if verdict.thresholds and verdict.method != "evidence":
        items = tuple(verdict.thresholds.items())
        add("thresholds", _thresholds(verdict.method, verdict.rule, items, lang), dict(items))
    if verdict.reason:
        add("reason", verdict.reason_text.get(lang), verdict.reason)
    return {
        "method": verdict.method,
        "method_label": verdict.method_label.get(lang),
        "status": verdict.status,
        "status_label": verdict.status_label.get(lang),
        "tone": tone(verdict.method, verdict.status, kpi_direction(status.kpi)),
        "rule": verdict.rule,
        "explanation": tx(_explanation(verdict, status), lang),
        "numbers": numbers,
        "notes": [NOTES[n].get(lang) for n in verdict.notes if n in NOTES],
    }


@lru_cache(maxsize=1024)  # a method's thresholds are the same for most KPIs
def _thresholds(
    method: str, rule: str | None, items: tuple[tuple[str, float], ...], lang: Lang
) -> str:
    """The thresholds in words (:func:`~ipkpi.followup.threshold_words.threshold_text`), else
    each by its name and value."""
    worded = threshold_text(method, rule, dict(items), lang)
    if worded:
        return worded
    words = [
        f"{THRESHOLD_LABELS[k].get(lang) if k in THRESHOLD_LABELS else k} {exact(v)}"
        for k, v in items
    ]
    return ("、" if lang == "ja" else ", ").join(words)


def _explanation(verdict: Verdict, status: KpiStatus) -> Text:
    """The verdict's sentence in both languages, worked out once per status (the KPI's ja and
    en pages are rendered from the same status)."""
    held = status.remembered(
        ("explanation", id(verdict)), lambda: (verdict, explanation(verdict, status.wording))
    )
    return held[1] if held[0] is verdict else explanation(verdict, status.wording)


def _rests_on_evidence(verdict: Verdict, status: KpiStatus) -> bool:
    """Whether the headline's evidence is this verdict's: the headline, or the method's own
    verdict the evidence rule held back (its count and minimum are the evidence rule's)."""
    return verdict is status.headline or verdict is computed_headline(status.verdicts)


def pace_data(status: KpiStatus, lang: Lang) -> PaceData | None:
    """The pace needed from the latest value and the recent pace (:mod:`ipkpi.followup.pace`)."""
    pace = pace_of(status)
    if pace is None:
        return None
    return {
        "method": pace.method,
        "needed": pace.needed,
        "achieved": pace.achieved,
        "needed_text": pace.needed_text(lang),
        "achieved_text": pace.achieved_text(lang),
        "rate_kind": pace.kind,
        "unit": pace.unit,
        "since": pace.since,
        "since_text": pace.since_text(lang),
        "latest": pace.latest,
    }
