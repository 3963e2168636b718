"""``POST /api/v1/submissions/data-file``: a ministry script sends a data file (issue 11.8).

Each test is named in docs/security.md against its ASVS 5.0 item: token scope (8.2.1), IDOR
across ministries (8.2.2), upload size and type (5.2.1, 5.2.2), the file checked whole (2.2.1),
rate limits (6.3.1), the refusal audited once (16.3.2, L2). Values: the web tests' fixture data
(``fixtures/webplan``) and the shipped plan's own ``observations.csv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.service import accounts, audit, ratelimit, tokens
from ipkpi.store import ImportLimits, Store
from ipkpi.web import create_app
from ipkpi.web.api_models import UploadProblems, UploadResult
from ipkpi.web.imports import MAX_CONCURRENT_UPLOADS

from .conftest import TestClient, make_store
from .service_helpers import DESK, EDITOR, OTHER, PUBLIC, add_person, three_people_app

URL = "/api/v1/submissions/data-file"
CSV = b"series,period,value,unit\nalpha.one.exports.jpn,2025,1.62,jpy_cho\n"
BAD = b"series,period,value,unit\nalpha.one.exports.jpn,2025,lots,jpy_cho\n"


@pytest.fixture
def api(plan: Plan, tmp_path: Path) -> Iterator[tuple[Store, Any]]:
    store, app = three_people_app(
        plan, tmp_path / "api.db", import_limits=ImportLimits(max_csv_bytes=4_000)
    )
    yield store, app
    store.close()


def bearer(
    store: Store, email: str, scopes: tuple[str, ...] = ("read", "submit")
) -> dict[str, str]:
    user = accounts.user_by_email(store.engine, email)
    assert user is not None
    secret, _info = tokens.create(store.engine, accounts.actor_of(user, "session"), "s", scopes)
    return {"Authorization": f"Bearer {secret}"}


def send(client: TestClient, headers: dict[str, str], body: bytes = CSV, name: str = "a.csv",
         ministry: str = "MAFF", **fields: str) -> Any:  # fmt: skip
    data = {"ministry": ministry, **fields}
    return client.post(URL, headers=headers, data=data, files={"file": (name, body, "text/csv")})


def denials(store: Store) -> list[audit.Event]:
    """The refused uploads in the audit (a refused read of a submission is audited apart)."""
    found = audit.events(store.engine, limit=100, object_type="upload")
    return [e for e in found if e.action == "authz.denied"]


def test_a_good_file_becomes_a_draft_its_ministry_and_the_desk_see(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        made = send(client, bearer(store, EDITOR))
        assert made.status_code == 201, made.text
        body = made.json()
        item = body["submission"]
        assert (item["state"], item["ministry"], item["kind"]) == ("draft", "MAFF", "data_file")
        assert made.headers["location"] == f"/api/v1/submissions/{item['id']}"
        assert made.headers["etag"] == item["etag"] == '"v1"'
        assert (body["new_count"], body["revised_count"], body["problems"]) == (1, 0, 0)
        assert TypeAdapter(UploadResult).validate_python(body) == body  # as the OpenAPI says
        for email in (EDITOR, DESK):
            seen = client.get(made.headers["location"], headers=bearer(store, email))
            assert seen.status_code == 200 and seen.json()["file_name"] == "a.csv"
        sent = send(client, bearer(store, EDITOR), CSV.replace(b"1.62", b"1.63"), submit="true")
        assert sent.status_code == 201 and sent.json()["submission"]["state"] == "submitted"


def test_a_read_only_token_is_refused_and_audited_once(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        refused = send(client, bearer(store, EDITOR, ("read",)))
        assert refused.status_code == 403
        assert refused.json()["error"]["message_ja"].startswith("このトークン")
    assert len(denials(store)) == 1
    assert client_sees_nothing(store, app, EDITOR)


def client_sees_nothing(store: Store, app: Any, email: str) -> bool:
    with TestClient(app, base_url=PUBLIC) as client:
        found = client.get("/api/v1/submissions", headers=bearer(store, email))
        return found.status_code == 200 and found.json()["submissions"] == []


def test_another_ministry_is_refused_and_cannot_see_the_draft(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        other = bearer(store, OTHER)
        refused = send(client, other, ministry="MAFF")
        assert refused.status_code == 403
        made = send(client, bearer(store, EDITOR)).json()["submission"]
        assert client.get(f"/api/v1/submissions/{made['id']}", headers=other).status_code == 404
        assert client.get("/api/v1/submissions", headers=other).json()["submissions"] == []
    rows = denials(store)
    assert len(rows) == 1 and rows[0].detail["ministry"] == "MAFF"


def test_wrong_type_is_415_and_too_large_is_413(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        token = bearer(store, EDITOR)
        assert send(client, token, b"\x89PNG\r\n", name="chart.png").status_code == 415
        raw = client.post(URL, headers={**token, "Content-Type": "text/csv"}, content=CSV)
        assert raw.status_code == 415
        big = CSV + b"alpha.one.exports.jpn,2026,1.70,jpy_cho\n" * 200
        too_large = send(client, token, big)
        assert too_large.status_code == 413 and "limit" in too_large.json()["error"]["message"]
        assert client.get("/api/v1/submissions", headers=token).json()["submissions"] == []


def test_bad_values_are_422_in_japanese_and_in_english(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        token = bearer(store, EDITOR)
        ja = send(client, {**token, "Accept-Language": "ja,en;q=0.5"}, BAD)
        en = send(client, {**token, "Accept-Language": "en-GB,ja;q=0.3"}, BAD)
        assert ja.status_code == en.status_code == 422
        assert ja.headers["content-language"] == "ja" and en.headers["content-language"] == "en"
        for answer in (ja, en):
            assert TypeAdapter(UploadProblems).validate_python(answer.json()) == answer.json()
        pj, pe = ja.json()["problems"][0], en.json()["problems"][0]
        assert pj["code"] == pe["code"] == "data.value.not_number"
        assert (pj["row"], pj["column"], pj["value"]) == (2, "value", "lots")
        assert (pj["message"], pe["message"]) == ("数値ではありません", "not a number")
        assert pj["hint"].startswith("1234.5、1,234") and pe["hint"].startswith("write a number")
        assert client.get("/api/v1/submissions", headers=token).json()["submissions"] == []


def test_repeated_failures_are_429(api: Any) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        codes = [send(client, {"Authorization": "Bearer nope"}).status_code
                 for _ in range(ratelimit.UPLOAD_FAILURES_IP.limit + 1)]  # fmt: skip
        assert set(codes[:-1]) == {401} and codes[-1] == 429
        last = send(client, bearer(store, EDITOR))
        assert last.status_code == 429 and int(last.headers["retry-after"]) > 0


def test_the_shipped_plans_own_observations_file_is_accepted(tmp_path: Path) -> None:
    """plans/ip2025/observations.csv, sent to an empty store of the shipped plan: one draft
    holding every row; sent again once it is published, a 409 (nothing new)."""
    plan_dir = Path(default_plan_dir())
    shipped = load_plan(plan_dir)
    content = (plan_dir / "observations.csv").read_bytes()
    rows = len(content.decode("utf-8").splitlines()) - 1
    store = Store.open(tmp_path / "shipped.db")
    try:
        add_person(store, EDITOR, ministry="MAFF")
        add_person(store, DESK, global_role="secretariat")
        provider = FollowUpProvider(shipped, StoreSource(store, shipped), check_every=0)
        with TestClient(create_app(provider, public_url=PUBLIC), base_url=PUBLIC) as client:
            editor = bearer(store, EDITOR)
            made = send(client, editor, content, name="observations.csv")
            assert made.status_code == 201, made.text[:2000]
            body = made.json()
            assert (body["new_count"], body["revised_count"]) == (rows, 0)
            assert body["submission"]["file_size"] == len(content)
            desk = bearer(store, DESK, ("read", "review"))
            listed = client.get("/api/v1/submissions", headers=desk).json()
            assert [s["id"] for s in listed["submissions"]] == [body["submission"]["id"]]
            url, etag = made.headers["location"], made.headers["etag"]
            for step, token in (("submit", editor), ("accept", desk), ("publish", desk)):
                done = client.post(f"{url}/{step}", headers={**token, "If-Match": etag})
                assert done.status_code == 200, done.text
                etag = done.headers["etag"]
            assert done.json()["state"] == "published"
            again = send(client, editor, content, name="observations.csv")
            assert (
                again.status_code == 409 and "published before" in again.json()["error"]["message"]
            )
    finally:
        store.close()


def test_the_location_keeps_the_base_path(plan: Plan, tmp_path: Path) -> None:
    """Served under ``--base /ipkpi`` (behind a proxy), Location names the address to GET."""
    store = make_store(tmp_path / "base.db", plan)
    try:
        add_person(store, EDITOR, ministry="MAFF")
        provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
        app = create_app(provider, base="/ipkpi", public_url=f"{PUBLIC}/ipkpi")
        with TestClient(app, base_url=PUBLIC, root_path="/ipkpi") as client:
            token = bearer(store, EDITOR)
            made = client.post(URL, headers=token, data={"ministry": "MAFF"},
                               files={"file": ("a.csv", CSV, "text/csv")})  # fmt: skip
            assert made.status_code == 201, made.text
            location = made.headers["location"]
            assert location == f"/ipkpi/api/v1/submissions/{made.json()['submission']['id']}"
            seen = client.get(location.removeprefix("/ipkpi"), headers=token)
            assert seen.json()["state"] == "draft"
    finally:
        store.close()


def test_api_uploads_share_the_browsers_cap_of_uploads_at_once(api: Any) -> None:
    """Four uploads already streaming in the process (the browser's or the API's): a fifth is
    503 with Retry-After, not counted as one of the person's uploads, and nothing is kept."""
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        imports = app.state.server.imports
        imports.streaming = MAX_CONCURRENT_UPLOADS
        busy = send(client, bearer(store, EDITOR))
        assert busy.status_code == 503 and busy.headers["retry-after"] == "30"
        imports.streaming = 0
        assert send(client, bearer(store, EDITOR)).status_code == 201
        assert imports.streaming == 0
    user = accounts.user_by_email(store.engine, EDITOR)
    assert user is not None  # this hit is the second: the 201 was the first, the 503 none
    assert ratelimit.hit(store.engine, ratelimit.UPLOADS, str(user.id)).count == 2


def test_an_xlsx_file_is_read_like_the_csv(api: Any) -> None:
    """The same row as ``CSV`` in a workbook: one new value, the XLSX format kept."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in CSV.decode().splitlines():
        cells = line.split(",")
        sheet.append([float(c) if c == "1.62" else c for c in cells])
    out = BytesIO()
    book.save(out)
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        made = send(client, bearer(store, EDITOR), out.getvalue(), name="a.xlsx")
        assert made.status_code == 201, made.text
        body = made.json()
        assert (body["new_count"], body["submission"]["file_name"]) == (1, "a.xlsx")
