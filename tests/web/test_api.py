"""The JSON API (issue 11.8) and its lost-update protection (issue 11.5).

Published data for anyone; submissions by token or session, filtered by ministry (ASVS 5.0
8.2.2: another ministry's submission is a 404 at the API too); a step needs If-Match: 428
without it, 412 when stale (with who changed it and when), and nothing changes in either
case. Values are the web tests' fixture data (``fixtures/webplan``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.service import accounts, audit, data_files, submissions, tokens
from ipkpi.store import Store
from ipkpi.web import create_app

from .conftest import TestClient, make_store
from .service_helpers import DESK, EDITOR, OTHER, PUBLIC, add_person, sign_in, three_people_app

CSV = b"series,period,value,unit\nalpha.one.exports.jpn,2025,1.62,jpy_cho\n"


@pytest.fixture
def api(plan: Plan, tmp_path: Path) -> Iterator[tuple[Store, Any]]:
    store, app = three_people_app(plan, tmp_path / "api.db")
    yield store, app
    store.close()


def actor(store: Store, email: str) -> Any:
    user = accounts.user_by_email(store.engine, email)
    assert user is not None
    return accounts.actor_of(user, "session")


def bearer(store: Store, email: str, scopes: tuple[str, ...] = ("read", "submit", "review")):
    secret, _info = tokens.create(store.engine, actor(store, email), "script", scopes)
    return {"Authorization": f"Bearer {secret}"}


def draft(store: Store) -> submissions.Submission:
    return data_files.create_draft(store.engine, actor(store, EDITOR), "MAFF", "a.csv", CSV, {})


def test_published_data_for_anyone(api: tuple[Store, Any]) -> None:
    store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        series = client.get("/api/v1/series").json()["series"]
        exports = next(s for s in series if s["id"] == "alpha.one.exports.jpn")
        assert exports == {"id": "alpha.one.exports.jpn", "kpi": "alpha.one.exports",
                           "label": {"ja": "輸出額", "en": "Exports"}, "unit": "jpy_cho",
                           "frequency": "annual"}  # fmt: skip
        body = client.get("/api/v1/series/alpha.one.exports.jpn/observations").json()
        assert {o["period"]: o["value"] for o in body["observations"]}["2024"] == 1.5073
        vintages = client.get("/api/v1/vintages").json()["vintages"]
        assert [v["id"] for v in vintages] == [v.id for v in store.vintages()]
        missing = client.get("/api/v1/series/nope/observations")
        assert missing.status_code == 404
        assert missing.json()["error"]["message_ja"] == "系列 'nope' はありません"
        bad = client.get("/api/v1/series/alpha.one.exports.jpn/observations?as_of=2024-13-01")
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]["message"]
        assert client.get("/api/v1/submissions").status_code == 401


def test_a_step_needs_if_match_and_a_stale_one_is_refused(api: tuple[Store, Any]) -> None:
    store, app = api
    ident = draft(store).id
    with TestClient(app, base_url=PUBLIC) as client:
        editor = bearer(store, EDITOR)
        got = client.get(f"/api/v1/submissions/{ident}", headers=editor)
        assert got.headers["etag"] == '"v1"' and got.json()["state"] == "draft"

        missing = client.post(f"/api/v1/submissions/{ident}/submit", headers=editor)
        assert missing.status_code == 428 and missing.headers["etag"] == '"v1"'
        assert submissions.get(store.engine, actor(store, EDITOR), ident).version == 1

        sent = client.post(
            f"/api/v1/submissions/{ident}/submit", headers={**editor, "If-Match": '"v1"'}
        )
        assert sent.status_code == 200 and sent.json()["state"] == "submitted"
        assert sent.headers["etag"] == '"v2"'

        desk = bearer(store, DESK)
        stale = client.post(
            f"/api/v1/submissions/{ident}/return",
            headers={**desk, "If-Match": '"v1"'}, json={"comment": "2025 is 億円"},
        )  # fmt: skip
        assert stale.status_code == 412 and stale.headers["etag"] == '"v2"'
        assert stale.json()["error"]["message"].startswith(f"changed by {EDITOR} at ")
        weak = client.post(
            f"/api/v1/submissions/{ident}/accept", headers={**desk, "If-Match": 'W/"v2"'}
        )
        assert weak.status_code == 412  # strong comparison only
        no_comment = client.post(
            f"/api/v1/submissions/{ident}/return", headers={**desk, "If-Match": '"v2"'}
        )
        assert no_comment.status_code == 400
        back = client.post(
            f"/api/v1/submissions/{ident}/return",
            headers={**desk, "If-Match": '"v2"'}, json={"comment": "2025 is 億円"},
        )  # fmt: skip
        assert back.status_code == 200
        assert (back.json()["state"], back.json()["review_comment"]) == ("returned", "2025 is 億円")
        wrong_state = client.post(
            f"/api/v1/submissions/{ident}/publish", headers={**desk, "If-Match": '"v3"'}
        )
        assert wrong_state.status_code == 409


def test_another_ministry_gets_404_and_a_token_only_narrows(api: tuple[Store, Any]) -> None:
    store, app = api
    ident = draft(store).id
    with TestClient(app, base_url=PUBLIC) as client:
        other = bearer(store, OTHER)
        assert client.get("/api/v1/submissions", headers=other).json() == {"submissions": []}
        assert client.get(f"/api/v1/submissions/{ident}", headers=other).status_code == 404
        touch = client.post(
            f"/api/v1/submissions/{ident}/withdraw", headers={**other, "If-Match": '"v1"'}
        )
        assert touch.status_code == 404
        read_only = bearer(store, EDITOR, ("read",))
        listed = client.get("/api/v1/submissions", headers=read_only).json()["submissions"]
        assert [s["id"] for s in listed] == [ident]
        refused = client.post(
            f"/api/v1/submissions/{ident}/submit", headers={**read_only, "If-Match": '"v1"'}
        )
        assert refused.status_code == 403
        revoked_secret, info = tokens.create(store.engine, actor(store, EDITOR), "x", ("read",))
        tokens.revoke(store.engine, actor(store, EDITOR), info.id)
        gone = client.get(
            "/api/v1/submissions", headers={"Authorization": f"Bearer {revoked_secret}"}
        )
        assert gone.status_code == 401 and "invalid_token" in gone.headers["www-authenticate"]
    assert submissions.get(store.engine, actor(store, EDITOR), ident).state == "draft"


def test_a_refused_cross_ministry_step_is_audited_once(api: tuple[Store, Any]) -> None:
    """Another ministry's forged step, by the page and by the API: one authz.denied row each
    (the page that answers the refusal does not read the submission again)."""
    store, app = api
    ident = draft(store).id

    def refusals() -> list[Any]:
        rows = audit.events(store.engine, object_type="submission", object_id=str(ident))
        return [e for e in rows if e.action == "authz.denied"]

    with TestClient(app, base_url=PUBLIC) as client:
        csrf = sign_in(client, OTHER)
        form = {"csrf_token": csrf, "version": "1"}
        assert client.post(f"/submissions/{ident}/withdraw", data=form).status_code == 404
        assert len(refusals()) == 1
        headers = {**bearer(store, OTHER), "If-Match": '"v1"'}
        assert (
            client.post(f"/api/v1/submissions/{ident}/withdraw", headers=headers).status_code == 404
        )
    found = refusals()
    assert len(found) == 2 and {e.actor for e in found} == {OTHER}
    assert submissions.get(store.engine, actor(store, EDITOR), ident).state == "draft"


def test_a_session_step_needs_the_csrf_header(api: tuple[Store, Any]) -> None:
    store, app = api
    ident = draft(store).id
    with TestClient(app, base_url=PUBLIC) as client:
        csrf = sign_in(client, EDITOR)
        url = f"/api/v1/submissions/{ident}/submit"
        assert client.post(url, headers={"If-Match": '"v1"'}).status_code == 403
        done = client.post(url, headers={"If-Match": '"v1"', "X-CSRF-Token": csrf})
        assert done.status_code == 200 and done.json()["version"] == 2


def test_the_openapi_describes_every_api_endpoint_with_schemas(api: tuple[Store, Any]) -> None:
    _store, app = api
    with TestClient(app, base_url=PUBLIC) as client:
        spec = client.get("/openapi.json").json()
    mine = {p: ops for p, ops in spec["paths"].items() if p.startswith("/api/v1/")}
    assert sorted(mine) == [
        "/api/v1/series", "/api/v1/series/{series_id}/observations",
        "/api/v1/submissions", "/api/v1/submissions/data-file", "/api/v1/submissions/{id}",
        "/api/v1/submissions/{id}/{step}",
        "/api/v1/vintages",
    ]  # fmt: skip
    for ops in mine.values():
        for op in ops.values():
            for code, response in op["responses"].items():
                assert "$ref" in response["content"]["application/json"]["schema"], code
    step = mine["/api/v1/submissions/{id}/{step}"]["post"]
    assert {"412", "428"} <= set(step["responses"])
    assert step["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "StepRequest"
    )


def test_a_step_through_the_api_or_the_page_sends_its_notification(
    plan: Plan, tmp_path: Path
) -> None:
    from aiosmtpd.controller import Controller

    from ipkpi.service.notify import MailSettings

    from ..service.test_notify import Inbox, body_of, free_port

    store = make_store(tmp_path / "mail.db", plan)
    add_person(store, EDITOR, ministry="MAFF")
    add_person(store, DESK, global_role="secretariat")
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
        mail = MailSettings("127.0.0.1", port, "none", "ipkpi@testserver")
        app = create_app(provider, public_url=PUBLIC, mail=mail)
        ident = draft(store).id
        with TestClient(app, base_url=PUBLIC) as client:
            sent = client.post(f"/api/v1/submissions/{ident}/submit",
                               headers={**bearer(store, EDITOR), "If-Match": '"v1"'})  # fmt: skip
            assert sent.status_code == 200
            csrf = sign_in(client, DESK)
            form = {"csrf_token": csrf, "version": "2", "comment": "2025 は億円"}
            assert client.post(f"/submissions/{ident}/return", data=form).status_code == 200
        assert [to for to, _ in inbox.received] == [[DESK], [EDITOR]]
        assert f"確認する: https://testserver/submissions/{ident}" in body_of(inbox.received[1][1])
    finally:
        controller.stop()
        store.close()
