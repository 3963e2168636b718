"""Signing in and out, and one's own account: roles and API tokens.

``GET /signin`` is the form; ``POST /signin`` checks it (rate limits first: 429 with
``Retry-After``), starts a new session (the old cookie, if any, is deleted: no fixation) and
redirects to the page asked for, built from the configured public URL (never from the
``Host`` header). ``POST /signout`` ends the session. ``/account`` lists the person's roles
and tokens; a token is created and revoked there (CSRF token required).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..service import ratelimit, signin, tokens
from ..service.authz import ForbiddenError
from ..text import Lang
from .auth import (
    CSRF_FIELD,
    Caller,
    caller,
    clear_session_cookie,
    client_ip,
    csrf_ok,
    set_session_cookie,
    user_data,
)
from .render import render_html
from .service_strings import SV, sv_strings

if TYPE_CHECKING:
    from .app import Server

MAX_FORM_BYTES = 8192


class FormTooLargeError(Exception):
    """A URL-encoded form past :data:`MAX_FORM_BYTES`."""


async def small_form(request: Request) -> dict[str, str]:
    """A short URL-encoded form, read up to :data:`MAX_FORM_BYTES` (then refused)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise FormTooLargeError()
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormTooLargeError()
    text = body.decode("utf-8", "replace")
    return {k: v[-1] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items()}


