"""The Check class ipkpi suggests for a measure, from the verdicts of the KPIs it serves.

The rule follows the 成長戦略 definitions (vocabulary ``check@1``), read through the
follow-up's headline verdicts:

- a KPI of kind ``milestone`` (carrying out the measure is the KPI) → **F**;
- a KPI with no verdict (no data yet, or a pending KPI) → **N**;
- a KPI whose headline verdict is met or on pace (tone ``good``: progress at least the share
  of time elapsed) → **A**; moving the right way too slowly, stalling, or moving away → **B**;
- a KPI with no target (monitoring, direction only) gives no class: A and B need a target.

A measure serving several KPIs takes the least advanced class they give (B before A before
F before N), so a suggestion never hides a lagging KPI. The reason lists each KPI's verdict.
A measure with no KPI link gets no suggestion; the ministry chooses and says why. With a
vocabulary without F (``check@2``) a milestone KPI is judged A (done or on schedule) or B.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..followup import FollowUp, KpiStatus
from ..plan import Measure
from ..text import Text

_ORDER = ("B", "A", "F", "N")
_NO_TARGET = {"monitor", "direction"}


@dataclass(frozen=True, slots=True)
class Suggestion:
    check: str
    """The class, or "" when no class can be suggested."""
    reason: Text


def kpi_class(status: KpiStatus, with_f: bool = True) -> tuple[str, Text]:
    """The class one KPI's headline verdict gives, with the words of that verdict."""
    verdict = status.headline
    label = verdict.status_label
    title = status.kpi.title
    said = Text(ja=f"「{title.ja}」は{label.ja}", en=f"'{title.en}': {label.en}")
    if status.kind == "milestone" and with_f:
        return "F", said
    if status.kind in _NO_TARGET:
        return "", Text(ja=said.ja + "（目標なし）", en=said.en + " (no target)")
    if not verdict.available:
        return "N", said
    if status.tone == "good":
        return "A", said
    if status.tone == "neutral":
        return "N", said
    return "B", said


def suggest(measure: Measure, followup: FollowUp, with_f: bool = True) -> Suggestion:
    classes: list[str] = []
    reasons: list[Text] = []
    for link in measure.kpis:
        status = followup.kpi(link.kpi)
        if status is None:
            continue
        found, said = kpi_class(status, with_f)
        reasons.append(said)
        if found:
            classes.append(found)
    if not measure.kpis:
        return Suggestion("", Text(ja="KPIとの関連付けなし", en="Linked to no KPI"))
    joined = Text(ja="、".join(r.ja for r in reasons), en="; ".join(r.en for r in reasons))
    if not classes:
        return Suggestion("", joined)
    return Suggestion(min(classes, key=_ORDER.index), joined)
