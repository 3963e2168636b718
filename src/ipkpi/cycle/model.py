"""The records of a review cycle: the cycle, a measure update, evidence, findings, responses.

A :class:`MeasureUpdate` is what one ministry says about one measure in one cycle: its
取組状況 in Japanese and English, a Check class and an Act direction from the cycle's pinned
vocabularies, the class ipkpi suggested with its reason (kept beside the chosen one, and the
reason for choosing otherwise), evidence, and a delay reason. Nothing here is filled in by
ipkpi except the suggestion: what a ministry did not say stays empty and is shown as missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..text import Text

State = Literal["open", "locked", "published"]

STATE_LABELS: dict[str, Text] = {
    "open": Text(ja="受付中", en="Open"),
    "locked": Text(ja="締切（確認中）", en="Locked (under review)"),
    "published": Text(ja="公表済", en="Published"),
}


@dataclass(frozen=True, slots=True)
class ReviewCycle:
    code: str
    plan_id: str
    name: Text
    cutoff: dt.date
    due: dt.date
    vocabularies: dict[str, str]
    opened_at: dt.datetime
    locked_at: dt.datetime | None = None
    published_at: dt.datetime | None = None

    @property
    def state(self) -> State:
        if self.published_at is not None:
            return "published"
        if self.locked_at is not None:
            return "locked"
        return "open"

    def state_at(self, moment: dt.datetime) -> State | None:
        """The state at ``moment``; None before the cycle was opened."""
        if moment < self.opened_at:
            return None
        if self.published_at is not None and self.published_at <= moment:
            return "published"
        if self.locked_at is not None and self.locked_at <= moment:
            return "locked"
        return "open"


@dataclass(frozen=True, slots=True)
class Evidence:
    title: str
    url: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class MeasureUpdate:
    measure_id: str
    ministry: str
    status: Text
    check: str = ""
    act: str = ""
    suggested: str = ""
    suggested_reason: Text = field(default_factory=Text)
    override_reason: Text = field(default_factory=Text)
    evidence: tuple[Evidence, ...] = ()
    delay: str = ""
    delay_text: Text = field(default_factory=Text)

    @property
    def overridden(self) -> bool:
        return bool(self.suggested) and bool(self.check) and self.check != self.suggested

    def body(self) -> dict[str, Any]:
        """The update as stored (JSON-ready), without its key (measure, ministry)."""
        data: dict[str, Any] = {}
        for name in (
            "status",
            "check",
            "act",
            "suggested",
            "suggested_reason",
            "override_reason",
            "delay",
            "delay_text",
        ):
            value = getattr(self, name)
            data[name] = value.model_dump() if isinstance(value, Text) else value
        data["evidence"] = [asdict(e) for e in self.evidence]
        return data

    @classmethod
    def from_body(cls, measure_id: str, ministry: str, body: dict[str, Any]) -> MeasureUpdate:
        return cls(
            measure_id,
            ministry,
            Text(**body["status"]),
            check=body["check"],
            act=body["act"],
            suggested=body["suggested"],
            suggested_reason=Text(**body["suggested_reason"]),
            override_reason=Text(**body["override_reason"]),
            evidence=tuple(Evidence(**e) for e in body.get("evidence", ())),
            delay=body["delay"],
            delay_text=Text(**body["delay_text"]),
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """A finding (指摘事項) on a measure, raised in a cycle by a reviewing body."""

    code: str
    cycle: str
    measure_id: str
    source: str
    text: Text


FINDING_SOURCES: dict[str, Text] = {
    "committee": Text(ja="構想委員会", en="Strategy committee"),
    "headquarters": Text(ja="知的財産戦略本部", en="IP Strategy Headquarters"),
    "experts": Text(ja="有識者", en="Experts"),
    "secretariat": Text(ja="事務局", en="Secretariat"),
}


@dataclass(frozen=True, slots=True)
class FindingResponse:
    finding: str
    ministry: str
    text: Text
    status: str

    def body(self) -> dict[str, Any]:
        return {"text": {"ja": self.text.ja, "en": self.text.en}, "status": self.status}
