"""Measure-update submissions (issue 11.3) on SQLite and PostgreSQL.

A ministry's filled cycle XLSX goes through the same review as a data file; the cycle's
records hold nothing of it until the secretariat publishes it, and then exactly one batch,
pinned on the submission. The updates are made up (FIXTURE text), as in the cycle's tests.
ASVS 5.0 2.3.1 (steps in order), 8.2.2 (another ministry's objects), 2.2.1 (the whole file
checked, server side).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from ipkpi.cycle import CycleRecords, operations
from ipkpi.followup import FollowUp
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.service import audit, measure_updates, submissions
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Text

from ..cycle.test_whole_cycle import JPO_ROWS, fill
from .conftest import person

CODE = "ip2025-fu2026"
NAME = Text(ja="計画2025 フォローアップ（2026年）", en="Programme 2025 follow-up (2026)")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(default_plan_dir())


@pytest.fixture(scope="module")
def blank(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    """The JPO and METI templates of the cycle, made once on a store of their own."""
    store = Store.open(tmp_path_factory.mktemp("templates") / "t.db")
    ensure_shipped(store, default_plan_dir(), catalog_from_plan(plan))
    records = CycleRecords(store.engine)
    operations.open_cycle(records, plan, CODE, NAME, dt.date(2025, 12, 31), dt.date(2026, 2, 28))
    followup = FollowUp(plan, StoreSource(store, plan))
    yield {m: operations.template(records, followup, CODE, m) for m in ("JPO", "METI")}
    store.close()


def _open(store: Store, plan: Plan) -> CycleRecords:
    records = CycleRecords(store.engine)
    operations.open_cycle(records, plan, CODE, NAME, dt.date(2025, 12, 31), dt.date(2026, 2, 28))
    return records


def test_review_then_publish_writes_one_pinned_batch(
    store: Store, plan: Plan, blank: dict[str, bytes]
) -> None:
    records = _open(store, plan)
    editor = person(store, "e@jpo.example.jp", ministry="JPO")
    desk = person(store, "s@cao.example.jp", global_role="secretariat")
    first = fill(blank["JPO"], JPO_ROWS)
    draft = measure_updates.create_draft(store.engine, editor, plan, CODE, "JPO", "jpo.xlsx", first)
    assert (draft.kind, draft.options, draft.state) == ("measure_updates", {"cycle": CODE}, "draft")
    changes = measure_updates.diff(store.engine, plan, draft)
    assert [(c.measure_id, c.status) for c in changes.changes] == [
        ("protection.ipr.m2", "new"),
        ("protection.ipr.m3", "new"),
    ]
    m3 = {f.name: f.after for f in changes.changes[1].fields}
    assert (m3["status_ja"], m3["check"], m3["act"]) == ("FIXTURE 意匠制度の検討", "B", "revise")

    sent = submissions.transition(store.engine, editor, draft.id, "submit", draft.version)
    back = submissions.transition(
        store.engine, desk, draft.id, "return", sent.version, comment="m3 の遅れの理由を"
    )
    fixed_rows = {**JPO_ROWS, "protection.ipr.m2": {**JPO_ROWS["protection.ipr.m2"], "check": "A"}}
    fixed = measure_updates.replace_draft(
        store.engine, editor, plan, back, back.version, "jpo.xlsx", fill(blank["JPO"], fixed_rows)
    )
    again = submissions.transition(store.engine, editor, draft.id, "submit", fixed.version)
    accepted = submissions.transition(store.engine, desk, draft.id, "accept", again.version)
    assert records.updates(CODE) == []  # accepted is not published

    publish = {measure_updates.KIND: measure_updates.publisher(store.engine, plan)}
    done = submissions.transition(
        store.engine, desk, draft.id, "publish", accepted.version, publish=publish
    )
    assert done.state == "published" and done.batch_id is not None
    recorded = {(u.measure_id, u.ministry, u.check, u.act) for u in records.updates(CODE)}
    assert recorded == {
        ("protection.ipr.m2", "JPO", "A", "continue"),
        ("protection.ipr.m3", "JPO", "B", "revise"),
    }
    published = [e for e in audit.events(store.engine) if e.action == "submission.publish"]
    assert published[0].detail == {"from": "accepted", "to": "published",
                                   "batch_id": str(done.batch_id)}  # fmt: skip

    # A correction is a new submission, whose diff is against what was published.
    later = {"protection.ipr.m2": {**fixed_rows["protection.ipr.m2"], "status_en": "FIXTURE 2"}}
    second = measure_updates.create_draft(
        store.engine, editor, plan, CODE, "JPO", "jpo2.xlsx", fill(blank["JPO"], later)
    )
    again_diff = measure_updates.diff(store.engine, plan, second)
    assert [(c.measure_id, c.status, [f.name for f in c.fields]) for c in again_diff.changes] == [
        ("protection.ipr.m2", "revised", ["status_en"])
    ]
    assert again_diff.changes[0].fields[0].before == "FIXTURE studied"


def test_a_file_with_problems_or_of_another_ministry_is_not_kept(
    store: Store, plan: Plan, blank: dict[str, bytes]
) -> None:
    _open(store, plan)
    editor = person(store, "e@jpo.example.jp", ministry="JPO")
    bad = fill(blank["JPO"], {"protection.ipr.m2": {"status_ja": "FIXTURE", "check": "Z"}})
    with pytest.raises(measure_updates.MeasureFileError) as problems:
        measure_updates.create_draft(store.engine, editor, plan, CODE, "JPO", "jpo.xlsx", bad)
    lines = problems.value.lines("ja")
    assert lines[0] == "jpo.xlsx に 1 件の問題があります。直して送り直してください"
    assert "'取組状況 Updates'!" in lines[1]
    both = person(store, "e2@jpo.example.jp", ministry="JPO")
    from ipkpi.service import accounts

    from .conftest import OPERATOR

    accounts.grant(store.engine, OPERATOR, "e2@jpo.example.jp", "METI", "editor")
    both = accounts.actor_of(accounts.user_by_email(store.engine, "e2@jpo.example.jp"), "session")  # type: ignore[arg-type]
    with pytest.raises(measure_updates.MeasureFileError, match="this file is JPO's template"):
        measure_updates.create_draft(
            store.engine, both, plan, CODE, "METI", "jpo.xlsx", fill(blank["JPO"], JPO_ROWS)
        )
    assert submissions.listing(store.engine, both) == []


def test_another_ministry_cannot_see_it_and_a_locked_cycle_takes_nothing(
    store: Store, plan: Plan, blank: dict[str, bytes]
) -> None:
    records = _open(store, plan)
    editor = person(store, "e@jpo.example.jp", ministry="JPO")
    other = person(store, "e@meti.example.jp", ministry="METI")
    desk = person(store, "s@cao.example.jp", global_role="secretariat")
    draft = measure_updates.create_draft(
        store.engine, editor, plan, CODE, "JPO", "jpo.xlsx", fill(blank["JPO"], JPO_ROWS)
    )
    assert submissions.listing(store.engine, other) == []
    with pytest.raises(submissions.NotFoundError):
        submissions.get(store.engine, other, draft.id)
    with pytest.raises(submissions.NotFoundError):
        measure_updates.replace_draft(
            store.engine, other, plan, draft, draft.version, "x.xlsx", b"PK"
        )
    sent = submissions.transition(store.engine, editor, draft.id, "submit", draft.version)
    accepted = submissions.transition(store.engine, desk, draft.id, "accept", sent.version)
    records.lock(CODE)
    publish = {measure_updates.KIND: measure_updates.publisher(store.engine, plan)}
    with pytest.raises(measure_updates.MeasureFileError) as locked:
        submissions.transition(
            store.engine, desk, draft.id, "publish", accepted.version, publish=publish
        )
    assert "サイクル ip2025-fu2026 は締め切られています" in " ".join(locked.value.lines("ja"))
    assert submissions.get(store.engine, desk, draft.id).state == "accepted"
    assert records.updates(CODE) == []
