"""Importing a data file from the browser: upload, check (a dry run), confirm, import.

Only a server started with an import token has these pages (``ipkpi serve --import-token``);
without one they do not exist (a 404 like any unknown page) and the static site never has
them. The flow:

1. ``GET /import`` (``/en/import``): the form, what files are accepted, the templates.
2. ``POST /import``: the token is checked (``hmac.compare_digest``; wrong → 403, nothing
   kept); the file is streamed to a staging folder under a random nonce, refused past its size
   limit (413); ``import_file(..., dry_run=True)`` checks it. A bad file is a 422 page listing
   every problem (the staged file is deleted); a good one shows the counts, the warnings and
   the values that would change, with a confirm form that posts the nonce.
3. ``POST /import/confirm``: the nonce must be pending and younger than
   :data:`PENDING_SECONDS` (else 400: upload again); the file is imported for real, the staged
   file deleted, and the page gives the vintage and links to the KPIs whose series changed.

The nonce is bound to the token server-side: only a request that gave the right token gets
one, and it is used once. Together they stand for a CSRF token: another site can neither
guess the token nor read a nonce. Every text from the upload (file name, cells, problems) is
autoescaped by Jinja, never marked safe.
"""

from __future__ import annotations

import hmac
import secrets
import shutil
import tempfile
import time
import urllib.parse
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..plan import KpiBase, Plan
from ..problems import Problem
from ..store import DataFileError, ImportLimits, ImportReport, Store, import_file
from ..store.catalog import catalog_from_plan
from ..store.diff import NEW, REVISED
from ..store.importers import reader_for
from ..store.limits import megabytes
from ..text import Lang
from ..units import UnitError, unit
from .errors import error_response
from .import_template import template_csv, template_xlsx, unit_text
from .params import BadRequestError, parse_lang
from .present import tx
from .render import render_html
from .ui_strings import UI
from .upload import UploadError, limit_for, read_upload

if TYPE_CHECKING:
    from .app import Server

#: How long a checked upload waits for its confirmation, in seconds.
PENDING_SECONDS = 30 * 60
#: Uploads waiting at once; beyond it the oldest is dropped.
MAX_PENDING = 32
#: Rows of the changes table on the preview page.
MAX_CHANGES = 200
#: Problems listed on the 422 page (then counts by kind).
MAX_PROBLEMS = 1000
_MAX_CONFIRM_BYTES = 4096
_XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def clock() -> float:
    """The time pending uploads are dated by (monotonic; tests replace it)."""
    return time.monotonic()


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


@dataclass(frozen=True)
class Pending:
    folder: Path
    path: Path
    options: ImportOptions
    created: float


