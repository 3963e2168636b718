"""Submissions and their review on the store, SQLite and PostgreSQL.

ASVS 5.0 2.3.1 (steps in order), 8.2.2 (another ministry's objects), 16.3.x (every step
audited); issue 11: published data only after publication, pinned to a vintage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.service import audit, data_files, submissions
from ipkpi.service.authz import ForbiddenError
from ipkpi.store import Store

from ..store.conftest import PLAN
from .conftest import person

CSV = b"series,period,value,unit\ndata.store.exports.jpn,2024,1.55,jpy_cho\n"


@pytest.fixture
def catalog():  # type: ignore[no-untyped-def]
    from ipkpi.plan.loader import load_plan
    from ipkpi.store import catalog_from_plan

    return catalog_from_plan(load_plan(PLAN))


def test_another_ministry_cannot_see_or_touch_a_draft(store: Store) -> None:
    meti = person(store, "e@meti.example.jp", ministry="METI")
    mext = person(store, "e@mext.example.jp", ministry="MEXT")
    draft = data_files.create_draft(store.engine, meti, "METI", "a.csv", CSV, {})
    assert [s.id for s in submissions.listing(store.engine, meti)] == [draft.id]
    assert submissions.listing(store.engine, mext) == []
    with pytest.raises(submissions.NotFoundError):
        submissions.get(store.engine, mext, draft.id)
    with pytest.raises(submissions.NotFoundError):
        submissions.transition(store.engine, mext, draft.id, "submit", draft.version)
    with pytest.raises(ForbiddenError):
        data_files.create_draft(store.engine, mext, "METI", "b.csv", CSV, {})
    denied = [e for e in audit.events(store.engine) if e.action == "authz.denied"]
    assert len(denied) == 3 and all(e.actor == "e@mext.example.jp" for e in denied)
    assert submissions.get(store.engine, meti, draft.id).state == "draft"


def test_every_step_is_audited(store: Store, catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    editor = person(store, "e@meti.example.jp", ministry="METI")
    desk = person(store, "s@cao.example.jp", global_role="secretariat")
    draft = data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {})
    sent = submissions.transition(store.engine, editor, draft.id, "submit", 1)
    with pytest.raises(submissions.SubmissionError, match="needs a comment"):
        submissions.transition(store.engine, desk, draft.id, "return", sent.version)
    back = submissions.transition(
        store.engine, desk, draft.id, "return", sent.version, comment="2024 is in 億円"
    )
    assert (back.state, back.review_comment, back.reviewed_by_name) == (
        "returned", "2024 is in 億円", "s@cao.example.jp",
    )  # fmt: skip
    fixed = submissions.replace_file(
        store.engine, editor, draft.id, back.version, "a.csv", CSV.replace(b"1.55", b"1.56"), {}
    )
    again = submissions.transition(store.engine, editor, draft.id, "submit", fixed.version)
    accepted = submissions.transition(store.engine, desk, draft.id, "accept", again.version)
    assert store.observations() == []  # accepted is not published
    publish = {"data_file": data_files.publisher(store, catalog)}
    done = submissions.transition(
        store.engine, desk, draft.id, "publish", accepted.version, publish=publish
    )
    assert done.state == "published" and done.vintage_id == store.vintages()[-1].id
    assert [(o.series, o.period, o.value) for o in store.observations()] == [
        ("data.store.exports.jpn", "2024", 1.56)
    ]
    mine = ("submission", str(draft.id))
    events = reversed(audit.events(store.engine))
    actions = [e.action for e in events if (e.object_type, e.object_id) == mine]
    assert actions == [
        "submission.create", "submission.submit", "submission.return",
        "submission.replace_file", "submission.submit", "submission.accept",
        "submission.publish",
    ]  # fmt: skip


def test_the_secretariat_never_accepts_its_own(store: Store) -> None:
    both = person(store, "s@cao.example.jp", global_role="secretariat")
    from ipkpi.service import accounts

    from .conftest import OPERATOR

    accounts.grant(store.engine, OPERATOR, "s@cao.example.jp", "CAO-IP", "editor")
    both = accounts.actor_of(accounts.user_by_email(store.engine, "s@cao.example.jp"), "session")  # type: ignore[arg-type]
    draft = data_files.create_draft(store.engine, both, "CAO-IP", "a.csv", CSV, {})
    sent = submissions.transition(store.engine, both, draft.id, "submit", 1)
    with pytest.raises(ForbiddenError, match="own submission"):
        submissions.transition(store.engine, both, draft.id, "accept", sent.version)


def test_a_stale_version_is_refused_with_who_changed_it(store: Store) -> None:
    editor = person(store, "e@meti.example.jp", ministry="METI")
    draft = data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {})
    submissions.transition(store.engine, editor, draft.id, "submit", 1)
    with pytest.raises(submissions.StaleError) as stale:
        submissions.transition(store.engine, editor, draft.id, "submit", 1)
    assert stale.value.current.version == 2
    assert "changed by e@meti.example.jp" in str(stale.value)


def test_staged_bytes_are_capped_in_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = person(store, "e@meti.example.jp", ministry="METI")
    monkeypatch.setattr(submissions, "MAX_STAGED_BYTES", 2 * len(CSV))
    data_files.create_draft(store.engine, editor, "METI", "a.csv", CSV, {})
    data_files.create_draft(store.engine, editor, "METI", "b.csv", CSV, {})
    with pytest.raises(submissions.CapacityError, match="pending files"):
        data_files.create_draft(store.engine, editor, "METI", "c.csv", CSV, {})
