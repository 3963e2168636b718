"""Milestones: a dated deliverable is done, on schedule, overdue — or not known to be done."""

from __future__ import annotations

import calendar
import datetime as dt

from ..plan.kpi import Milestone
from ..text import Text
from .verdict import Verdict


def milestone_verdict(kpi: Milestone, today: dt.date) -> Verdict:
    year, month = (int(x) for x in kpi.due.split("-"))
    due_end = dt.date(year, month, calendar.monthrange(year, month)[1])
    notes: tuple[str, ...] = ()
    if kpi.status == "done":
        status = "done"
        if kpi.done_on is not None and kpi.done_on[:7] > kpi.due:
            notes = ("done_late",)
    elif today <= due_end:
        status = "on_schedule"
    else:
        status = "overdue" if kpi.status == "not_done" else "unknown"
    done = f"、完了 {kpi.done_on}" if kpi.done_on else ""
    done_en = f"; done {kpi.done_on}" if kpi.done_on else ""
    evidence = f"（根拠：{kpi.evidence}）" if kpi.evidence else ""
    evidence_en = f" (evidence: {kpi.evidence})" if kpi.evidence else ""
    detail = Text(
        ja=f"期限 {kpi.due}{done}{evidence}。", en=f"Due {kpi.due}{done_en}{evidence_en}."
    )
    return Verdict(kpi.id, "milestone", status, notes=notes, detail=detail)
