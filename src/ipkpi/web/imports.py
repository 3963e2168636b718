"""Sending a data file from the browser: sign in, upload, check, and keep it as a draft.

The pages exist on a server over the observation store (``ipkpi serve``); the static site
never has them. The flow:

1. ``GET /import`` (``/en/import``): the form, for a signed-in member of a ministry who may
   create submissions (else the sign-in page); what files are accepted; the templates.
2. ``POST /import``: who is asking is read from the headers **before the body**: no session
   or token → 401, and every such refusal counts against the address
   (:data:`~ipkpi.service.ratelimit.UPLOAD_FAILURES_IP`: past it, 429 with ``Retry-After``);
   no ministry to submit for → 403; too many uploads (:data:`~ipkpi.service.ratelimit.UPLOADS`)
   → 429; :data:`MAX_CONCURRENT_UPLOADS` already streaming in this process, or the store's
   pending files at :data:`~ipkpi.service.submissions.MAX_STAGED_BYTES` → 503 with
   ``Retry-After``. The CSRF token and the ministry come before the file in the form and are
   checked when the file part begins; the file streams to a private staging folder, refused
   past its size limit (413), and is checked against the published data (a dry run). A bad
   file is a 422 page listing every problem and nothing is kept; a good one becomes a **draft
   submission** in the store (not in this process), and the page shows what would change with
   a button to send it for review (:mod:`.submissions_pages`).

Every text from the upload (file name, cells, problems) is autoescaped by Jinja.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
import tempfile
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from ..ministries import ministries
from ..plan import KpiBase, Plan
from ..service import audit, data_files, measure_updates, ratelimit, submissions
from ..service.authz import ForbiddenError, ministries_for
from ..service.db import transaction
from ..store import DataFileError, ImportLimits, ImportReport, Store, import_file
from ..store.catalog import catalog_from_plan
from ..store.importers import reader_for
from ..store.limits import megabytes
from ..text import Lang, Text
from ..units import unit
from .auth import CSRF_FIELD, Caller, caller, client_ip, csrf_ok, invalid_token, user_data
from .errors import error_response
from .import_parts import (
    MAX_PROBLEMS,
    busy,
    counts,
    discard,
    download,
    draft_data,
    kept_fields,
    notice_of,
    number,
    problem_row,
    too_many,
    unit_label,
)
from .import_template import template_csv, template_xlsx, unit_text
from .measure_uploads import keep_measures
from .params import BadRequestError, parse_lang
from .present import tx
from .render import render_html
from .service_strings import SV, sv_strings
from .ui_strings import UI
from .upload import UploadError, limit_for, read_upload

if TYPE_CHECKING:
    from .app import Server

#: Uploads streaming at once in one process (each up to the file size limit on disk).
MAX_CONCURRENT_UPLOADS = 4
#: Rows of the changes table on the preview page.
MAX_CHANGES = 200
_XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    source_title: str | None = None
    source_url: str | None = None

    @classmethod
    def from_fields(cls, fields: dict[str, str]) -> ImportOptions:
        def value(name: str) -> str | None:
            text = fields.get(name, "").strip()
            return text or None

        return cls(value("sheet"), value("source_title"), value("source_url"))

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in kept_fields(self).items() if v}


class ImportDesk:
    """The import pages of one server: the staging folder and the upload caps."""

    def __init__(self, server: Server, store: Store, limits: ImportLimits | None = None) -> None:
        self.server = server
        self.store = store
        self.limits = limits or ImportLimits()
        self.plan: Plan = server.provider.plan
        self.catalog = catalog_from_plan(self.plan)
        #: Each series' KPI (a series id is unique in a plan: the validator sees to it).
        self.kpi_of: dict[str, KpiBase] = {s.id: k for k, s in self.plan.all_series()}
        self.staging = Path(tempfile.mkdtemp(prefix="ipkpi-import-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.staging, True)
        self.streaming = 0
        self._lock = asyncio.Lock()

    def close(self) -> None:
        """Delete the staging folder (uploads being streamed now are lost)."""
        self._cleanup()

    # -- routes --------------------------------------------------------------------------
    def routes(self, lang: Lang) -> list[Route]:
        def bound(
            handler: Callable[[Request, Lang], Awaitable[Response]],
        ) -> Callable[[Request], Awaitable[Response]]:
            async def endpoint(request: Request) -> Response:
                return await handler(request, lang)

            return endpoint

        return [
            Route("/import", bound(self.form), methods=["GET"]),
            Route("/import", bound(self.preview), methods=["POST"]),
            Route("/import/template.csv", self.template_csv),
            Route("/import/template.xlsx", self.template_xlsx),
        ]

    # -- handlers ------------------------------------------------------------------------
    async def form(self, request: Request, lang: Lang) -> Response:
        try:
            lang = parse_lang(request.query_params.get("lang"), lang)
        except BadRequestError as exc:
            return error_response(self.server, request, 400, exc.message, lang)
        who = await caller(self.store.engine, request)
        if who.session is None:
            return self.server.accounts.to_signin(request, lang)
        return self._page(lang, 200, "form", who=who)

    async def preview(self, request: Request, lang: Lang) -> Response:
        engine = self.store.engine
        ip = client_ip(request)
        wait = await run_in_threadpool(ratelimit.blocked, engine, ratelimit.UPLOAD_FAILURES_IP, ip)
        if wait:
            return too_many(wait, lang)
        who = await caller(engine, request)
        if not who.actor.signed_in:
            await run_in_threadpool(ratelimit.hit, engine, ratelimit.UPLOAD_FAILURES_IP, ip)
            if who.refused and who.session is None and who.cookie is None:
                return invalid_token()
            return self._page(lang, 401, "signin", notice=notice_of("import_signin", lang))
        ministries = ministries_for(who.actor, "submission.create") or set()
        if not ministries:
            await run_in_threadpool(self._denied, who, ip)
            return self._page(lang, 403, "form", who=who, notice=notice_of("import_no_role", lang))
        assert who.actor.user_id is not None
        declared = request.headers.get("content-length", "")
        size = int(declared) if declared.isdigit() else 0
        try:
            await run_in_threadpool(submissions.room_for, engine, who.actor, size)
        except submissions.CapacityError as exc:
            return busy(str(exc), lang)
        async with self._lock:
            if self.streaming >= MAX_CONCURRENT_UPLOADS:
                return busy("too many uploads at once; try again in a moment", lang)
            self.streaming += 1
        try:
            # Counted once the upload is taken: a 503 above costs the person no upload.
            decision = await run_in_threadpool(
                ratelimit.hit, engine, ratelimit.UPLOADS, str(who.actor.user_id)
            )
            if not decision.allowed:
                return too_many(decision.retry_after, lang)
            return await self._receive(request, lang, who, sorted(ministries))
        finally:
            async with self._lock:
                self.streaming -= 1

    async def _receive(
        self, request: Request, lang: Lang, who: Caller, ministries: list[str]
    ) -> Response:
        folder = self.staging / secrets.token_urlsafe(16)

        def before_file(fields: dict[str, str]) -> str | None:
            if not csrf_ok(who, fields.get(CSRF_FIELD)):
                return "the form's CSRF token is missing or wrong: open the form again"
            if fields.get("ministry") not in ministries:
                return f"choose a ministry you may submit for ({', '.join(ministries)})"
            return None

        try:
            upload = await read_upload(
                request, folder, file_limit=self._file_limit, before_file=before_file
            )
        except UploadError as exc:
            discard(folder)
            return self._refused(exc, lang, who)
        except ClientDisconnect:
            discard(folder)
            return Response(status_code=400)
        options = ImportOptions.from_fields(upload.fields)
        kept = kept_fields(options)
        refused = before_file(upload.fields)
        if refused is not None:  # a form without a file, or the fields after it
            discard(folder)
            return self._refused(UploadError("refused", refused), lang, who, kept)
        if upload.path is None:
            discard(folder)
            notice = notice_of("import_no_file", lang)
            return self._page(lang, 400, "form", who=who, notice=notice, kept=kept)
        path = upload.path
        try:
            limit = self._format_limit(path)
            if upload.size > limit:
                too_large = UploadError("too_large", size=upload.size, limit=limit)
                return self._refused(too_large, lang, who, kept)
            if upload.fields.get("kind") == measure_updates.KIND:
                return await keep_measures(self, who, upload.fields, path, lang, client_ip(request))
            report = await run_in_threadpool(self._check, path, options)
            if report.status == "already_imported":
                return self._page(lang, 200, "already", who=who, notice=self._already(report, lang))
            content = await run_in_threadpool(path.read_bytes)
            draft = await run_in_threadpool(
                self._keep, who, upload.fields, path.name, content, options, client_ip(request)
            )
        except DataFileError as exc:
            return self._problems(exc, path.name, lang, kept, who)
        except submissions.CapacityError as exc:
            return busy(str(exc), lang)
        except (submissions.NotFoundError, submissions.SubmissionError, ForbiddenError) as exc:
            notice = notice_of("import_refused", lang, detail=str(exc) or "not found")
            return self._page(lang, 403, "form", who=who, notice=notice, kept=kept)
        except submissions.StaleError as exc:
            current = exc.current
            at = f"{current.updated_at:%Y-%m-%d %H:%M} UTC"
            text = SV["stale"].get(lang).format(name=current.updated_by_name, at=at)
            notice = {"key": "stale", "text": text}
            return self._page(lang, 409, "form", who=who, notice=notice, kept=kept)
        finally:
            discard(folder)
        data = self._preview_data(report, lang)
        return self._page(lang, 200, "preview", who=who, draft=draft_data(draft), **data)

    async def template_csv(self, request: Request) -> Response:
        body = await run_in_threadpool(template_csv, self.plan)
        return download(body, "text/csv; charset=utf-8", f"{self.plan.id}-template.csv")

    async def template_xlsx(self, request: Request) -> Response:
        body = await run_in_threadpool(template_xlsx, self.plan)
        return download(body, _XLSX_MEDIA, f"{self.plan.id}-template.xlsx")

    # -- checks --------------------------------------------------------------------------
    def _denied(self, who: Caller, ip: str) -> None:
        with transaction(self.store.engine) as conn:
            audit.record(
                conn, who.actor, "authz.denied", object_type="upload", ip=ip,
                detail={"action": "submission.create", "reason": "no ministry role"},
            )  # fmt: skip

    def _keep(
        self,
        who: Caller,
        fields: dict[str, str],
        name: str,
        content: bytes,
        options: ImportOptions,
        ip: str,
    ) -> submissions.Submission:
        """A new draft, or a corrected file for the submission the form ``replaces``."""
        engine = self.store.engine
        replaces = fields.get("replaces", "")
        if replaces.isdigit():
            version = int(fields["version"]) if fields.get("version", "").isdigit() else -1
            return submissions.replace_file(
                engine, who.actor, int(replaces), version, name, content, options.as_dict(), ip=ip
            )
        return data_files.create_draft(
            engine, who.actor, fields["ministry"], name, content, options.as_dict(),
            title=fields.get("title", ""), ip=ip,
        )  # fmt: skip

    def _file_limit(self, name: str) -> int:
        return limit_for(name, self.limits.max_csv_bytes, self.limits.max_xlsx_bytes)

    def _format_limit(self, path: Path) -> int:
        """The limit for the file's format as the importer reads it (an XLSX named .csv)."""
        if reader_for(path).format == "xlsx":
            return self.limits.max_xlsx_bytes
        return self.limits.max_csv_bytes

    def _check(self, path: Path, options: ImportOptions) -> ImportReport:
        """What the file would change in the published data (a dry run)."""
        return import_file(
            self.store,
            path,
            self.catalog,
            dry_run=True,
            sheet=options.sheet,
            source_title=options.source_title,
            source_url=options.source_url,
            limits=self.limits,
        )

    # -- pages ---------------------------------------------------------------------------
    def _page(
        self,
        lang: Lang,
        status: int,
        state: str,
        *,
        notice: dict[str, str] | None = None,
        kept: dict[str, str] | None = None,
        who: Caller | None = None,
        **data: Any,
    ) -> Response:
        urls = self.server.urls
        other: Lang = "en" if lang == "ja" else "ja"
        actor = who.actor if who else None
        creatable = sorted(ministries_for(actor, "submission.create") or set()) if actor else []
        page = {
            "page": "import",
            "params": {},
            "lang": lang,
            "title": UI["import_data"].get(lang),
            "alternate": urls.import_page(other),
            "as_of": None,
            "vintages": [],
            "state": state,
            "notice": notice,
            "form": {
                **self._form_data(lang, kept or {}),
                "ministries": [(c, ministries().get(c).label(lang)) for c in creatable],
            },
            "sv": sv_strings(lang),
            "user": user_data(who),
            "csrf": who.csrf_token if who else "",
            "signout": urls.service_page(lang, "signout"),
            "signin": urls.service_page(lang, "signin"),
            "guide": self._guide_data(lang) if state in ("form", "problems") else None,
            **data,
        }
        html = render_html(page, urls, template="import.html")
        headers = {"Cache-Control": "no-store"}
        return Response(html, status, headers=headers, media_type="text/html; charset=utf-8")

    def _form_data(self, lang: Lang, kept: dict[str, str]) -> dict[str, Any]:
        urls = self.server.urls
        return {
            "action": urls.import_page(lang),
            "template_csv": urls.import_page(lang, "template.csv"),
            "template_xlsx": urls.import_page(lang, "template.xlsx"),
            "max_csv": megabytes(self.limits.max_csv_bytes),
            "max_xlsx": megabytes(self.limits.max_xlsx_bytes),
            "max_csv_bytes": self.limits.max_csv_bytes,
            "max_xlsx_bytes": self.limits.max_xlsx_bytes,
            "values": kept,
        }

    def _guide_data(self, lang: Lang) -> dict[str, Any]:
        series = []
        seen: set[str] = set()
        for _kpi, s in self.plan.all_series():
            if s.id in seen:
                continue
            seen.add(s.id)
            series.append(
                {
                    "id": s.id,
                    "label": tx(s.label, lang),
                    "unit": unit_text(s.unit),  # as a file may write it
                    "unit_label": unit(s.unit).label.get(lang),
                    "period": UI[f"frequency_{s.frequency}"].get(lang),
                }
            )
        return {"series": series}

    def _refused(
        self, exc: UploadError, lang: Lang, who: Caller, kept: dict[str, str] | None = None
    ) -> Response:
        detail = exc.detail.get(lang) if isinstance(exc.detail, Text) else exc.detail
        if exc.kind == "refused":
            notice = notice_of("import_refused", lang, detail=detail)
            return self._page(lang, 403, "form", notice=notice, kept=kept, who=who)
        if exc.kind == "too_large":
            limit = megabytes(exc.limit)
            if exc.size:
                notice = notice_of("import_too_large", lang, size=megabytes(exc.size), limit=limit)
            else:
                notice = notice_of("import_over_limit", lang, limit=limit)
            return self._page(lang, 413, "form", notice=notice, kept=kept, who=who)
        notice = notice_of("import_bad_form", lang, detail=detail)
        return self._page(lang, 400, "form", notice=notice, kept=kept, who=who)

    def _problems(
        self, exc: DataFileError, file_name: str, lang: Lang, kept: dict[str, str], who: Caller
    ) -> Response:
        problems = exc.problems
        count = exc.total
        key = "import_problem_one" if count == 1 else "import_problems_count"
        notice = notice_of(key, lang, n=f"{count:,}")
        listed = [problem_row(p, lang) for p in problems[:MAX_PROBLEMS]]
        by_kind = [
            {"code": code, "reason": exc.example(code).text(lang), "count": n}
            for code, n in exc.counts().most_common()
        ]
        return self._page(
            lang,
            422,
            "problems",
            notice=notice,
            kept=kept,
            who=who,
            file=file_name,
            problems=listed,
            problems_more=count - len(listed),
            problem_kinds=by_kind if count > len(listed) else [],
        )

    def _already(self, report: ImportReport, lang: Lang) -> dict[str, str]:
        vintage = report.vintage
        when = f"{vintage.recorded_at:%Y-%m-%d %H:%M} UTC" if vintage else "?"
        ident = str(vintage.id) if vintage else "?"
        return notice_of("import_already", lang, id=ident, when=when)

    def _preview_data(self, report: ImportReport, lang: Lang) -> dict[str, Any]:
        changes = report.changes(limit=MAX_CHANGES)
        changed = report.new_count + report.revised_count
        return {
            "file": report.file,
            "counts": counts(report),
            "warnings": [w.full(lang) for w in report.warnings],
            "changes": [
                {
                    "row": c.row,
                    "series": c.series,
                    "label": self._series_label(c.series, lang),
                    "period": c.period,
                    "old": "" if c.old_value is None else number(c.old_value),
                    "new": number(c.value),
                    "unit": unit_label(self.catalog[c.series].unit, lang),
                    "status": c.status,
                    "status_label": UI[f"import_{c.status}"].get(lang),
                }
                for c in changes
            ],
            "changes_more": changed - len(changes),
            "more_text": UI["import_more_changes"]
            .get(lang)
            .format(n=f"{changed - len(changes):,}"),
        }

    def _series_label(self, series_id: str, lang: Lang) -> str:
        info = self.catalog.get(series_id)
        return tx(info.label, lang) if info else ""
