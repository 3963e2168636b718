"""Submissions and their review: draft → submitted → returned | accepted → published.

A submission is a ministry's file kept in the store until the secretariat publishes it: a
data file (:mod:`.data_files`) or the cycle's XLSX of measure updates
(:mod:`.measure_updates`); nothing of it reaches the observations, the cycle's records, the
public pages, the static site or the report before. Publishing writes it (one vintage, or one
batch of updates) in the same transaction as the submission's new state and its audit row, so
the published data are the pinned, immutable version the submission points to
(``vintage_id`` or ``options["batch_id"]``); a correction is a new submission.

Rules (each checked by :func:`~.authz.authorize`): a ministry's editors create, change and
submit its submissions; only the secretariat returns (with a comment), accepts and publishes,
and never its own submission; every change names the version it was made on
(``expected_version``) and is refused as stale when someone changed the submission since
(:class:`StaleError`, with who changed it and when).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from ..store.service_schema import submission_files, submissions, users
from . import audit
from .authz import Actor, ForbiddenError, Resource, authorize, check, ministries_for
from .db import Bind, reading, transaction, utcnow

#: Bytes of submitted files not yet published (or withdrawn) in the whole store.
MAX_STAGED_BYTES = 2 * 1024**3
#: Open drafts one person may hold.
MAX_DRAFTS = 10
OPEN_STATES = ("draft", "submitted", "returned", "accepted")


@dataclass(frozen=True)
class Transition:
    from_states: tuple[str, ...]
    to_state: str
    action: str


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(("draft", "returned"), "submitted", "submission.submit"),
    "recall": Transition(("submitted",), "draft", "submission.recall"),
    "return": Transition(("submitted",), "returned", "submission.review"),
    "accept": Transition(("submitted",), "accepted", "submission.review"),
    "publish": Transition(("accepted",), "published", "submission.publish"),
    "withdraw": Transition(("draft", "returned"), "withdrawn", "submission.edit"),
}


#: Writes a publication's pin (``vintage_id`` or ``options``) in the publishing transaction.
PinWriter = Callable[[Connection, dict[str, Any]], None]
#: Publishes one kind of submission: writes its data, calling the pin writer in the same
#: transaction; raises :class:`SubmissionError` when there is nothing to publish.
Publisher = Callable[["Submission", PinWriter], None]
KINDS = ("data_file", "measure_updates")


class SubmissionError(ValueError):
    """A change that the submission's state does not allow (the message says why)."""


class NotFoundError(LookupError):
    """No such submission, or not one the actor may see (the same answer: no disclosure)."""


class StaleError(Exception):
    """The submission changed since the version the change was made on."""

    def __init__(self, current: Submission) -> None:
        super().__init__(f"changed by {current.updated_by_name} at {current.updated_at:%H:%M}")
        self.current = current


class CapacityError(Exception):
    """The store holds as many pending bytes or drafts as it may."""


@dataclass(frozen=True)
class Submission:
    id: int
    kind: str
    ministry: str
    title: str
    state: str
    created_by: int
    created_by_name: str
    created_at: dt.datetime
    updated_by_name: str
    updated_at: dt.datetime
    submitted_at: dt.datetime | None
    reviewed_by_name: str
    reviewed_at: dt.datetime | None
    review_comment: str
    published_at: dt.datetime | None
    vintage_id: int | None
    file_name: str
    file_size: int
    options: dict[str, str]
    version: int

    @property
    def batch_id(self) -> int | None:
        """The measure-update batch a published ``measure_updates`` submission wrote."""
        value = self.options.get("batch_id", "")
        return int(value) if str(value).isdigit() else None

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    @property
    def resource(self) -> Resource:
        return Resource(self.ministry, self.created_by, "submission", str(self.id))


def staged_bytes(conn: Connection) -> int:
    query = select(func.coalesce(func.sum(submissions.c.file_size), 0)).where(
        submissions.c.state.in_(OPEN_STATES)
    )
    return int(conn.execute(query).scalar_one())


def room_for(engine: Engine, actor: Actor, size: int) -> None:
    """Raise :class:`CapacityError` unless a file of ``size`` bytes may be staged now."""
    with engine.connect() as conn:
        _check_room(conn, actor, size)


