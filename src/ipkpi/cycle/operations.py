"""The whole cycle as a few calls: open, template, check, apply, lock, publish, status.

Thin over :class:`~.records.CycleRecords`: each call takes the plan and, where KPI figures
are needed, the follow-up; none knows about the CLI or the web. ``check_file`` → problems or
a batch, then ``records.apply(batch)``: the service layer puts its review between the two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..followup import FollowUp
from ..ministries import ministries
from ..plan import Plan
from ..text import Text
from .model import ReviewCycle
from .records import CycleRecords, CycleStateError, now_utc
from .template import TemplateInput, measures_of, write_template
from .vocabulary import DEFAULT_PINS, vocabulary
from .workbook import CheckResult, check_workbook


def open_cycle(
    records: CycleRecords,
    plan: Plan,
    code: str,
    name: Text,
    cutoff: dt.date,
    due: dt.date,
    pins: dict[str, str] | None = None,
    at: dt.datetime | None = None,
) -> ReviewCycle:
    chosen = {**DEFAULT_PINS, **(pins or {})}
    for kind, key in chosen.items():
        if vocabulary(key).name != kind:
            raise CycleStateError(
                f"{key} は {kind} の語彙ではありません", f"{key} is not a {kind} vocabulary"
            )
    if due < cutoff:
        raise CycleStateError("提出期限が基準日より前です", "the due date is before the cut-off")
    cycle = ReviewCycle(code, plan.id, name, cutoff, due, chosen, at or now_utc())
    return records.open_cycle(cycle)


def template(records: CycleRecords, followup: FollowUp, code: str, ministry: str) -> bytes:
    """The XLSX for ``ministry``, prefilled with what it already reported in this cycle."""
    cycle = records.get(code)
    ministries().get(ministry)
    plan = followup.plan
    mine = measures_of(plan.measures(), ministry)
    updates = [u for u in records.updates(code) if u.ministry == ministry]
    findings = records.findings(m.id for m in mine)
    responses = [r for r in records.responses(code) if r.ministry == ministry]
    data = TemplateInput(cycle, ministry, plan.measures(), followup, updates, findings, responses)
    return write_template(data)


def check_file(
    records: CycleRecords, plan: Plan, code: str, content: bytes, file_name: str
) -> CheckResult:
    cycle = records.get(code)
    return check_workbook(content, file_name, cycle, plan, records.findings())


@dataclass(frozen=True, slots=True)
class MinistryStatus:
    """What one ministry owes in a cycle and what it has reported."""

    ministry: str
    owed: tuple[str, ...]
    reported: tuple[str, ...] = field(default=())

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(m for m in self.owed if m not in self.reported)


def ministry_status(
    records: CycleRecords, plan: Plan, code: str
) -> tuple[list[MinistryStatus], list[str]]:
    """Per ministry (in 建制順): measures owed and reported; and the unassigned measures."""
    done = {(u.measure_id, u.ministry) for u in records.updates(code)}
    owed: dict[str, list[str]] = {}
    unassigned = []
    for measure in plan.measures():
        if not measure.ministries:
            unassigned.append(measure.id)
        for entry in measure.ministries:
            owed.setdefault(entry.code, []).append(measure.id)
    out = [
        MinistryStatus(c, tuple(owed[c]), tuple(m for m in owed[c] if (m, c) in done))
        for c in ministries().sorted(owed)
    ]
    return out, unassigned
