"""Milestones: a dated deliverable is done, on schedule, overdue — or not known to be done."""

from __future__ import annotations

import calendar
import datetime as dt

from ...plan.kpi import Milestone
from ...text import Lang, Text, t
from ...wording import Wording
from ..kind import Kind, KindInput, no_target
from ..method import Method, Status
from ..verdict import KpiAssessment, Verdict
from ._goals import WORDS


def milestone_verdict(
    kpi: Milestone, today: dt.date, completed_on: dt.date | None = None
) -> Verdict:
    """Done (in the plan, or recorded as data: ``completed_on``), on schedule, overdue (recorded
    not done), or past its due month with no completion recorded: ``overdue_check``, in the bad
    tone, since a deliverable nobody has recorded as done must be checked, not assumed."""
    year, month = (int(x) for x in kpi.due.split("-"))
    due_end = dt.date(year, month, calendar.monthrange(year, month)[1])
    done_on = completed_on.isoformat() if completed_on is not None else kpi.done_on
    notes: tuple[str, ...] = ()
    if kpi.status == "done" or completed_on is not None:
        status = "done"
        if done_on is not None and done_on[:7] > kpi.due:
            notes = ("done_late",)
    elif today <= due_end:
        status = "on_schedule"
    else:
        status = "overdue" if kpi.status == "not_done" else "overdue_check"
    done = f"、完了 {done_on}" if done_on else ""
    done_en = f"; done {done_on}" if done_on else ""
    # The evidence is a source id: the views name the source by its title beside the
    # completion record, so the sentence does not print the id.
    detail = Text(ja=f"期限 {kpi.due}{done}。", en=f"Due {kpi.due}{done_en}.")
    return Verdict(kpi.id, "milestone", status, notes=notes, detail=detail)


def goal(kpi: Milestone, lang: Lang, wording: Wording | None) -> str:
    return WORDS["due"].get(lang).format(due=kpi.due)


def assess(kpi: Milestone, inputs: KindInput) -> KpiAssessment:
    completed = inputs.completions.get(kpi.id)
    return KpiAssessment(kpi.id, kpi.kind, milestone_verdict(kpi, inputs.today, completed))


KINDS = (Kind("milestone", Milestone, goal, no_target, assess),)
METHODS = (
    Method(
        name="milestone",
        label=t("期限付き成果物", "Deliverable"),
        statuses=(
            Status("done", t("完了", "Done"), "good"),
            Status("on_schedule", t("期限前", "On schedule"), "good"),
            Status("overdue", t("期限超過", "Overdue"), "bad"),
            Status("overdue_check", t("期限超過・確認要", "Overdue, check"), "bad"),
            Status("unknown", t("完了の記録なし", "Completion not recorded"), "neutral"),
        ),
        order=(),
        rank=95,
    ),
)
