"""The JSON API under ``/api/v1``: series, observations, vintages and submissions.

Reading series, observations and vintages is public (published data only). Submissions need
a bearer token or the session cookie, and are filtered by ministry like the pages (another
ministry's submission is a 404). A step is a POST with ``If-Match: "v<version>"``: missing, it
is refused with 428 and nothing changes; stale, with 412 naming who changed it and when, and
the current ETag (lost-update protection, issue 11.5). A cookie request also sends its
session's CSRF token in ``X-CSRF-Token``. Models and paths: :mod:`.api_models`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..service import data_files, measure_updates, notify, submissions
from ..service.authz import ForbiddenError
from ..store import DataFileError, Store
from ..text import Text
from .api_models import (
    PREFIX,
    STATES,
    ApiError,
    ObservationList,
    SeriesList,
    SubmissionItem,
    SubmissionList,
    VintageItem,
    VintageList,
)
from .auth import CSRF_HEADER, Caller, caller, client_ip, csrf_ok

if TYPE_CHECKING:
    from .app import Server
    from .imports import ImportDesk

#: The largest step body (a comment of 4,000 characters, as the form allows, and framing).
MAX_BODY = 20_000


def error(status: int, en: str, ja: str, headers: dict[str, str] | None = None) -> Response:
    body = ApiError(error={"status": status, "message": en, "message_ja": ja})
    return JSONResponse(body, status_code=status, headers=headers)


def _when(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def submission_item(found: submissions.Submission) -> SubmissionItem:
    return {
        "id": found.id, "kind": found.kind, "ministry": found.ministry, "title": found.title,
        "state": found.state, "version": found.version, "etag": found.etag,
        "created_by": found.created_by_name, "created_at": _when(found.created_at) or "",
        "updated_by": found.updated_by_name, "updated_at": _when(found.updated_at) or "",
        "submitted_at": _when(found.submitted_at), "reviewed_by": found.reviewed_by_name,
        "reviewed_at": _when(found.reviewed_at), "review_comment": found.review_comment,
        "published_at": _when(found.published_at), "vintage_id": found.vintage_id,
        "batch_id": found.batch_id, "cycle": found.options.get("cycle"),
        "file_name": found.file_name, "file_size": found.file_size,
    }  # fmt: skip


def if_match(header: str | None, etag: str) -> bool | None:
    """None: no header; else whether it names ``etag`` by strong comparison (or is ``*``)."""
    if header is None or not header.strip():
        return None
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in tags


class ApiDesk:
    def __init__(self, server: Server, store: Store, imports: ImportDesk) -> None:
        self.server = server
        self.store = store
        self.imports = imports

    def routes(self) -> list[Route]:
        from .api_upload import UPLOAD_PATH, DataFileUpload

        return [
            Route(f"{PREFIX}/series", self.series, methods=["GET"]),
            Route(f"{PREFIX}/series/{{series_id}}/observations", self.observations,
                  methods=["GET"]),
            Route(f"{PREFIX}/vintages", self.vintages, methods=["GET"]),
            Route(f"{PREFIX}/submissions", self.submission_list, methods=["GET"]),
            Route(UPLOAD_PATH, DataFileUpload(self).upload, methods=["POST"]),
            Route(f"{PREFIX}/submissions/{{ident}}", self.submission_one, methods=["GET"]),
            Route(f"{PREFIX}/submissions/{{ident}}/{{step}}", self.step, methods=["POST"]),
            Route(f"{PREFIX}/{{rest:path}}", _no_such_address,
                  methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]),
        ]  # fmt: skip

    # -- published data ----------------------------------------------------------------------
    async def series(self, request: Request) -> Response:
        plan = self.imports.plan
        seen: set[str] = set()
        items = []
        for kpi, s in plan.all_series():
            if s.id not in seen:
                seen.add(s.id)
                items.append({"id": s.id, "kpi": kpi.id, "label": {"ja": s.label.ja,
                              "en": s.label.en or ""}, "unit": s.unit,
                              "frequency": s.frequency})  # fmt: skip
        return JSONResponse(SeriesList(series=items))  # type: ignore[typeddict-item]

    async def observations(self, request: Request) -> Response:
        series_id = str(request.path_params["series_id"])
        found = self.imports.plan.series(series_id)
        if found is None:
            return error(404, f"no series {series_id!r}", f"系列 {series_id!r} はありません")
        raw = request.query_params.get("as_of")
        as_of = None
        if raw is not None:
            try:
                as_of = dt.date.fromisoformat(raw)
            except ValueError:
                return error(400, f"as_of must be a date YYYY-MM-DD, not {raw!r}",
                             f"as_of は YYYY-MM-DD の日付にしてください（{raw!r}）")  # fmt: skip
        moment = dt.datetime.combine(as_of, dt.time.max) if as_of else None
        rows = await run_in_threadpool(self.store.observations, [series_id], moment)
        body = ObservationList(
            series=series_id, unit=found[1].unit, as_of=as_of.isoformat() if as_of else None,
            observations=[
                {"period": o.period, "value": o.value, "flags": list(o.flags), "note": o.note,
                 "source_title": o.source_title, "source_url": o.source_url}
                for o in rows
            ],
        )  # fmt: skip
        return JSONResponse(body)

    async def vintages(self, request: Request) -> Response:
        found = await run_in_threadpool(self.store.vintages)
        items: list[VintageItem] = [
            {**asdict(v), "recorded_at": _when(v.recorded_at) or ""}  # type: ignore[typeddict-item]
            for v in found
        ]
        return JSONResponse(VintageList(vintages=items))

    # -- submissions -------------------------------------------------------------------------
    async def _who(self, request: Request) -> Caller | Response:
        who = await caller(self.store.engine, request)
        if not who.actor.signed_in:
            headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'} if who.refused else {
                "WWW-Authenticate": "Bearer"}  # fmt: skip
            return error(401, "sign in or send an API token (Authorization: Bearer …)",
                         "サインインするか、API トークンを送ってください", headers)  # fmt: skip
        return who

    async def submission_list(self, request: Request) -> Response:
        who = await self._who(request)
        if isinstance(who, Response):
            return who
        state = request.query_params.get("state")
        if state is not None and state not in STATES:
            return error(400, f"state must be one of {', '.join(STATES)}",
                         f"state は {', '.join(STATES)} のいずれかです")  # fmt: skip
        found = await run_in_threadpool(
            lambda: submissions.listing(self.store.engine, who.actor, state=state)
        )
        return JSONResponse(SubmissionList(submissions=[submission_item(s) for s in found]))

    async def submission_one(self, request: Request) -> Response:
        who = await self._who(request)
        if isinstance(who, Response):
            return who
        ident = _ident(request)
        if ident is None:
            return _not_found(str(request.path_params["ident"]))
        try:
            found = await run_in_threadpool(submissions.get, self.store.engine, who.actor, ident)
        except submissions.NotFoundError:
            return _not_found(ident)
        return JSONResponse(submission_item(found), headers={"ETag": found.etag})

    async def step(self, request: Request) -> Response:
        who = await self._who(request)
        if isinstance(who, Response):
            return who
        checked = await self._preconditions(request, who)
        if isinstance(checked, Response):
            return checked
        current, comment = checked
        name = str(request.path_params["step"])
        try:
            done = await run_in_threadpool(
                lambda: submissions.transition(
                    self.store.engine, who.actor, current.id, name, current.version,
                    comment=comment, ip=client_ip(request), publish=self._publishers(),
                )
            )  # fmt: skip
        except submissions.StaleError as exc:
            return _stale(exc.current)
        except ForbiddenError as exc:
            return error(403, f"not allowed: {exc.reason}", "この操作は許可されていません")
        except submissions.NotFoundError:
            return _not_found(current.id)
        except measure_updates.MeasureFileError as exc:
            return error(409, " ".join(exc.lines("en")), " ".join(exc.lines("ja")))
        except (submissions.SubmissionError, DataFileError) as exc:
            status = 400 if name == "return" and "comment" in str(exc) else 409
            return error(status, str(exc), _ja_of(exc))
        if name == "publish":
            self.server.provider.revision(now=True)
        mailer, engine = self.server.mailer, self.store.engine
        await run_in_threadpool(notify.notify_step, engine, mailer, done, name, who.actor)
        return JSONResponse(submission_item(done), headers={"ETag": done.etag})

    async def _preconditions(
        self, request: Request, who: Caller
    ) -> tuple[submissions.Submission, str] | Response:
        """The submission and the comment, or why the step cannot be tried (nothing changed)."""
        ident = _ident(request)
        name = str(request.path_params["step"])
        if ident is None:
            return _not_found(str(request.path_params["ident"]))
        if name not in submissions.TRANSITIONS:
            return error(404, f"no step {name!r}", f"手順 {name!r} はありません")
        if not csrf_ok(who, request.headers.get(CSRF_HEADER)):
            return error(403, "send the session's CSRF token in X-CSRF-Token",
                         "X-CSRF-Token にセッションの CSRF トークンを付けてください")  # fmt: skip
        comment = await _comment(request)
        if isinstance(comment, Response):
            return comment
        try:
            current = await run_in_threadpool(submissions.get, self.store.engine, who.actor, ident)
        except submissions.NotFoundError:
            return _not_found(ident)
        matched = if_match(request.headers.get("if-match"), current.etag)
        if matched is None:
            return error(428, f"send If-Match: {current.etag} (GET the submission for its ETag)",
                         f"If-Match: {current.etag} を付けてください（ETag は GET で得られます）",
                         {"ETag": current.etag})  # fmt: skip
        if not matched:
            return _stale(current)
        return current, comment

    def _publishers(self) -> dict[str, submissions.Publisher]:
        imports = self.imports
        return {
            data_files.KIND: data_files.publisher(self.store, imports.catalog, imports.limits),
            measure_updates.KIND: measure_updates.publisher(self.store.engine, imports.plan),
        }


def _ident(request: Request) -> int | None:
    raw = str(request.path_params["ident"])
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) < 2**31:
        return None
    return int(raw)


async def _no_such_address(request: Request) -> Response:
    return error(404, "no such API address (see /openapi.json)",
                 "その API のアドレスはありません（/openapi.json を参照）")  # fmt: skip


def _not_found(ident: int | str) -> Response:
    return error(404, f"no submission {ident} (or not one you may see)",
                 f"提出 {ident} はありません（または閲覧できません）")  # fmt: skip


def _stale(current: submissions.Submission) -> Response:
    at = f"{current.updated_at:%Y-%m-%d %H:%M} UTC"
    return error(
        412,
        f"changed by {current.updated_by_name} at {at}: GET it again, check, then retry",
        f"{at} に {current.updated_by_name} さんが変更しました。取得し直して確かめてください",
        {"ETag": current.etag},
    )


def _ja_of(exc: Exception) -> str:
    text = getattr(exc, "text", None)
    return text.ja if isinstance(text, Text) else str(exc)


async def _comment(request: Request) -> str | Response:
    body = await request.body()
    if len(body) > MAX_BODY:
        return error(400, "the body is too large", "本文が大きすぎます")
    if not body.strip():
        return ""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return error(400, "the body must be JSON: {\"comment\": \"…\"}",
                     "本文は JSON にしてください: {\"comment\": \"…\"}")  # fmt: skip
    if (
        not isinstance(data, dict)
        or set(data) - {"comment"}
        or not isinstance(data.get("comment", ""), str)
    ):
        return error(400, "the body may hold only \"comment\", a string",
                     "本文に書けるのは文字列の \"comment\" だけです")  # fmt: skip
    return str(data.get("comment", ""))
