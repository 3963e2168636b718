"""Security headers on every response and the same-origin rule for every unsafe request.

Every response gets a Content-Security-Policy (scripts, styles, images and connections from
this site only; no plug-ins; no framing: ``frame-ancestors 'none'`` plus the older
``X-Frame-Options: DENY``), ``X-Content-Type-Options: nosniff``, a Referrer-Policy that sends
no path to other sites, and HSTS when the site is served over HTTPS (ASVS 3.4.1, 3.4.3-3.4.6).

``'unsafe-eval'`` is allowed for scripts because Vega compiles the chart specs' expressions
with ``new Function``; no inline script runs (the chart spec is inert JSON in the page), and
``'unsafe-inline'`` is allowed for styles only (Vega writes style attributes on its SVG).

An unsafe request (POST, PUT, PATCH, DELETE) is refused with 403 when the browser says it
comes from another site: ``Sec-Fetch-Site`` other than ``same-origin`` or ``none``, or, when
that header is absent, an ``Origin`` that is not the site's configured origin (Datasette's
check; ASVS 3.5.3). Clients that send neither (scripts with a bearer token, curl) pass here;
a cookie-authenticated request must also carry the session's CSRF token
(:mod:`.auth`), so a forged form fails twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
HSTS = (b"strict-transport-security", b"max-age=31536000")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_LOOPBACK = ("localhost", "127.0.0.1", "[::1]")


def origin_of(url: str) -> str:
    """``https://kpi.example.go.jp:8443/ipkpi`` → ``https://kpi.example.go.jp:8443``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def allowed_origins(public_url: str) -> frozenset[str]:
    """The configured origin; for a loopback address, its other loopback spellings too
    (``http://localhost:8000`` and ``http://127.0.0.1:8000`` are the same local server)."""
    origin = origin_of(public_url)
    parts = urlsplit(origin)
    host = parts.hostname or ""
    if host not in ("localhost", "127.0.0.1", "::1"):
        return frozenset({origin})
    port = f":{parts.port}" if parts.port else ""
    return frozenset(f"{parts.scheme}://{name}{port}" for name in _LOOPBACK)


def cross_site(headers: Headers, origins: Iterable[str]) -> str | None:
    """Why an unsafe request must be refused as cross-site (None: it may go on)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        if fetch_site in ("same-origin", "none"):
            return None
        return f"Sec-Fetch-Site is {fetch_site!r}"
    origin = headers.get("origin")
    if origin is not None and origin.lower() not in set(origins):
        return f"Origin {origin!r} is not this site"
    return None


class SecurityMiddleware:
    """Adds :data:`HEADERS` to every response; refuses cross-site unsafe requests (403)."""

    def __init__(self, app: ASGIApp, *, public_url: str) -> None:
        self.app = app
        self.origins = allowed_origins(public_url)
        self.headers = HEADERS + ((HSTS,) if public_url.startswith("https://") else ())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in self.headers if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        if scope["method"] in UNSAFE_METHODS:
            reason = cross_site(Headers(scope=scope), self.origins)
            if reason is not None:
                await _refuse(with_headers, reason)
                return
        await self.app(scope, receive, with_headers)


async def _refuse(send: Send, reason: str) -> None:
    body = (
        "403 Forbidden: this request came from another site and was refused "
        f"({reason}). / 他のサイトからの送信は受け付けません。\n"
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