def _check_room(conn: Connection, actor: Actor, size: int) -> None:
    if staged_bytes(conn) + size > MAX_STAGED_BYTES:
        raise CapacityError("the store holds as many pending files as it may")
    drafts = conn.execute(
        select(func.count()).where(
            submissions.c.created_by == actor.user_id, submissions.c.state == "draft"
        )
    ).scalar_one()
    if drafts >= MAX_DRAFTS:
        raise CapacityError(f"you have {drafts} drafts; submit or withdraw some first")


def replace_file(
    engine: Engine,
    actor: Actor,
    ident: int,
    expected_version: int,
    file_name: str,
    content: bytes,
    options: dict[str, str],
    *,
    ip: str | None = None,
) -> Submission:
    """A corrected file for a draft or returned submission (its state stays)."""
    with _recording_denials(engine, actor, ident), transaction(engine) as conn:
        current = _visible(conn, actor, ident)
        _authorize(conn, actor, "submission.edit", current, ip)
        if current.version != expected_version:
            raise StaleError(current)
        if current.state not in ("draft", "returned"):
            raise SubmissionError(f"a {current.state} submission cannot be changed")
        _check_room(conn, actor, len(content) - current.file_size)
        _bump(
            conn, actor, current, expected_version,
            file_name=file_name, file_size=len(content),
            options=json.dumps(options, sort_keys=True),
        )  # fmt: skip
        conn.execute(
            update(submission_files)
            .where(submission_files.c.submission_id == ident)
            .values(content=content)
        )
        audit.record(
            conn, actor, "submission.replace_file", object_type="submission", object_id=ident,
            ministry=current.ministry, ip=ip, detail={"file": file_name, "bytes": len(content)},
        )  # fmt: skip
    return get(engine, actor, ident)


def transition(
    engine: Engine,
    actor: Actor,
    ident: int,
    name: str,
    expected_version: int,
    *,
    comment: str = "",
    ip: str | None = None,
    publish: Mapping[str, Publisher] | None = None,
) -> Submission:
    """Move a submission on (``submit``, ``recall``, ``return``, ``accept``, ``publish``,
    ``withdraw``). ``publish`` says how each kind is published, by kind
    (:func:`.data_files.publisher`, :func:`.measure_updates.publisher`)."""
    step = TRANSITIONS.get(name)
    if step is None:
        raise SubmissionError(f"unknown step {name!r}; one of {', '.join(TRANSITIONS)}")
    comment = comment.strip()
    if name == "return" and not comment:
        raise SubmissionError("say what to fix: a returned submission needs a comment")
    if name == "publish":
        if publish is None:
            raise SubmissionError("publishing needs the plan (a publisher per kind)")
        return _publish(engine, actor, ident, expected_version, publish, ip)
    with _recording_denials(engine, actor, ident), transaction(engine) as conn:
        current = _visible(conn, actor, ident)
        _authorize(conn, actor, step.action, current, ip)
        if current.version != expected_version:
            raise StaleError(current)
        _check_state(current, step, name)
        values: dict[str, Any] = {"state": step.to_state}
        if name == "submit":
            values["submitted_at"] = utcnow()
        if name in ("return", "accept"):
            values |= {"reviewed_by": actor.user_id, "reviewed_at": utcnow()}
            values["review_comment"] = comment or None
        _bump(conn, actor, current, expected_version, **values)
        if name == "withdraw":
            conn.execute(delete(submission_files).where(submission_files.c.submission_id == ident))
        audit.record(
            conn, actor, f"submission.{name}", object_type="submission", object_id=ident,
            ministry=current.ministry, ip=ip,
            detail={"from": current.state, "to": step.to_state, "version": expected_version,
                    **({"comment": comment} if comment else {})},
        )  # fmt: skip
    return get(engine, actor, ident)


