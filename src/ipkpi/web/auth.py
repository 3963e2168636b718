"""Who is asking: the session cookie or the bearer token of a request, read from its headers.

Reading the actor needs only the headers, so every page that writes checks it before a byte
of the body is read (issue 14: a stranger cannot make the server stage a file). The session
cookie is ``__Host-ipkpi_session``: ``Secure``, ``HttpOnly``, ``SameSite=Lax``, ``Path=/``,
no ``Domain`` (ASVS 3.3.1). Browsers keep ``Secure`` cookies on ``http://localhost`` and
``http://127.0.0.1`` (a "potentially trustworthy" origin), so signing in works on a local
``ipkpi serve`` without TLS; anywhere else the site must be served over HTTPS
(docs/deploy.md).

A cookie-authenticated unsafe request must carry the session's CSRF token (form field
``csrf_token`` or header ``X-CSRF-Token``; ASVS 3.5.1); a bearer-token request needs none
(nothing is sent by a browser on its own). A bearer token that is unknown, revoked or expired
is a 401 with ``WWW-Authenticate: Bearer error="invalid_token"``.

A signed-in page reads through one connection (:func:`reading_request`): who is asking
(:func:`caller_on`, one query) and the page's rows, in one thread of at most
:data:`STORE_THREADS` per process. More threads than the connection pool holds made the pool
open and close a PostgreSQL connection (a backend process) per request under load: 66-93
requests/s and a p95 of 520-700 ms at 32 connections before, docs/deploy.md for the figures
after.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from sqlalchemy import Connection, Engine
from starlette.requests import HTTPConnection
from starlette.responses import Response

from ..service import sessions, tokens
from ..service.authz import ANONYMOUS, Actor
from ..service.db import Bind

SESSION_COOKIE = "__Host-ipkpi_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: Threads reading the store for requests at once, per process: under the connection
#: pool's size (5), so a request never waits for a connection to be opened.
STORE_THREADS = 4
_limiter: list[CapacityLimiter] = []
T = TypeVar("T")


@dataclass(frozen=True)
class Caller:
    """The actor of a request, its session (None: anonymous or a token), and whether it
    presented a credential that was refused (a bad bearer token or a dead session cookie)."""

    actor: Actor
    session: sessions.Session | None = None
    refused: bool = False
    cookie: str | None = None

    @property
    def csrf_token(self) -> str:
        return self.session.csrf_token if self.session else ""


def client_ip(request: HTTPConnection) -> str:
    """The client's address (behind a proxy: as uvicorn's ``--forwarded-allow-ips`` sets it)."""
    return request.client.host if request.client else "unknown"


async def in_store(work: Callable[[], T]) -> T:
    """Run ``work`` (which reads or writes the store) in a thread, at most
    :data:`STORE_THREADS` at once in this process."""
    if not _limiter:
        _limiter.append(CapacityLimiter(STORE_THREADS))
    return await anyio.to_thread.run_sync(work, limiter=_limiter[0])


async def reading_request(
    engine: Engine, request: HTTPConnection, work: Callable[[Connection, Caller], T]
) -> tuple[Caller, T]:
    """Who is asking and ``work``'s result, read through one connection in one thread."""

    def run() -> tuple[Caller, T]:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":  # no BEGIN and ROLLBACK round trips
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            who = caller_on(conn, request)
            return who, work(conn, who)

    return await in_store(run)


async def caller(engine: Engine, request: HTTPConnection) -> Caller:
    return await in_store(lambda: caller_on(engine, request))


def caller_on(bind: Bind, request: HTTPConnection) -> Caller:
    """Who is asking, read through ``bind`` (one query for a session or a token)."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        actor = tokens.authenticate(bind, header[7:].strip())
        return Caller(actor) if actor else Caller(ANONYMOUS, refused=True)
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return Caller(ANONYMOUS)
    found = sessions.lookup(bind, cookie)
    if found is None:
        return Caller(ANONYMOUS, refused=True, cookie=cookie)
    return Caller(found.actor, found, cookie=cookie)


def csrf_ok(who: Caller, given: str | None) -> bool:
    """Whether an unsafe request of ``who`` may go on: a token request always, a session
    request with its own CSRF token."""
    if who.actor.via == "token":
        return True
    if who.session is None or not given:
        return False
    return hmac.compare_digest(given.encode(), who.session.csrf_token.encode())


def set_session_cookie(response: Response, value: str) -> None:
    response.set_cookie(SESSION_COOKIE, value, path="/", secure=True, httponly=True, samesite="lax")


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="lax")


def invalid_token() -> Response:
    return Response(
        "401 Unauthorized: the API token is unknown, revoked or expired.\n",
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        media_type="text/plain; charset=utf-8",
    )


def user_data(who: Caller | None) -> dict[str, Any] | None:
    """Who is signed in, for the pages' header (None: nobody)."""
    if who is None or not who.actor.signed_in:
        return None
    actor = who.actor
    return {
        "email": actor.email,
        "name": actor.display_name,
        "global_role": actor.global_role,
        "memberships": sorted(actor.memberships.items()),
    }
