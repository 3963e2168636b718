"""Measure-update submissions through the pages: the form, the reviewer's diff, publishing.

The real plan (its measures and their ministries); the updates are made up (FIXTURE text),
as in the cycle's tests. Issue 11.3.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.cycle import CycleRecords, operations
from ipkpi.followup import FollowUp, FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Text
from ipkpi.web.app import create_app

from ..cycle.test_whole_cycle import JPO_ROWS, fill
from .conftest import TestClient
from .service_helpers import PUBLIC, add_person, sign_in

CODE = "ip2025-fu2026"
EDITOR = "editor@jpo.example.jp"
DESK = "review@cao.example.jp"


@pytest.fixture(scope="module")
def real_plan() -> Plan:
    return load_plan(default_plan_dir())


@pytest.fixture
def world(real_plan: Plan, tmp_path: Path) -> Iterator[tuple[Store, Any, bytes]]:
    store = Store.open(tmp_path / "m.db")
    ensure_shipped(store, default_plan_dir(), catalog_from_plan(real_plan))
    records = CycleRecords(store.engine)
    operations.open_cycle(
        records, real_plan, CODE, Text(ja="計画2025 フォローアップ（2026年）", en="FU 2026"),
        dt.date(2025, 12, 31), dt.date(2026, 2, 28),
    )  # fmt: skip
    blank = operations.template(records, FollowUp(real_plan, StoreSource(store, real_plan)),
                                CODE, "JPO")  # fmt: skip
    add_person(store, EDITOR, ministry="JPO")
    add_person(store, DESK, global_role="secretariat")
    provider = FollowUpProvider(real_plan, StoreSource(store, real_plan), check_every=0)
    yield store, create_app(provider, public_url=PUBLIC), blank
    store.close()


def client_for(app: Any, email: str) -> TestClient:
    client = TestClient(app, base_url=PUBLIC)
    client.csrf = sign_in(client, email)  # type: ignore[attr-defined]
    return client


def send(client: TestClient, content: bytes, **fields: str) -> Any:
    data = {"csrf_token": client.csrf, "kind": "measure_updates", "cycle": CODE,  # type: ignore[attr-defined]
            "ministry": "JPO", **fields}  # fmt: skip
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return client.post("/import", data=data, files={"file": ("jpo.xlsx", content, xlsx)},
                       follow_redirects=False)  # fmt: skip


def test_the_reviewer_sees_the_updates_against_the_published_and_publishes_them(
    world: tuple[Store, Any, bytes],
) -> None:
    store, app, blank = world
    with client_for(app, EDITOR) as editor, client_for(app, DESK) as desk:
        listing = editor.get("/submissions").text
        assert 'id="measures-form"' in listing and f'value="{CODE}"' in listing
        bad = send(editor, fill(blank, {"protection.ipr.m2": {"status_ja": "X", "check": "Z"}}))
        assert bad.status_code == 422
        assert "jpo.xlsx に 1 件の問題があります。直して送り直してください" in bad.text
        assert "&#39;取組状況 Updates&#39;!" in bad.text

        sent = send(editor, fill(blank, JPO_ROWS))
        assert sent.status_code == 303
        ident = int(re.findall(r"/submissions/(\d+)", sent.headers["location"])[0])
        data = {"csrf_token": editor.csrf, "version": "1"}  # type: ignore[attr-defined]
        assert editor.post(f"/submissions/{ident}/submit", data=data).status_code == 200

        page = desk.get(f"/submissions/{ident}").text
        rows = re.findall(
            r'data-measure="([^"]+)" data-field="([^"]+)">.*?<td class="after"><ins>(.*?)</ins>',
            page,
        )
        assert ("protection.ipr.m3", "check", "B") in rows
        assert ("protection.ipr.m3", "act", "見直し") in rows  # the vocabulary's label, in ja
        assert ("protection.ipr.m2", "status_en", "FIXTURE studied") in rows
        english = desk.get(f"/en/submissions/{ident}").text
        assert "Changes against the published measure updates" in english
        assert '<td class="after"><ins>Revise</ins>' in english

        for name, version in (("accept", 2), ("publish", 3)):
            form = {"csrf_token": desk.csrf, "version": str(version)}  # type: ignore[attr-defined]
            assert desk.post(f"/submissions/{ident}/{name}", data=form).status_code == 200
        done = desk.get(f"/submissions/{ident}").text
        assert 'data-state="published"' in done and 'id="published-batch"' in done
        recorded = CycleRecords(store.engine).updates(CODE)
        assert {(u.measure_id, u.check) for u in recorded} == {
            ("protection.ipr.m2", "F"),
            ("protection.ipr.m3", "B"),
        }


def test_a_fix_sent_on_a_stale_version_says_who_changed_it_in_the_page_language(
    world: tuple[Store, Any, bytes],
) -> None:
    _store, app, blank = world
    with client_for(app, EDITOR) as editor, client_for(app, DESK) as desk:
        sent = send(editor, fill(blank, JPO_ROWS))
        ident = int(re.findall(r"/submissions/(\d+)", sent.headers["location"])[0])
        data = {"csrf_token": editor.csrf, "version": "1"}  # type: ignore[attr-defined]
        assert editor.post(f"/submissions/{ident}/submit", data=data).status_code == 200
        back = {"csrf_token": desk.csrf, "version": "2", "comment": "m3 の遅れの理由を"}  # type: ignore[attr-defined]
        assert desk.post(f"/submissions/{ident}/return", data=back).status_code == 200
        stale = send(editor, fill(blank, JPO_ROWS), replaces=str(ident), version="2")
        assert stale.status_code == 409
        assert f"に {DESK} さんが変更しました。最新の内容を確かめてから" in stale.text
        page = editor.get(f"/submissions/{ident}").text
        assert "m3 の遅れの理由を" in page and 'data-state="returned"' in page
        fixed = send(editor, fill(blank, JPO_ROWS), replaces=str(ident), version="3")
        assert fixed.status_code == 303