def _publish(
    engine: Engine,
    actor: Actor,
    ident: int,
    expected_version: int,
    publishers: Mapping[str, Publisher],
    ip: str | None,
) -> Submission:
    step = TRANSITIONS["publish"]
    with _recording_denials(engine, actor, ident), engine.connect() as conn:
        current = _visible(conn, actor, ident)
        _authorize(conn, actor, step.action, current, ip)
    if current.version != expected_version:
        raise StaleError(current)
    _check_state(current, step, "publish")
    publish = publishers.get(current.kind)
    if publish is None:
        raise SubmissionError(f"no publisher for a {current.kind} submission")

    def on_write(conn: Connection, pin: dict[str, Any]) -> None:
        _bump(
            conn, actor, current, expected_version, state="published",
            published_at=utcnow(), **pin,
        )  # fmt: skip
        shown = {k: v for k, v in pin.items() if k != "options"} | dict(pinned_of(pin))
        audit.record(
            conn, actor, "submission.publish", object_type="submission", object_id=ident,
            ministry=current.ministry, ip=ip,
            detail={"from": "accepted", "to": "published", **shown},
        )  # fmt: skip

    publish(current, on_write)
    return get(engine, actor, ident)


def pinned_of(pin: dict[str, Any]) -> dict[str, Any]:
    """What a publication pinned, from its ``options`` (a measure-update batch, say)."""
    options = json.loads(pin["options"]) if "options" in pin else {}
    return {k: v for k, v in options.items() if k.endswith("_id")}


def create(
    engine: Engine,
    actor: Actor,
    kind: str,
    ministry: str,
    file_name: str,
    content: bytes,
    options: dict[str, str],
    *,
    title: str = "",
    ip: str | None = None,
) -> Submission:
    """A new draft of ``kind`` holding ``content`` (a checked file) for ``ministry``."""
    with _recording_denials(engine, actor, ministry=ministry):
        authorize(actor, "submission.create", Resource(ministry))
    now = utcnow()
    with transaction(engine) as conn:
        _check_room(conn, actor, len(content))
        ident = conn.execute(
            insert(submissions)
            .values(
                kind=kind, ministry=ministry, title=title.strip() or file_name,
                state="draft", created_by=actor.user_id, created_at=now,
                updated_by=actor.user_id, updated_at=now, file_name=file_name,
                file_size=len(content), options=json.dumps(options, sort_keys=True), version=1,
            )
            .returning(submissions.c.id)
        ).scalar_one()  # fmt: skip
        conn.execute(insert(submission_files).values(submission_id=ident, content=content))
        audit.record(
            conn, actor, "submission.create", object_type="submission", object_id=ident,
            ministry=ministry, ip=ip, detail={"kind": kind, "file": file_name,
                                              "bytes": len(content)},
        )  # fmt: skip
    return get(engine, actor, int(ident))


def file_content(engine: Engine, ident: int) -> bytes:
    with engine.connect() as conn:
        found = conn.execute(
            select(submission_files.c.content).where(submission_files.c.submission_id == ident)
        ).first()
    if found is None:
        raise SubmissionError("this submission has no file any more (it was withdrawn)")
    return bytes(found.content)


def get(engine: Engine, actor: Actor, ident: int) -> Submission:
    """One submission the actor may see (else :class:`NotFoundError`, audited)."""
    with engine.connect() as conn:
        try:
            return _visible(conn, actor, ident)
        except NotFoundError:
            pass
    with transaction(engine) as conn:
        audit.record(
            conn, actor, "authz.denied", object_type="submission", object_id=ident,
            detail={"action": "submission.view"},
        )  # fmt: skip
    raise NotFoundError(ident)


def listing(bind: Bind, actor: Actor, *, state: str | None = None) -> list[Submission]:
    """The submissions the actor may see, newest first, filtered in SQL by ministry (through
    ``bind``: the request's connection, or one of its own)."""
    ministries = ministries_for(actor, "submission.view")
    query = _SELECT.order_by(submissions.c.id.desc())
    if ministries is not None:
        query = query.where(submissions.c.ministry.in_(sorted(ministries)))
    if state:
        query = query.where(submissions.c.state == state)
    with reading(bind) as conn:
        return [_submission(row._asdict()) for row in conn.execute(query)]


def _visible(conn: Connection, actor: Actor, ident: int) -> Submission:
    row = conn.execute(_SELECT.where(submissions.c.id == ident)).first()
    if row is None:
        raise NotFoundError(ident)
    found = _submission(row._asdict())
    if check(actor, "submission.view", found.resource) is not None:
        raise NotFoundError(ident)
    return found


