"""Measure-update submissions: a ministry's filled cycle XLSX, published as one batch.

The file is checked whole when it is kept (:func:`check`: every problem by cell, in Japanese
and English, or the batch it holds), checked again when it is published (the cycle's findings
may have changed), and published by :meth:`~ipkpi.cycle.CycleRecords.apply` in one
transaction with the submission's new state and audit row (:func:`publisher`). The reviewer's
diff (:func:`diff`) sets each update beside what is on record: the cycle's updates from earlier
publications, else the last published cycle's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, Engine

from ..cycle import Batch, CycleRecords, CycleStateError, MeasureUpdate, operations
from ..plan import Plan
from ..problems import Problem
from ..text import Lang, Text
from .authz import Actor, Resource, allowed
from .submissions import (
    PinWriter,
    Publisher,
    Submission,
    SubmissionError,
    create,
    file_content,
    replace_file,
)

KIND = "measure_updates"
Status = Literal["new", "revised", "unchanged"]


class MeasureFileError(SubmissionError):
    """A measure-update file that cannot be kept or published, said in both languages."""

    def __init__(self, text: Text, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(text.en)
        self.text = text
        self.problems = problems

    def lines(self, lang: Lang) -> list[str]:
        """What to tell the person: the reason, then every problem by cell."""
        return [self.text.ja if lang == "ja" else self.text.en] + [
            p.text(lang) for p in self.problems
        ]


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class UpdateChange:
    """One measure's update against the one on record (``before`` None: none yet)."""

    measure_id: str
    status: Status
    before: MeasureUpdate | None
    after: MeasureUpdate
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class MeasureDiff:
    cycle: str
    changes: tuple[UpdateChange, ...]

    def count(self, status: Status) -> int:
        return sum(1 for c in self.changes if c.status == status)


def check(
    engine: Engine, plan: Plan, cycle: str, content: bytes, file_name: str, ministry: str
) -> Batch:
    """The batch a filled template holds, or :class:`MeasureFileError` with every problem."""
    records = CycleRecords(engine)
    try:
        result = operations.check_file(records, plan, cycle, content, file_name)
    except CycleStateError as exc:
        raise MeasureFileError(exc.text) from exc
    if result.problems or result.batch is None:
        raise MeasureFileError(
            Text(
                ja=f"{file_name} に {len(result.problems)} 件の問題があります。"
                "直して送り直してください",
                en=f"{file_name} has {len(result.problems)} problems: fix them and send it again",
            ),
            result.problems,
        )
    if result.batch.ministry != ministry:
        raise MeasureFileError(
            Text(
                ja=f"このファイルは {result.batch.ministry} の様式です。"
                f"{ministry} の様式を使ってください",
                en=f"this file is {result.batch.ministry}'s template: use {ministry}'s",
            )
        )
    return result.batch


def create_draft(
    engine: Engine,
    actor: Actor,
    plan: Plan,
    cycle: str,
    ministry: str,
    file_name: str,
    content: bytes,
    *,
    title: str = "",
    ip: str | None = None,
) -> Submission:
    """A new draft holding a checked measure-update file of ``cycle`` for ``ministry``."""
    if allowed(actor, "submission.create", Resource(ministry)):  # else create refuses, audited
        check(engine, plan, cycle, content, file_name, ministry)
    return create(
        engine, actor, KIND, ministry, file_name, content, {"cycle": cycle},
        title=title, ip=ip,
    )  # fmt: skip


def replace_draft(
    engine: Engine,
    actor: Actor,
    plan: Plan,
    current: Submission,
    expected_version: int,
    file_name: str,
    content: bytes,
    *,
    ip: str | None = None,
) -> Submission:
    """A corrected file for a draft or returned measure-update submission."""
    if current.kind != KIND:
        raise SubmissionError(f"submission {current.id} is a {current.kind}, not measure updates")
    cycle = current.options["cycle"]
    if allowed(actor, "submission.edit", current.resource):
        check(engine, plan, cycle, content, file_name, current.ministry)
    return replace_file(
        engine, actor, current.id, expected_version, file_name, content, {"cycle": cycle}, ip=ip
    )


def batch_of(engine: Engine, plan: Plan, submission: Submission) -> Batch:
    content = file_content(engine, submission.id)
    cycle = submission.options["cycle"]
    return check(engine, plan, cycle, content, submission.file_name, submission.ministry)


def diff(engine: Engine, plan: Plan, submission: Submission) -> MeasureDiff:
    """Each update of the submission against the one on record for its measure."""
    batch = batch_of(engine, plan, submission)
    records = CycleRecords(engine)
    mine = {u.measure_id: u for u in records.updates(batch.cycle) if u.ministry == batch.ministry}
    _last, published = records.published()
    earlier = {u.measure_id: u for u in published if u.ministry == batch.ministry}
    changes = []
    for update in batch.updates:
        before = mine.get(update.measure_id) or earlier.get(update.measure_id)
        fields = _fields(before, update)
        status: Status = "new" if before is None else "revised" if fields else "unchanged"
        changes.append(UpdateChange(update.measure_id, status, before, update, fields))
    return MeasureDiff(batch.cycle, tuple(changes))


def _flat(update: MeasureUpdate | None) -> dict[str, str]:
    if update is None:
        return {}
    shown = (" ".join(x for x in (e.title, e.url, e.date) if x) for e in update.evidence)
    evidence = "; ".join(shown)
    return {
        "status_ja": update.status.ja,
        "status_en": update.status.en,
        "check": update.check,
        "act": update.act,
        "override_reason_ja": update.override_reason.ja if update.overridden else "",
        "delay": update.delay,
        "delay_text_ja": update.delay_text.ja,
        "evidence": evidence,
    }


def _fields(before: MeasureUpdate | None, after: MeasureUpdate) -> tuple[FieldChange, ...]:
    old, new = _flat(before), _flat(after)
    return tuple(
        FieldChange(name, old.get(name, ""), value)
        for name, value in new.items()
        if old.get(name, "") != value
    )


def publisher(engine: Engine, plan: Plan) -> Publisher:
    """How a measure-update submission is published: its batch applied to the open cycle."""

    def run(submission: Submission, pin: PinWriter) -> None:
        batch = batch_of(engine, plan, submission)

        def on_write(conn: Connection, batch_id: int) -> None:
            options = {**submission.options, "batch_id": str(batch_id)}
            pin(conn, {"options": json.dumps(options, sort_keys=True)})

        try:
            CycleRecords(engine).apply(batch, on_write=on_write)
        except CycleStateError as exc:
            raise MeasureFileError(exc.text) from exc

    return run