def safe_next(value: str | None, fallback: str) -> str:
    """A path on this site to go to after signing in (never another site: no ``//`` or
    scheme)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return fallback
    return value


class AccountDesk:
    def __init__(self, server: Server, engine: Engine) -> None:
        self.server = server
        self.engine = engine

    def routes(self, lang: Lang) -> list[Route]:
        def bound(
            handler: Callable[[Request, Lang], Awaitable[Response]],
        ) -> Callable[[Request], Awaitable[Response]]:
            async def endpoint(request: Request) -> Response:
                return await handler(request, lang)

            return endpoint

        return [
            Route("/signin", bound(self.signin_form), methods=["GET"]),
            Route("/signin", bound(self.signin), methods=["POST"]),
            Route("/signout", bound(self.signout), methods=["POST"]),
            Route("/account", bound(self.account), methods=["GET"]),
            Route("/account/tokens", bound(self.create_token), methods=["POST"]),
            Route("/account/tokens/revoke", bound(self.revoke_token), methods=["POST"]),
        ]

    # -- pages -------------------------------------------------------------------------
    def page(
        self,
        lang: Lang,
        template: str,
        status: int = 200,
        *,
        who: Caller | None = None,
        notice: str | None = None,
        **data: Any,
    ) -> Response:
        urls = self.server.urls
        other: Lang = "en" if lang == "ja" else "ja"
        name = template.removesuffix(".html")
        page = {
            "page": name,
            "params": {},
            "lang": lang,
            "title": SV[data.pop("title_key", name)].get(lang),
            "alternate": urls.service_page(other, name),
            "as_of": None,
            "vintages": [],
            "sv": sv_strings(lang),
            "notice": notice,
            "user": user_data(who),
            "csrf": who.csrf_token if who else "",
            "signout": urls.service_page(lang, "signout"),
            **data,
        }
        html = render_html(page, urls, template=template)
        headers = {"Cache-Control": "no-store"}
        return Response(html, status, headers=headers, media_type="text/html; charset=utf-8")

    def redirect(self, path: str) -> Response:
        """A 303 to ``path`` (a path under the site's base) on the configured public URL."""
        return RedirectResponse(self.server.public_base + path, status_code=303)

    async def signin_form(self, request: Request, lang: Lang) -> Response:
        who = await caller(self.engine, request)
        target = safe_next(request.query_params.get("next"), self._home(lang))
        notice = SV["session_ended"].get(lang) if who.refused else None
        return self.page(lang, "signin.html", who=who, notice=notice, next=target)

    async def signin(self, request: Request, lang: Lang) -> Response:
        try:
            form = await small_form(request)
        except FormTooLargeError:
            return Response("413 the form is too large", 413, media_type="text/plain")
        target = safe_next(form.get("next"), self._home(lang))
        email = form.get("email", "")
        old = request.cookies.get("__Host-ipkpi_session")
        try:
            done = await run_in_threadpool(
                lambda: signin.sign_in(
                    self.engine, email, form.get("password", ""), ip=client_ip(request),
                    replaces=old,
                )
            )  # fmt: skip
        except ratelimit.RateLimitedError as exc:
            notice = SV["too_many"].get(lang).format(seconds=exc.retry_after)
            response = self.page(lang, "signin.html", 429, notice=notice, next=target, email=email)
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        except signin.SignInError:
            notice = SV["signin_failed"].get(lang)
            return self.page(lang, "signin.html", 401, notice=notice, next=target, email=email)
        response = self.redirect(target.removeprefix(self.server.urls.base))
        set_session_cookie(response, done.cookie)
        return response

    async def signout(self, request: Request, lang: Lang) -> Response:
        who = await caller(self.engine, request)
        form = await small_form(request)
        if who.session is not None and who.cookie and csrf_ok(who, form.get(CSRF_FIELD)):
            cookie = who.cookie
            await run_in_threadpool(
                lambda: signin.sign_out(self.engine, who.actor, cookie, ip=client_ip(request))
            )
        response = self.redirect(self._home(lang).removeprefix(self.server.urls.base))
        clear_session_cookie(response)
        return response

    async def account(self, request: Request, lang: Lang, **extra: Any) -> Response:
        who = await caller(self.engine, request)
        if who.session is None:
            return self.to_signin(request, lang)
        assert who.actor.user_id is not None
        found = await run_in_threadpool(tokens.list_for, self.engine, who.actor.user_id)
        listed = [
            {
                "id": tok.id,
                "name": tok.name,
                "prefix": tok.prefix,
                "scopes": " ".join(tok.scopes),
                "expires": f"{tok.expires_at:%Y-%m-%d}",
                "last_used": f"{tok.last_used_at:%Y-%m-%d %H:%M}" if tok.last_used_at else "",
                "revoked": tok.revoked_at is not None,
            }
            for tok in found
        ]
        status = int(extra.pop("status", 200))
        return self.page(lang, "account.html", status, who=who, tokens=listed, **extra)

    async def create_token(self, request: Request, lang: Lang) -> Response:
        who = await caller(self.engine, request)
        form = await small_form(request)
        if who.session is None:
            return self.to_signin(request, lang)
        if not csrf_ok(who, form.get(CSRF_FIELD)):
            return await self.account(request, lang, status=403, notice=SV["csrf_failed"].get(lang))
        scopes = tuple(s for s in ("read", "submit", "review") if form.get(f"scope_{s}"))
        days = int(form["days"]) if form.get("days", "").isdigit() else tokens.DEFAULT_DAYS
        try:
            secret, _ = await run_in_threadpool(
                lambda: tokens.create(
                    self.engine, who.actor, form.get("name", ""), scopes, days=days,
                    ip=client_ip(request),
                )
            )  # fmt: skip
        except ratelimit.RateLimitedError as exc:
            notice = SV["too_many"].get(lang).format(seconds=exc.retry_after)
            response = await self.account(request, lang, status=429, notice=notice)
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        except (tokens.TokenError, ForbiddenError) as exc:
            return await self.account(request, lang, status=400, notice=str(exc))
        return await self.account(request, lang, new_token=secret)

    async def revoke_token(self, request: Request, lang: Lang) -> Response:
        who = await caller(self.engine, request)
        form = await small_form(request)
        if who.session is None:
            return self.to_signin(request, lang)
        if not csrf_ok(who, form.get(CSRF_FIELD)):
            return await self.account(request, lang, status=403, notice=SV["csrf_failed"].get(lang))
        token_id = int(form["token_id"]) if form.get("token_id", "").isdigit() else -1
        await run_in_threadpool(
            lambda: tokens.revoke(self.engine, who.actor, token_id, ip=client_ip(request))
        )
        return self.redirect(self.server.urls.service_page(lang, "account").removeprefix(
            self.server.urls.base))  # fmt: skip

    # -- helpers -----------------------------------------------------------------------
    def to_signin(self, request: Request, lang: Lang) -> Response:
        here = request.url.path
        path = self.server.urls.service_page(lang, "signin").removeprefix(self.server.urls.base)
        return self.redirect(f"{path}?{urllib.parse.urlencode({'next': here})}")

    def _home(self, lang: Lang) -> str:
        return self.server.urls.page("home", lang)
