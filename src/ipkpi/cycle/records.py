"""Reading and writing the review cycle's records in the store (SQLite or PostgreSQL).

Cycles move open → locked → published, each step once and in order. A batch of updates is
written in one transaction, only into an open cycle. What is known at a moment is what was
recorded by then; the public view at a date is the last cycle published by then, with the
updates recorded before it was locked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ..store.cycle_schema import (
    finding_responses,
    findings,
    measure_updates,
    review_cycles,
    update_batches,
)
from ..text import Text
from .model import Finding, FindingResponse, MeasureUpdate, ReviewCycle


class CycleStateError(ValueError):
    """A step the cycle's state does not allow (importing into a locked cycle, …)."""

    def __init__(self, ja: str, en: str) -> None:
        self.text = Text(ja=ja, en=en)
        super().__init__(en)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Batch:
    """Checked updates of one ministry for one cycle, ready to apply (nothing stored yet)."""

    cycle: str
    ministry: str
    file_name: str
    sha256: str
    updates: tuple[MeasureUpdate, ...]
    responses: tuple[FindingResponse, ...] = ()


class CycleRecords:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- cycles ------------------------------------------------------------------------------
    def open_cycle(self, cycle: ReviewCycle) -> ReviewCycle:
        if self.find(cycle.code) is not None:
            raise CycleStateError(
                f"サイクル {cycle.code} は既にあります", f"cycle {cycle.code} exists already"
            )
        with self.engine.begin() as conn:
            conn.execute(
                insert(review_cycles).values(
                    code=cycle.code,
                    plan_id=cycle.plan_id,
                    name_ja=cycle.name.ja,
                    name_en=cycle.name.en,
                    cutoff=cycle.cutoff,
                    due=cycle.due,
                    vocabularies=json.dumps(cycle.vocabularies),
                    opened_at=cycle.opened_at,
                )
            )
        return cycle

    def cycles(self) -> list[ReviewCycle]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(review_cycles).order_by(review_cycles.c.opened_at))
            return [_cycle(r._asdict()) for r in rows]

    def find(self, code: str) -> ReviewCycle | None:
        return next((c for c in self.cycles() if c.code == code), None)

    def get(self, code: str) -> ReviewCycle:
        found = self.find(code)
        if found is None:
            known = ", ".join(c.code for c in self.cycles()) or "—"
            raise CycleStateError(
                f"サイクル {code!r} はありません（あるもの: {known}）",
                f"no cycle {code!r} (there are: {known})",
            )
        return found

    def lock(self, code: str, at: dt.datetime | None = None) -> ReviewCycle:
        return self._step(code, "open", "locked_at", at or now_utc())

    def publish(self, code: str, at: dt.datetime | None = None) -> ReviewCycle:
        return self._step(code, "locked", "published_at", at or now_utc())

    def _step(self, code: str, needed: str, column: str, at: dt.datetime) -> ReviewCycle:
        cycle = self.get(code)
        if cycle.state != needed:
            step = "締切" if column == "locked_at" else "公表"
            raise CycleStateError(
                f"サイクル {code} は「{cycle.state}」のため{step}できません"
                f"（必要な状態: {needed}）",
                f"cycle {code} is {cycle.state}: it must be {needed} to be "
                + ("locked" if column == "locked_at" else "published"),
            )
        with self.engine.begin() as conn:
            conn.execute(
                update(review_cycles).where(review_cycles.c.code == code).values({column: at})
            )
        return self.get(code)

    # -- batches -----------------------------------------------------------------------------
    def apply(
        self,
        batch: Batch,
        at: dt.datetime | None = None,
        on_write: Callable[[Connection, int], None] | None = None,
    ) -> int:
        """Store a checked batch in one transaction; refused unless its cycle is open.

        ``on_write(conn, batch_id)`` runs inside that transaction (the service layer records
        the submission it publishes there, so both are written or neither)."""
        moment = at or now_utc()
        cycle = self.get(batch.cycle)
        if cycle.state != "open":
            raise CycleStateError(
                f"サイクル {cycle.code} は締め切られています。取り込めません",
                f"cycle {cycle.code} is {cycle.state}: nothing can be imported into it",
            )
        with self.engine.begin() as conn:
            cycle_id = conn.scalar(
                select(review_cycles.c.id).where(review_cycles.c.code == batch.cycle)
            )
            inserted = conn.execute(
                insert(update_batches).values(
                    cycle_id=cycle_id,
                    ministry=batch.ministry,
                    file_name=batch.file_name,
                    sha256=batch.sha256,
                    recorded_at=moment,
                    row_count=len(batch.updates),
                )
            ).inserted_primary_key
            assert inserted is not None
            batch_id = inserted[0]
            if batch.updates:
                conn.execute(
                    insert(measure_updates),
                    [
                        {
                            "batch_id": batch_id,
                            "cycle_id": cycle_id,
                            "measure_id": u.measure_id,
                            "ministry": u.ministry,
                            "recorded_at": moment,
                            "body": json.dumps(u.body(), ensure_ascii=False),
                        }
                        for u in batch.updates
                    ],
                )
            codes = {r.finding for r in batch.responses}
            ids = dict(
                conn.execute(
                    select(findings.c.code, findings.c.id).where(findings.c.code.in_(codes))
                ).all()
            )
            if batch.responses:
                conn.execute(
                    insert(finding_responses),
                    [
                        {
                            "batch_id": batch_id,
                            "finding_id": ids[r.finding],
                            "cycle_id": cycle_id,
                            "ministry": r.ministry,
                            "recorded_at": moment,
                            "body": json.dumps(r.body(), ensure_ascii=False),
                        }
                        for r in batch.responses
                    ],
                )
            if on_write is not None:
                on_write(conn, int(batch_id))
        return len(batch.updates)

    def updates(self, code: str, at: dt.datetime | None = None) -> list[MeasureUpdate]:
        """The latest update of each (measure, ministry) in a cycle, as recorded by ``at``."""
        cycle = self.get(code)
        query = (
            select(
                measure_updates.c.measure_id,
                measure_updates.c.ministry,
                measure_updates.c.body,
                measure_updates.c.recorded_at,
            )
            .join(review_cycles, review_cycles.c.id == measure_updates.c.cycle_id)
            .where(review_cycles.c.code == cycle.code)
            .order_by(measure_updates.c.recorded_at, measure_updates.c.id)
        )
        if at is not None:
            query = query.where(measure_updates.c.recorded_at <= at)
        latest: dict[tuple[str, str], MeasureUpdate] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                body = json.loads(row.body)
                latest[(row.measure_id, row.ministry)] = MeasureUpdate.from_body(
                    row.measure_id, row.ministry, body
                )
        return list(latest.values())

    def published(
        self, at: dt.datetime | None = None
    ) -> tuple[ReviewCycle | None, list[MeasureUpdate]]:
        """The last cycle published by ``at`` (now when None) and its published updates."""
        moment = at or now_utc()
        done = [c for c in self.cycles() if c.published_at is not None and c.published_at <= moment]
        if not done:
            return None, []
        last = max(done, key=lambda c: c.published_at or moment)
        return last, self.updates(last.code, last.locked_at)

    def previous(self, code: str) -> ReviewCycle | None:
        """The cycle published before ``code`` was opened (for comparisons)."""
        cycle = self.get(code)
        earlier = [
            c
            for c in self.cycles()
            if c.published_at is not None and c.published_at <= cycle.opened_at and c.code != code
        ]
        return max(earlier, key=lambda c: c.published_at or cycle.opened_at, default=None)

    # -- findings ----------------------------------------------------------------------------
    def add_finding(self, finding: Finding, at: dt.datetime | None = None) -> None:
        cycle = self.get(finding.cycle)
        with self.engine.begin() as conn:
            cycle_id = conn.scalar(
                select(review_cycles.c.id).where(review_cycles.c.code == cycle.code)
            )
            conn.execute(
                insert(findings).values(
                    code=finding.code,
                    cycle_id=cycle_id,
                    measure_id=finding.measure_id,
                    source=finding.source,
                    text_ja=finding.text.ja,
                    text_en=finding.text.en,
                    recorded_at=at or now_utc(),
                )
            )

    def findings(self, measure_ids: Iterable[str] | None = None) -> list[Finding]:
        query = (
            select(findings, review_cycles.c.code.label("cycle"))
            .join(review_cycles, review_cycles.c.id == findings.c.cycle_id)
            .order_by(findings.c.id)
        )
        if measure_ids is not None:
            query = query.where(findings.c.measure_id.in_(list(measure_ids)))
        with self.engine.connect() as conn:
            return [
                Finding(r.code, r.cycle, r.measure_id, r.source, Text(ja=r.text_ja, en=r.text_en))
                for r in conn.execute(query)
            ]

    def responses(self, code: str, at: dt.datetime | None = None) -> list[FindingResponse]:
        """The latest response to each finding by each ministry, recorded in cycle ``code``."""
        query = (
            select(
                findings.c.code.label("finding"),
                finding_responses.c.ministry,
                finding_responses.c.body,
            )
            .join(findings, findings.c.id == finding_responses.c.finding_id)
            .join(review_cycles, review_cycles.c.id == finding_responses.c.cycle_id)
            .where(review_cycles.c.code == code)
            .order_by(finding_responses.c.recorded_at, finding_responses.c.id)
        )
        if at is not None:
            query = query.where(finding_responses.c.recorded_at <= at)
        out: dict[tuple[str, str], FindingResponse] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                body = json.loads(row.body)
                out[(row.finding, row.ministry)] = FindingResponse(
                    row.finding, row.ministry, Text(**body["text"]), body["status"]
                )
        return list(out.values())


def _cycle(row: dict[str, Any]) -> ReviewCycle:
    return ReviewCycle(
        code=row["code"],
        plan_id=row["plan_id"],
        name=Text(ja=row["name_ja"], en=row["name_en"]),
        cutoff=row["cutoff"],
        due=row["due"],
        vocabularies=json.loads(row["vocabularies"]),
        opened_at=row["opened_at"],
        locked_at=row["locked_at"],
        published_at=row["published_at"],
    )