class ImportDesk:
    """The import pages of one server: the token, the staging folder, the pending uploads."""

    def __init__(
        self,
        server: Server,
        store: Store,
        token: str,
        limits: ImportLimits | None = None,
    ) -> None:
        if not token.strip():
            raise ValueError("the import token must not be empty")
        self.server = server
        self.store = store
        self._token = token.encode("utf-8")
        self.limits = limits or ImportLimits()
        self.plan: Plan = server.provider.plan
        self.catalog = catalog_from_plan(self.plan)
        #: Each series' KPI (a series id is unique in a plan: the validator sees to it).
        self.kpi_of: dict[str, KpiBase] = {s.id: k for k, s in self.plan.all_series()}
        self.staging = Path(tempfile.mkdtemp(prefix="ipkpi-import-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.staging, True)
        self.pending: OrderedDict[str, Pending] = OrderedDict()
        #: What became of nonces no longer pending (bounded): the 400 page says it.
        self.finished: OrderedDict[str, tuple[str, dict[str, str]]] = OrderedDict()

    def close(self) -> None:
        """Delete the staging folder and every pending upload."""
        self.pending.clear()
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
            Route("/import/confirm", bound(self.confirm), methods=["POST"]),
            Route("/import/confirm", bound(self.back_to_form), methods=["GET"]),
            Route("/import/template.csv", self.template_csv),
            Route("/import/template.xlsx", self.template_xlsx),
        ]

    # -- handlers ------------------------------------------------------------------------
    async def form(self, request: Request, lang: Lang) -> Response:
        try:
            lang = parse_lang(request.query_params.get("lang"), lang)
        except BadRequestError as exc:
            return error_response(self.server, request, 400, exc.message, lang)
        return self._page(lang, 200, "form")

    async def back_to_form(self, request: Request, lang: Lang) -> Response:
        return RedirectResponse(self.server.urls.import_page(lang), status_code=303)

    async def preview(self, request: Request, lang: Lang) -> Response:
        self._expire()
        nonce = secrets.token_urlsafe(32)
        folder = self.staging / nonce
        try:
            upload = await read_upload(
                request, folder, file_limit=self._file_limit, token_ok=self.token_ok
            )
        except UploadError as exc:
            _discard(folder)
            return self._refused(exc, lang)
        except ClientDisconnect:
            _discard(folder)
            return Response(status_code=400)
        options = ImportOptions.from_fields(upload.fields)
        kept = _kept_fields(options)
        if not self.token_ok(upload.fields.get("token", "")):
            _discard(folder)
            return self._refused(UploadError("token"), lang, kept)
        if upload.path is None:
            _discard(folder)
            return self._page(lang, 400, "form", notice=_notice("import_no_file", lang), kept=kept)
        path = upload.path
        try:
            limit = self._format_limit(path)
            if upload.size > limit:
                _discard(folder)
                too_large = UploadError("too_large", size=upload.size, limit=limit)
                return self._refused(too_large, lang, kept)
            report = await run_in_threadpool(self._import, path, options, True)
        except DataFileError as exc:
            _discard(folder)
            return self._problems(exc, path.name, lang, kept)
        except BaseException:  # a store error, say: the staged file does not stay behind
            _discard(folder)
            raise
        if report.status == "already_imported":
            _discard(folder)
            return self._page(lang, 200, "already", notice=self._already(report, lang))
        self._add(nonce, Pending(folder, path, options, clock()))
        return self._page(lang, 200, "preview", **self._preview_data(report, nonce, lang))

    async def confirm(self, request: Request, lang: Lang) -> Response:
        self._expire()
        try:
            fields = await _small_form(request)
        except UploadError as exc:
            return self._refused(exc, lang)
        nonce = fields.get("nonce", "")
        pending = self.pending.pop(nonce, None)
        if pending is None:
            key, values = self.finished.get(nonce, ("import_unknown_nonce", {}))
            return self._page(lang, 400, "form", notice=_notice(key, lang, **values))
        self._finish(nonce, "import_consumed_failed", {})
        try:
            report = await run_in_threadpool(self._import, pending.path, pending.options, False)
        except DataFileError as exc:  # the store changed since the check (a unit, say)
            return self._problems(exc, pending.path.name, lang, _kept_fields(pending.options))
        finally:
            _discard(pending.folder)
        if report.vintage is not None:
            self._finish(nonce, "import_consumed_nonce", {"id": str(report.vintage.id)})
        if report.status == "already_imported":
            return self._page(lang, 200, "already", notice=self._already(report, lang))
        notice = _notice("import_done", lang)
        return self._page(lang, 200, "done", notice=notice, **self._result_data(report, lang))

    async def template_csv(self, request: Request) -> Response:
        body = await run_in_threadpool(template_csv, self.plan)
        return _download(body, "text/csv; charset=utf-8", f"{self.plan.id}-template.csv")

    async def template_xlsx(self, request: Request) -> Response:
        body = await run_in_threadpool(template_xlsx, self.plan)
        return _download(body, _XLSX_MEDIA, f"{self.plan.id}-template.xlsx")

    # -- the token and the pending uploads ------------------------------------------------
    def token_ok(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8"), self._token)

    def _add(self, nonce: str, pending: Pending) -> None:
        self.pending[nonce] = pending
        while len(self.pending) > MAX_PENDING:
            old, dropped = self.pending.popitem(last=False)
            _discard(dropped.folder)
            self._finish(old, "import_replaced_nonce", {})

    def _expire(self) -> None:
        now = clock()
        for nonce, pending in list(self.pending.items()):
            if now - pending.created > PENDING_SECONDS:
                del self.pending[nonce]
                _discard(pending.folder)
                self._finish(nonce, "import_expired_nonce", {"minutes": str(PENDING_SECONDS // 60)})

    def _finish(self, nonce: str, key: str, values: dict[str, str]) -> None:
        self.finished[nonce] = (key, values)
        while len(self.finished) > 1024:
            self.finished.popitem(last=False)

    def _file_limit(self, name: str) -> int:
        return limit_for(name, self.limits.max_csv_bytes, self.limits.max_xlsx_bytes)

    def _format_limit(self, path: Path) -> int:
        """The limit for the file's format as the importer reads it (an XLSX named .csv)."""
        if reader_for(path).format == "xlsx":
            return self.limits.max_xlsx_bytes
        return self.limits.max_csv_bytes

    def _import(self, path: Path, options: ImportOptions, dry_run: bool) -> ImportReport:
        report = import_file(
            self.store,
            path,
            self.catalog,
            dry_run=dry_run,
            sheet=options.sheet,
            source_title=options.source_title,
            source_url=options.source_url,
            limits=self.limits,
        )
        if not dry_run:
            # The pages show the new vintage at once, not at the provider's next check.
            self.server.provider.revision(now=True)
        return report

    # -- pages ---------------------------------------------------------------------------
    def _page(
        self,
        lang: Lang,
        status: int,
        state: str,
        *,
        notice: dict[str, str] | None = None,
        kept: dict[str, str] | None = None,
        **data: Any,
    ) -> Response:
        urls = self.server.urls
        other: Lang = "en" if lang == "ja" else "ja"
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
            "form": self._form_data(lang, kept or {}),
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
            "confirm": urls.import_page(lang, "confirm"),
            "template_csv": urls.import_page(lang, "template.csv"),
            "template_xlsx": urls.import_page(lang, "template.xlsx"),
            "max_csv": megabytes(self.limits.max_csv_bytes),
            "max_xlsx": megabytes(self.limits.max_xlsx_bytes),
            "max_csv_bytes": self.limits.max_csv_bytes,
            "max_xlsx_bytes": self.limits.max_xlsx_bytes,
            "values": kept,
            "minutes": PENDING_SECONDS // 60,
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
        self, exc: UploadError, lang: Lang, kept: dict[str, str] | None = None
    ) -> Response:
        if exc.kind == "token":
            return self._page(lang, 403, "form", notice=_notice("import_bad_token", lang))
        if exc.kind == "too_large":
            limit = megabytes(exc.limit)
            if exc.size:
                notice = _notice("import_too_large", lang, size=megabytes(exc.size), limit=limit)
            else:
                notice = _notice("import_over_limit", lang, limit=limit)
            return self._page(lang, 413, "form", notice=notice, kept=kept)
        notice = _notice("import_bad_form", lang, detail=exc.detail)
        return self._page(lang, 400, "form", notice=notice, kept=kept)

    def _problems(
        self, exc: DataFileError, file_name: str, lang: Lang, kept: dict[str, str]
    ) -> Response:
        problems = exc.problems
        count = exc.total
        key = "import_problem_one" if count == 1 else "import_problems_count"
        notice = _notice(key, lang, n=f"{count:,}")
        listed = [_problem_row(p, lang) for p in problems[:MAX_PROBLEMS]]
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
            file=file_name,
            problems=listed,
            problems_more=count - len(listed),
            problem_kinds=by_kind if count > len(listed) else [],
        )

    def _already(self, report: ImportReport, lang: Lang) -> dict[str, str]:
        vintage = report.vintage
        when = f"{vintage.recorded_at:%Y-%m-%d %H:%M} UTC" if vintage else "?"
        ident = str(vintage.id) if vintage else "?"
        return _notice("import_already", lang, id=ident, when=when)

    def _preview_data(self, report: ImportReport, nonce: str, lang: Lang) -> dict[str, Any]:
        changes = report.changes(limit=MAX_CHANGES)
        changed = report.new_count + report.revised_count
        return {
            "file": report.file,
            "counts": _counts(report),
            "warnings": [w.full(lang) for w in report.warnings],
            "changes": [
                {
                    "row": c.row,
                    "series": c.series,
                    "label": self._series_label(c.series, lang),
                    "period": c.period,
                    "old": "" if c.old_value is None else _number(c.old_value),
                    "new": _number(c.value),
                    "unit": _unit_label(self.catalog[c.series].unit, lang),
                    "status": c.status,
                    "status_label": UI[f"import_{c.status}"].get(lang),
                }
                for c in changes
            ],
            "changes_more": changed - len(changes),
            "more_text": UI["import_more_changes"]
            .get(lang)
            .format(n=f"{changed - len(changes):,}"),
            "nonce": nonce,
            "confirm_help": UI["import_confirm_help"]
            .get(lang)
            .format(minutes=PENDING_SECONDS // 60),
        }

    def _result_data(self, report: ImportReport, lang: Lang) -> dict[str, Any]:
        vintage = report.vintage
        changed: list[str] = []
        if report.rows is not None:
            rows = report.rows.filter(pl.col("status").is_in([NEW, REVISED]))
            changed = rows["series"].unique(maintain_order=True).to_list()
        kpis: dict[str, dict[str, Any]] = {}
        for series_id in changed:
            kpi = self.kpi_of.get(series_id)
            if kpi is not None:
                entry = kpis.setdefault(
                    kpi.id, {"id": kpi.id, "title": tx(kpi.title, lang), "series": []}
                )
                entry["series"].append(series_id)
        return {
            "file": report.file,
            "counts": _counts(report),
            "warnings": [w.full(lang) for w in report.warnings],
            "vintage": {
                "id": vintage.id if vintage else None,
                "recorded_at": f"{vintage.recorded_at:%Y-%m-%d %H:%M:%S} UTC" if vintage else "",
                "file_name": vintage.file_name if vintage else report.file,
            },
            "kpis": list(kpis.values()),
        }

    def _series_label(self, series_id: str, lang: Lang) -> str:
        info = self.catalog.get(series_id)
        return tx(info.label, lang) if info else ""


def _notice(key: str, lang: Lang, **values: str) -> dict[str, str]:
    return {"key": key, "text": UI[key].get(lang).format(**values)}


def _kept_fields(options: ImportOptions) -> dict[str, str]:
    """The form's fields to fill in again (never the token)."""
    return {
        "sheet": options.sheet or "",
        "source_title": options.source_title or "",
        "source_url": options.source_url or "",
    }


def _counts(report: ImportReport) -> dict[str, int]:
    return {
        "new": report.new_count,
        "revised": report.revised_count,
        "unchanged": report.unchanged_count,
    }


def _problem_row(problem: Problem, lang: Lang) -> dict[str, Any]:
    place = problem.cell or problem.column
    if problem.cell and problem.column:
        place = f"{problem.cell} ({problem.column})"
    return {
        "row": problem.row or "",
        "place": place or UI["import_whole_file"].get(lang),
        "value": problem.value,
        "code": problem.code,
        "reason": problem.message.text(lang),
        "hint": problem.message.hint(lang),
    }


def _number(value: float) -> str:
    return f"{value:,.10g}"


def _unit_label(code: str, lang: Lang) -> str:
    try:
        return unit(code).symbol.get(lang) or code
    except UnitError:
        return code


def _discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _download(body: bytes, media_type: str, name: str) -> Response:
    quoted = urllib.parse.quote(name)
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"}
    return Response(body, media_type=media_type, headers=headers)


async def _small_form(request: Request) -> dict[str, str]:
    """A short URL-encoded form (the confirmation), read up to a few KB."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > _MAX_CONFIRM_BYTES:
        raise UploadError("too_large", size=int(declared), limit=_MAX_CONFIRM_BYTES)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_CONFIRM_BYTES:
            raise UploadError("too_large", size=len(body), limit=_MAX_CONFIRM_BYTES)
    text = body.decode("utf-8", "replace")
    return {k: v[-1] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items()}