def _authorize(
    conn: Connection, actor: Actor, action: str, current: Submission, ip: str | None
) -> None:
    reason = check(actor, action, current.resource)
    if reason is not None:
        raise _DeniedError(action, reason, current, ip)


class _DeniedError(ForbiddenError):
    """A refusal that :func:`_recording_denials` audits once the transaction is over."""

    def __init__(self, action: str, reason: str, current: Submission, ip: str | None) -> None:
        super().__init__(action, reason)
        self.current = current
        self.ip = ip


@contextmanager
def _recording_denials(
    engine: Engine, actor: Actor, ident: int | None = None, ministry: str | None = None
) -> Iterator[None]:
    """Audit a refused action in a transaction of its own (the change's is rolled back)."""
    try:
        yield
    except (ForbiddenError, NotFoundError) as exc:
        detail: dict[str, str] = {"action": "submission.view", "reason": "not visible"}
        if isinstance(exc, ForbiddenError):
            detail = {"action": exc.action, "reason": exc.reason}
        if isinstance(exc, _DeniedError):
            ident, ministry = exc.current.id, exc.current.ministry
        with transaction(engine) as conn:
            audit.record(
                conn, actor, "authz.denied", object_type="submission", object_id=ident,
                ministry=ministry, ip=getattr(exc, "ip", None), detail=detail,
            )  # fmt: skip
        raise


def _check_state(current: Submission, step: Transition, name: str) -> None:
    if current.state not in step.from_states:
        allowed = " or ".join(step.from_states)
        raise SubmissionError(f"only a {allowed} submission can be {_past(name)}; this one is "
                              f"{current.state}")  # fmt: skip


def _past(name: str) -> str:
    return _PAST[name]


_PAST = {
    "submit": "submitted",
    "recall": "recalled",
    "return": "returned",
    "accept": "accepted",
    "publish": "published",
    "withdraw": "withdrawn",
}


def _bump(
    conn: Connection, actor: Actor, current: Submission, expected: int, **values: Any
) -> None:
    """Write ``values`` only if the submission is still at version ``expected``."""
    done = conn.execute(
        update(submissions)
        .where(submissions.c.id == current.id, submissions.c.version == expected)
        .values(
            **values, version=submissions.c.version + 1, updated_by=actor.user_id,
            updated_at=utcnow(),
        )
    )  # fmt: skip
    if done.rowcount != 1:
        row = conn.execute(_SELECT.where(submissions.c.id == current.id)).first()
        assert row is not None
        raise StaleError(_submission(row._asdict()))


def _joined() -> Any:
    creator = users.alias("creator")
    updater = users.alias("updater")
    reviewer = users.alias("reviewer")
    return (
        select(
            submissions,
            creator.c.display_name.label("created_by_name"),
            updater.c.display_name.label("updated_by_name"),
            reviewer.c.display_name.label("reviewed_by_name"),
        )
        .join(creator, creator.c.id == submissions.c.created_by)
        .join(updater, updater.c.id == submissions.c.updated_by)
        .outerjoin(reviewer, reviewer.c.id == submissions.c.reviewed_by)
    )


#: Submissions with the names of who made, changed and reviewed them (built once: making
#: the three aliases cost more than running the query on a list page).
_SELECT = _joined()


def _submission(row: dict[str, Any]) -> Submission:
    return Submission(
        id=int(row["id"]),
        kind=row["kind"],
        ministry=row["ministry"],
        title=row["title"],
        state=row["state"],
        created_by=int(row["created_by"]),
        created_by_name=row["created_by_name"],
        created_at=row["created_at"],
        updated_by_name=row["updated_by_name"],
        updated_at=row["updated_at"],
        submitted_at=row["submitted_at"],
        reviewed_by_name=row["reviewed_by_name"] or "",
        reviewed_at=row["reviewed_at"],
        review_comment=row["review_comment"] or "",
        published_at=row["published_at"],
        vintage_id=row["vintage_id"],
        file_name=row["file_name"] or "",
        file_size=int(row["file_size"] or 0),
        options=json.loads(row["options"]),
        version=int(row["version"]),
    )
