"""``POST /api/v1/submissions/data-file``: a ministry script sends a data file as a draft.

The browser import's checks (:mod:`.imports`), answered in JSON for a script with a bearer
token. Who is asking is read from the headers **before the body**: past the address's
failure limit (:data:`~ipkpi.service.ratelimit.UPLOAD_FAILURES_IP`) → 429 with
``Retry-After``; no valid token or session → 401; a token whose scopes do not cover
``submission.create``, or a ministry the caller may not submit for → 403 and one
``authz.denied`` audit row (both 401 and 403 count against the address). A session request
also needs its CSRF token in ``X-CSRF-Token``. The form is streamed to a private staging
folder: not ``multipart/form-data``, or a file that is not CSV or XLSX → 415; past the size
limit → 413; a file with problems → 422 listing each by code in the reader's language
(``Accept-Language`` ja or en), and nothing is kept; a good file becomes a draft (with
``submit=true``, submitted for review) → 201 with ``Location`` and ``ETag``. All or nothing:
a file is kept whole or not at all.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from ..service import audit, notify, ratelimit, submissions
from ..service.authz import ForbiddenError, ministries_for
from ..service.db import transaction
from ..store import DataFileError
from ..store.limits import megabytes
from ..text import Lang, Text
from .api import ApiDesk, error, submission_item
from .api_models import PREFIX, ProblemItem, UploadProblems, UploadResult
from .auth import CSRF_HEADER, Caller, caller, client_ip, csrf_ok
from .import_parts import MAX_PROBLEMS, discard
from .imports import MAX_CONCURRENT_UPLOADS, ImportOptions
from .upload import Upload, UploadError, read_upload

if TYPE_CHECKING:
    from pathlib import Path

#: File names the importer reads (by suffix; it checks the content again).
SUFFIXES = (".csv", ".xlsx", ".xlsm")
UPLOAD_PATH = f"{PREFIX}/submissions/data-file"


def reader_lang(header: str | None) -> Lang:
    """ja or en, whichever ``Accept-Language`` prefers (by q); ja when it names neither."""
    best: tuple[float, Lang] | None = None
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("ja", "en"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        lang: Lang = "ja" if primary == "ja" else "en"
        if q > 0 and (best is None or q > best[0]):
            best = (q, lang)
    return best[1] if best else "ja"


class DataFileUpload:
    """The upload endpoint of one API desk."""

    def __init__(self, desk: ApiDesk) -> None:
        self.desk = desk

    async def upload(self, request: Request) -> Response:
        engine = self.desk.store.engine
        ip = client_ip(request)
        wait = await run_in_threadpool(ratelimit.blocked, engine, ratelimit.UPLOAD_FAILURES_IP, ip)
        if wait:
            return _too_many(wait)
        who = await caller(engine, request)
        if not who.actor.signed_in:
            await run_in_threadpool(ratelimit.hit, engine, ratelimit.UPLOAD_FAILURES_IP, ip)
            headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'} if who.refused else {
                "WWW-Authenticate": "Bearer"}  # fmt: skip
            return error(401, "send an API token (Authorization: Bearer …)",
                         "API トークンを送ってください（Authorization: Bearer …）",
                         headers)  # fmt: skip
        if not csrf_ok(who, request.headers.get(CSRF_HEADER)):
            return error(403, "send the session's CSRF token in X-CSRF-Token",
                         "X-CSRF-Token にセッションの CSRF トークンを付けてください")  # fmt: skip
        ministries = ministries_for(who.actor, "submission.create") or set()
        if not ministries:
            return await self._denied(who, ip, "", "no ministry the caller may submit for")
        declared = request.headers.get("content-length", "")
        try:
            size = int(declared) if declared.isdigit() else 0
            await run_in_threadpool(submissions.room_for, engine, who.actor, size)
        except submissions.CapacityError as exc:
            return error(503, str(exc), "保留中の提出が上限に達しています。後で送ってください",
                         {"Retry-After": "30"})  # fmt: skip
        imports = self.desk.imports
        async with imports._lock:  # the browser's uploads and these share one cap per process
            if imports.streaming >= MAX_CONCURRENT_UPLOADS:
                return error(503, "too many uploads at once; try again in a moment",
                             "同時の送信が多すぎます。少し後でもう一度お試しください",
                             {"Retry-After": "30"})  # fmt: skip
            imports.streaming += 1
        folder = imports.staging / secrets.token_urlsafe(16)
        try:
            # Counted once the upload is taken: a 503 above costs the person no upload.
            decision = await run_in_threadpool(
                ratelimit.hit, engine, ratelimit.UPLOADS, str(who.actor.user_id)
            )
            if not decision.allowed:
                return _too_many(decision.retry_after)
            return await self._receive(request, who, sorted(ministries), folder)
        finally:
            discard(folder)
            async with imports._lock:
                imports.streaming -= 1

    async def _receive(
        self, request: Request, who: Caller, ministries: list[str], folder: Path
    ) -> Response:
        ip = client_ip(request)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "multipart/form-data":
            return error(415, "send the file as multipart/form-data in the field 'file'",
                         "ファイルは multipart/form-data の項目 file で送ってください")  # fmt: skip
        upload = await self._read(request, who, ministries, folder)
        if isinstance(upload, Response):
            return upload
        if upload.fields.get("ministry") not in ministries:  # a ministry after the file
            return await self._denied(who, ip, upload.fields.get("ministry", ""), "ministry")
        if upload.path is None or not upload.file_name:
            return error(400, "send the file in the field 'file'",
                         "ファイルを 'file' 項目で送ってください")  # fmt: skip
        if not upload.file_name.lower().endswith(SUFFIXES):
            return error(415, "send a CSV (.csv) or Excel (.xlsx) file",
                         "CSV（.csv）か Excel（.xlsx）のファイルを送ってください")  # fmt: skip
        limit = self.desk.imports._format_limit(upload.path)
        if upload.size > limit:
            return _too_large(limit)
        lang = reader_lang(request.headers.get("accept-language"))
        try:
            return await self._keep(request, who, upload, upload.path, ip)
        except DataFileError as exc:
            return _problems(exc, lang)
        except ForbiddenError as exc:
            return await self._denied(who, ip, upload.fields.get("ministry", ""), exc.reason)
        except (submissions.SubmissionError, submissions.StaleError) as exc:
            return error(409, str(exc), str(exc))

    async def _read(
        self, request: Request, who: Caller, ministries: list[str], folder: Path
    ) -> Upload | Response:
        """The form, streamed to ``folder``; or why it was refused."""
        asked: list[str] = []

        def before_file(fields: dict[str, str]) -> str | None:
            asked[:] = [fields.get("ministry", "")]
            if fields.get("ministry") not in ministries:
                return f"choose a ministry you may submit for ({', '.join(ministries)})"
            return None

        limit = self.desk.imports._file_limit
        try:
            return await read_upload(request, folder, file_limit=limit, before_file=before_file)
        except UploadError as exc:
            if exc.kind == "refused":
                ip = client_ip(request)
                return await self._denied(who, ip, asked[0] if asked else "", str(exc.detail))
            if exc.kind == "too_large":
                return _too_large(exc.limit)
            detail = exc.detail
            if isinstance(detail, Text):
                return error(400, detail.en or detail.ja, detail.ja)
            return error(400, detail, detail)
        except ClientDisconnect:
            return Response(status_code=400)

    async def _keep(
        self, request: Request, who: Caller, upload: Upload, path: Path, ip: str
    ) -> Response:
        """Check the file against the published data, keep it, and submit it if asked."""
        imports, engine = self.desk.imports, self.desk.store.engine
        options = ImportOptions.from_fields(upload.fields)
        report = await run_in_threadpool(imports._check, path, options)
        if report.status == "already_imported":
            vintage = report.vintage.id if report.vintage else "?"
            return error(409, f"this file's content was published before (vintage {vintage})",
                         f"このファイルの内容は公表済みです（版 {vintage}）")  # fmt: skip
        content = await run_in_threadpool(path.read_bytes)
        fields = {k: v for k, v in upload.fields.items() if k != "replaces"}
        draft = await run_in_threadpool(imports._keep, who, fields, path.name, content, options, ip)
        if upload.fields.get("submit", "").strip().lower() in ("true", "1", "yes"):
            draft = await run_in_threadpool(
                lambda: submissions.transition(
                    engine, who.actor, draft.id, "submit", draft.version, ip=ip
                )
            )
            mailer = self.desk.server.mailer
            await run_in_threadpool(notify.notify_step, engine, mailer, draft, "submit", who.actor)
        body = UploadResult(
            submission=submission_item(draft), new_count=report.new_count,
            revised_count=report.revised_count, unchanged_count=report.unchanged_count,
            problems=0,
        )  # fmt: skip
        location = f"{self.desk.server.urls.base}{PREFIX}/submissions/{draft.id}"
        headers = {"Location": location, "ETag": draft.etag}
        return JSONResponse(body, status_code=201, headers=headers)

    async def _denied(self, who: Caller, ip: str, ministry: str, reason: str) -> Response:
        """403, one audit row, and a failure counted against the address."""
        engine = self.desk.store.engine

        def record() -> None:
            with transaction(engine) as conn:
                audit.record(
                    conn, who.actor, "authz.denied", object_type="upload", ip=ip,
                    detail={"action": "submission.create", "ministry": ministry[:40],
                            "reason": reason[:200]},
                )  # fmt: skip
            ratelimit.hit(engine, ratelimit.UPLOAD_FAILURES_IP, ip)

        await run_in_threadpool(record)
        return error(403, "not allowed: this token or account may not upload for that ministry",
                     "このトークンまたはアカウントでは、その府省の提出はできません")  # fmt: skip


def _too_many(wait: int) -> Response:
    return error(429, f"too many attempts: try again in {wait} s",
                 f"試行が多すぎます。{wait} 秒後にもう一度お試しください",
                 {"Retry-After": str(wait)})  # fmt: skip


def _too_large(limit: int) -> Response:
    size = megabytes(limit)
    return error(413, f"the file is larger than the limit ({size})",
                 f"ファイルが上限（{size}）を超えています")  # fmt: skip


def _problems(exc: DataFileError, lang: Lang) -> Response:
    listed: list[ProblemItem] = [
        {"code": p.code, "row": p.row, "column": p.column, "cell": p.cell, "value": p.value,
         "message": p.message.text(lang), "hint": p.message.hint(lang)}
        for p in exc.problems[:MAX_PROBLEMS]
    ]  # fmt: skip
    n = exc.total
    body = UploadProblems(
        error={"status": 422, "message": f"the file has {n} problem(s); nothing was kept",
               "message_ja": f"ファイルに {n} 件の問題があります。何も保存していません"},
        language=lang, total=n, problems=listed,
    )  # fmt: skip
    headers = {"Content-Language": lang, "Vary": "Accept-Language"}
    return JSONResponse(body, status_code=422, headers=headers)
