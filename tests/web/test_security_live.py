"""Issue 14 items 1 and 7 against a running server (uvicorn on a loopback port).

Each test is named in docs/security.md with the ASVS 5.0 item it covers.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.service import ratelimit
from ipkpi.store import Store
from ipkpi.web import create_app
from ipkpi.web.security import CSP

from .conftest import free_port, make_store, serving
from .service_helpers import PASSWORD, SESSION, add_person, csrf_of

EDITOR = "editor@meti.example.jp"
GOOD_CSV = "series,period,value,unit\nalpha.one.exports.jpn,2025,1.62,兆円\n"


@pytest.fixture
def live(plan: Plan, tmp_path: Path) -> Iterator[tuple[str, Any, Store]]:
    store = make_store(tmp_path / "live.db", plan)
    add_person(store, EDITOR, ministry="METI")
    provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
    port = free_port()
    app = create_app(provider, public_url=f"http://127.0.0.1:{port}")
    with serving(app, port=port) as url:
        yield url, app, store
    store.close()


def staged(app: Any) -> list[Path]:
    return [p for p in app.state.server.imports.staging.rglob("*") if p.is_file()]


def signed_in(url: str) -> tuple[dict[str, str], str]:
    """(headers with the session cookie, the CSRF token): httpx keeps no Secure cookie on
    plain http, so the cookie is sent by hand, as a browser on localhost would."""
    with httpx.Client(base_url=url) as client:
        done = client.post("/signin", data={"email": EDITOR, "password": PASSWORD})
        assert done.status_code == 303, done.text
        cookie = done.cookies[SESSION]
    headers = {"Cookie": f"{SESSION}={cookie}"}
    page = httpx.get(url + "/account", headers=headers)
    return headers, csrf_of(page.text)


def test_an_upload_without_a_session_is_refused_before_its_body_is_read(live: Any) -> None:
    url, app, _ = live
    host, port = urlsplit(url).hostname, urlsplit(url).port
    boundary = "XyZ"
    head = (
        f"POST /import HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {150 * 1024 * 1024}\r\n\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
    ).encode()
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(head + b"x" * 65536)  # 64 KB of a declared 150 MB, then nothing
        started = time.monotonic()
        answer = conn.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 401"), answer[:200]
    assert time.monotonic() - started < 5  # it did not wait for the rest of the body
    assert staged(app) == []


def test_parallel_unauthenticated_uploads_stage_nothing(live: Any) -> None:
    url, app, _ = live
    body = b"x" * (2 * 1024 * 1024)
    with httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(4):
            response = client.post("/import", files={"file": ("big.csv", body, "text/csv")})
            assert response.status_code == 401
    assert staged(app) == []


def test_repeated_refused_uploads_get_429_with_retry_after(live: Any) -> None:
    url, _, _ = live
    limit = ratelimit.UPLOAD_FAILURES_IP.limit
    with httpx.Client(base_url=url) as client:
        codes = [
            client.post("/import", files={"file": ("a.csv", b"x", "text/csv")}).status_code
            for _ in range(limit)
        ]
        assert codes == [401] * limit
        blocked = client.post("/import", files={"file": ("a.csv", b"x", "text/csv")})
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= ratelimit.UPLOAD_FAILURES_IP.window


def test_repeated_wrong_passwords_get_429_with_retry_after(live: Any) -> None:
    url, _, _ = live
    with httpx.Client(base_url=url) as client:
        for _ in range(ratelimit.SIGNIN_FAILURES_ACCOUNT.limit):
            wrong = client.post("/signin", data={"email": EDITOR, "password": "not it at all"})
            assert wrong.status_code == 401
        right = client.post("/signin", data={"email": EDITOR, "password": PASSWORD})
    assert right.status_code == 429  # even the right password waits out the window
    assert int(right.headers["retry-after"]) > 0


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}],
)
def test_a_cross_origin_post_is_refused_even_with_a_valid_session(
    live: Any, headers: dict[str, str]
) -> None:
    url, app, _ = live
    cookie, csrf = signed_in(url)
    response = httpx.post(
        url + "/import",
        headers={**cookie, **headers},
        data={"csrf_token": csrf, "ministry": "METI"},
        files={"file": ("a.csv", GOOD_CSV.encode(), "text/csv")},
    )
    assert response.status_code == 403
    assert "came from another site" in response.text
    assert staged(app) == []
    same = httpx.post(
        url + "/import",
        headers={**cookie, "Origin": url, "Sec-Fetch-Site": "same-origin"},
        data={"csrf_token": csrf, "ministry": "METI"},
        files={"file": ("a.csv", GOOD_CSV.encode(), "text/csv")},
    )
    assert same.status_code == 200, same.text  # the same form from the site itself passes


def test_a_form_without_the_csrf_token_is_refused(live: Any) -> None:
    url, _, _ = live
    cookie, _ = signed_in(url)
    response = httpx.post(
        url + "/import",
        headers=cookie,
        data={"ministry": "METI"},
        files={"file": ("a.csv", GOOD_CSV.encode(), "text/csv")},
    )
    assert response.status_code == 403
    assert "CSRF token is missing or wrong" in response.text


@pytest.mark.parametrize("path", ["/", "/kpi/alpha.one.exports.json", "/no/such/page",
                                  "/static/style.css", "/signin"])  # fmt: skip
def test_every_response_has_the_security_headers(live: Any, path: str) -> None:
    url, _, _ = live
    response = httpx.get(url + path)
    assert response.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_redirects_use_the_configured_address_not_the_host_header(live: Any) -> None:
    url, _, _ = live
    response = httpx.get(
        url + "/kpi/alpha.one.exports/", headers={"Host": "evil.example"}, follow_redirects=False
    )
    assert response.status_code == 308
    assert response.headers["location"] == url + "/kpi/alpha.one.exports"
    signin = httpx.get(url + "/import", headers={"Host": "evil.example"}, follow_redirects=False)
    assert signin.headers["location"] == url + "/signin?next=%2Fimport"
