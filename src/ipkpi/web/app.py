"""The dashboard as an ASGI app: thin routes over :class:`~.dashboard.Dashboard`.

Each route reads its parameters strictly, asks the dashboard for the page in the wanted
format, and keeps the bytes: data change only on import, so a page is rendered once per
(route, parameters, language, date, format) and served from memory until the provider sees
new data.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Match, Mount, Route

from ..charts.render import javascript_bundle
from ..followup import FollowUpProvider
from ..followup.store_source import StoreSource
from ..service.notify import Mailer, MailSettings
from ..store import ImportLimits
from ..text import Lang, t
from .account import AccountDesk
from .api import ApiDesk
from .cache import PageCache
from .dashboard import Dashboard
from .errors import error_response
from .health import health_endpoint
from .imports import ImportDesk
from .openapi import openapi
from .pages import PAGES, NotFoundError, Page, not_found
from .params import BadRequestError, parse_as_of, parse_lang, single_values
from .security import SecurityMiddleware
from .submissions_pages import SubmissionDesk
from .urls import ServerUrls

#: The address the server is reached at when none is configured (``ipkpi serve`` passes its
#: own): redirects and the same-origin check are built from it, never from ``Host``.
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"

STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = {"style.css", "app.js", "chart.js", "favicon.ico"}


class Server:
    def __init__(
        self,
        provider: FollowUpProvider,
        *,
        base: str = "",
        public_url: str | None = None,
        import_limits: ImportLimits | None = None,
        mail: MailSettings | None = None,
    ) -> None:
        self.dashboard = Dashboard(provider)
        service = isinstance(provider.source, StoreSource)
        self.urls = ServerUrls(base, imports=service)
        self.public_url = (public_url or DEFAULT_PUBLIC_URL + base).rstrip("/")
        #: Where redirects point: the public URL, whose path is the base (``/ipkpi``) or none.
        self.public_base = self.public_url.removesuffix(self.urls.base)
        self.urls.origin = self.public_base  # og:image must be absolute for link previews
        #: Sends the notifications (None: no SMTP host configured, nothing is sent).
        self.mailer = Mailer(mail, self.public_url) if mail is not None else None
        self.cache = PageCache()
        provider.on_change(lambda _revision: self.cache.clear())
        self.provider = provider
        self.imports: ImportDesk | None = None
        self.submissions: SubmissionDesk | None = None
        self.api: ApiDesk | None = None
        self.store_engine = None
        if isinstance(provider.source, StoreSource):
            store = provider.source.store
            self.store_engine = store.engine
            self.accounts = AccountDesk(self, store.engine)
            self.imports = ImportDesk(self, store, import_limits)
            self.submissions = SubmissionDesk(self, store, self.imports)
            self.api = ApiDesk(self, store, self.imports)

    async def page(self, request: Request, *, declared: Page, path_lang: Lang) -> Response:
        lang = path_lang
        route = declared.name
        try:
            query = single_values(request.query_params.multi_items())
            lang = parse_lang(query.get("lang"), path_lang)
            as_of = parse_as_of(query.get("as_of"))
            params, fmt = declared.split(request.path_params)
            if fmt not in declared.formats:
                raise not_found("形式", "format", fmt)
            kept = {p.name: query[p.name] for p in declared.query if query.get(p.name)}
            key = (route, tuple(params.items()), lang, as_of, fmt, tuple(kept.items()))
            self.provider.revision()
            found = self.cache.get(key)
            if found is None:
                rendered = await run_in_threadpool(
                    self.dashboard.render, route, params, lang, as_of, fmt, self.urls, kept
                )
                found = self.cache.put(key, rendered, keep=declared.cache)
        except BadRequestError as exc:
            return error_response(self, request, 400, exc.message, lang)
        except NotFoundError as exc:
            return error_response(self, request, 404, exc.message, lang)
        headers = {"ETag": found.etag, "Cache-Control": "no-cache"}
        if found.rendered.filename:
            headers["Content-Disposition"] = f'attachment; filename="{found.rendered.filename}"'
        if request.headers.get("if-none-match") == found.etag:
            return Response(status_code=304, headers=headers)
        return Response(found.rendered.body, media_type=found.rendered.media_type, headers=headers)

    async def static(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        if name == "vega-bundle.js":
            bundle = await run_in_threadpool(javascript_bundle)
            return FileResponse(bundle, media_type="text/javascript")
        if name not in STATIC_FILES:
            return Response("not found", status_code=404, media_type="text/plain")
        return FileResponse(STATIC_DIR / name)

    async def favicon(self, request: Request) -> Response:
        return FileResponse(STATIC_DIR / "favicon.ico", media_type="image/x-icon")

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi(self.dashboard.plan_title, api=self.api is not None))

    def routes(self, lang: Lang) -> list[Route]:
        service: list[Route] = []
        if self.imports is not None and self.submissions is not None:
            service = [
                *self.accounts.routes(lang),
                *self.imports.routes(lang),
                *self.submissions.routes(lang),
            ]
        return [
            *service,
            *(
                Route(path, partial(self.page, declared=declared, path_lang=lang))
                for declared in PAGES
                for path in declared.route_paths()
            ),
        ]


def create_app(
    provider: FollowUpProvider,
    *,
    base: str = "",
    public_url: str | None = None,
    import_limits: ImportLimits | None = None,
    mail: MailSettings | None = None,
) -> Starlette:
    """The dashboard app over ``provider``'s follow-ups.

    Over the observation store (a :class:`StoreSource`) the app also has the service pages:
    sign-in, the account, the data import (:mod:`.imports`) and the submissions;
    ``import_limits`` are the file size limits there (default
    :class:`~ipkpi.store.ImportLimits`). ``public_url`` is the address people reach the
    server at (``https://kpi.example.go.jp/ipkpi``): redirects and the same-origin check
    are built from it. ``mail``: where notifications are sent from (:mod:`ipkpi.service.notify`;
    None: none are sent).
    """
    server = Server(
        provider, base=base, public_url=public_url, import_limits=import_limits, mail=mail
    )

    async def not_found(request: Request, exc: Exception) -> Response:
        lang: Lang = "en" if request.url.path.startswith("/en/") else "ja"
        other = _slash_twin(app, request)
        if other is not None:  # /part/x/ → /part/x, on the configured address
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(server.public_base + other + query, status_code=308)
        return error_response(
            server, request, 404, t("ページが見つかりません。", "no such page"), lang
        )

    routes: list[Route | Mount] = [
        Route("/favicon.ico", server.favicon),
        Route("/openapi.json", server.openapi),
        Route("/healthz", health_endpoint(server.store_engine)),
        Route("/static/{name}", server.static),
        *(server.api.routes() if server.api is not None else []),
        *server.routes("ja"),
        Mount("/en", routes=server.routes("en")),
    ]

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # What was built before serving (the plan, the follow-ups, the pages' cache) lives as
        # long as the process: kept out of the cyclic GC, a full collection does not walk it
        # in the middle of a request (the signed-in page's p95).
        gc.collect()
        gc.freeze()
        yield
        if server.imports is not None:
            server.imports.close()  # pending uploads are dropped with the staging folder

    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found},
        lifespan=lifespan,
        middleware=[Middleware(SecurityMiddleware, public_url=server.public_url)],
    )
    # Starlette's own slash redirect builds its Location from the Host header: ours (above)
    # uses the configured public URL.
    app.router.redirect_slashes = False
    app.state.server = server
    return app


def _slash_twin(app: Starlette, request: Request) -> str | None:
    """The same path with its trailing slash added or removed, when that is a page."""
    path = request.url.path
    if request.method not in ("GET", "HEAD") or path in ("", "/") or "//" in path:
        return None
    other = path[:-1] if path.endswith("/") else path + "/"
    scope = {**request.scope, "path": other, "raw_path": other.encode()}
    for route in app.router.routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return other
    return None
