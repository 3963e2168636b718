"""The submissions pages: a ministry's drafts and what the secretariat reviews.

``GET /submissions`` lists what the person may see (filtered in SQL by ministry);
``GET /submissions/{id}`` shows one with its history and, while it is not published, what it
would change in the published data (a dry run: the diff the reviewer judges); ``POST
/submissions/{id}/{step}`` moves it on (submit, recall, return with a comment, accept,
publish, withdraw) with the form's CSRF token and the version it was shown at: a change made
meanwhile by someone else is refused (409) with "changed by X at T". Another ministry's
submission is a 404, exactly like one that does not exist (and the attempt is audited).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..ministries import ministries
from ..service import audit, data_files, measure_updates, notify, submissions
from ..service.authz import SITE, ForbiddenError, allowed, ministries_for
from ..store import DataFileError, Store
from ..text import Lang
from .account import FormTooLargeError, small_form
from .auth import CSRF_FIELD, Caller, caller, client_ip, csrf_ok, reading_request
from .measure_review import measure_diff_data, open_cycles
from .service_strings import SV

if TYPE_CHECKING:
    from .app import Server
    from .imports import ImportDesk

_STEP_ACTIONS = {name: step.action for name, step in submissions.TRANSITIONS.items()}


class SubmissionDesk:
    def __init__(self, server: Server, store: Store, imports: ImportDesk) -> None:
        self.server = server
        self.store = store
        self.imports = imports

    def routes(self, lang: Lang) -> list[Route]:
        def bound(
            handler: Callable[[Request, Lang], Awaitable[Response]],
        ) -> Callable[[Request], Awaitable[Response]]:
            async def endpoint(request: Request) -> Response:
                return await handler(request, lang)

            return endpoint

        return [
            Route("/submissions", bound(self.listing), methods=["GET"]),
            Route("/submissions/{ident:int}", bound(self.detail), methods=["GET"]),
            Route("/submissions/{ident:int}/{step:str}", bound(self.step), methods=["POST"]),
        ]

    async def listing(self, request: Request, lang: Lang) -> Response:
        def read(conn: Connection, who: Caller) -> tuple[list[submissions.Submission], Any]:
            if who.session is None:
                return [], []
            # the open cycles are for the measure-update form: only for those who may create
            may_create = bool(ministries_for(who.actor, "submission.create"))
            cycles = open_cycles(conn, lang) if may_create else []
            return submissions.listing(conn, who.actor), cycles

        who, (found, cycles) = await reading_request(self.store.engine, request, read)
        if who.session is None:
            return self.server.accounts.to_signin(request, lang)
        rows = [_summary(s, lang) for s in found]
        creatable = sorted(ministries_for(who.actor, "submission.create") or set())
        return self.server.accounts.page(
            lang, "submissions.html", who=who, submissions=rows, cycles=cycles,
            creatable=creatable, import_action=self.server.urls.import_page(lang),
        )  # fmt: skip

    async def detail(self, request: Request, lang: Lang, **extra: Any) -> Response:
        who = await caller(self.store.engine, request)
        if who.session is None:
            return self.server.accounts.to_signin(request, lang)
        ident = int(request.path_params["ident"])
        try:
            found = await run_in_threadpool(submissions.get, self.store.engine, who.actor, ident)
        except submissions.NotFoundError:
            return self._not_found(who, lang)
        status = int(extra.pop("status", 200))
        data = await run_in_threadpool(self._detail_data, who, found, lang)
        return self.server.accounts.page(
            lang, "submission.html", status, who=who, title_key="submission",
            **data, **extra,
        )  # fmt: skip

    def _not_found(self, who: Caller, lang: Lang) -> Response:
        return self.server.accounts.page(
            lang, "submission.html", 404, who=who, notice=SV["not_found"].get(lang),
            submission=None,
        )  # fmt: skip

    def _detail_data(
        self, who: Caller, found: submissions.Submission, lang: Lang
    ) -> dict[str, Any]:
        diff: dict[str, Any] | None = None
        measures: dict[str, Any] | None = None
        if found.state in submissions.OPEN_STATES and found.kind == measure_updates.KIND:
            measures = measure_diff_data(self.store.engine, self.imports.plan, found, lang)
        elif found.state in submissions.OPEN_STATES:
            try:
                report = data_files.check(
                    self.store, self.imports.catalog, found, self.imports.limits
                )
                if report.status == "already_imported":
                    diff = {"already": True}
                else:
                    diff = self.imports._preview_data(report, lang)
            except DataFileError as exc:  # the published data changed since (a unit, say)
                diff = {"problems": [str(p) for p in exc.problems[:50]]}
        history = audit.events(self.store.engine, limit=100, object_type="submission",
                               object_id=str(found.id))  # fmt: skip
        auditor = allowed(who.actor, "audit.view", SITE)
        steps = [
            name
            for name, action in _STEP_ACTIONS.items()
            if found.state in submissions.TRANSITIONS[name].from_states
            and allowed(who.actor, action, found.resource)
        ]
        can_edit = found.state in ("draft", "returned") and allowed(
            who.actor, "submission.edit", found.resource
        )
        return {
            "submission": _summary(found, lang),
            "diff": diff,
            "measures": measures,
            "history": [
                {
                    "at": e.at,
                    "actor": e.actor,
                    "action": e.action,
                    "label": _action_label(e.action, lang),
                    "comment": e.detail.get("comment", ""),
                }
                for e in reversed(history)
                if e.action != "authz.denied" or auditor  # refusals: for the audit's readers
            ],
            "steps": steps,
            "can_edit": can_edit,
            "import_form": self.imports._form_data(lang, {}),
        }

    async def step(self, request: Request, lang: Lang) -> Response:
        who = await caller(self.store.engine, request)
        try:
            form = await small_form(request)
        except FormTooLargeError:
            return Response("413 the form is too large", 413, media_type="text/plain")
        if who.session is None:
            return self.server.accounts.to_signin(request, lang)
        if not csrf_ok(who, form.get(CSRF_FIELD)):
            return await self.detail(request, lang, status=403, notice=SV["csrf_failed"].get(lang))
        ident = int(request.path_params["ident"])
        name = str(request.path_params["step"])
        version = int(form["version"]) if form.get("version", "").isdigit() else -1
        publish = {
            data_files.KIND: data_files.publisher(
                self.store, self.imports.catalog, self.imports.limits
            ),
            measure_updates.KIND: measure_updates.publisher(self.store.engine, self.imports.plan),
        }
        try:
            done = await run_in_threadpool(
                lambda: submissions.transition(
                    self.store.engine, who.actor, ident, name, version,
                    comment=form.get("comment", ""), ip=client_ip(request), publish=publish,
                )
            )  # fmt: skip
        except submissions.NotFoundError:  # audited once, by the refused step
            return self._not_found(who, lang)
        except ForbiddenError:
            return await self.detail(request, lang, status=403, notice=SV["forbidden"].get(lang))
        except submissions.StaleError as exc:
            current = exc.current
            notice = (
                SV["stale"]
                .get(lang)
                .format(name=current.updated_by_name, at=f"{current.updated_at:%Y-%m-%d %H:%M} UTC")
            )
            return await self.detail(request, lang, status=409, notice=notice)
        except measure_updates.MeasureFileError as exc:
            notice = " ".join(exc.lines(lang))
            return await self.detail(request, lang, status=400, notice=notice)
        except (submissions.SubmissionError, DataFileError) as exc:
            return await self.detail(request, lang, status=400, notice=str(exc))
        if name == "publish":
            self.server.provider.revision(now=True)  # the public pages show it at once
        mailer, engine = self.server.mailer, self.store.engine
        await run_in_threadpool(notify.notify_step, engine, mailer, done, name, who.actor)
        path = self.server.urls.service_page(lang, f"submissions/{ident}")
        return self.server.accounts.redirect(path.removeprefix(self.server.urls.base))


def _action_label(action: str, lang: Lang) -> str:
    """``submission.return`` → 差し戻した / returned; an action without words: its code."""
    key = "did_" + action.removeprefix("submission.").replace(".", "_")
    return SV[key].get(lang) if key in SV else action


def _summary(found: submissions.Submission, lang: Lang) -> dict[str, Any]:
    return {
        "id": found.id,
        "kind": found.kind,
        "kind_label": SV[f"kind_{found.kind}"].get(lang),
        "cycle": found.options.get("cycle", ""),
        "batch_id": found.batch_id,
        "ministry": found.ministry,
        "ministry_label": ministries().get(found.ministry).label(lang),
        "reviewed_at": f"{found.reviewed_at:%Y-%m-%d %H:%M}" if found.reviewed_at else "",
        "title": found.title,
        "state": found.state,
        "state_label": SV[f"state_{found.state}"].get(lang),
        "file_name": found.file_name,
        "file_size": found.file_size,
        "created_by": found.created_by_name,
        "created_at": f"{found.created_at:%Y-%m-%d %H:%M}",
        "updated_by": found.updated_by_name,
        "updated_at": f"{found.updated_at:%Y-%m-%d %H:%M}",
        "review_comment": found.review_comment,
        "reviewed_by": found.reviewed_by_name,
        "vintage_id": found.vintage_id,
        "version": found.version,
    }
