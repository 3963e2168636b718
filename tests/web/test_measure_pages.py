"""Measure, ministry and measures pages: who answers, what was published, what is owed.

The updates here are FIXTURES (made up for the test).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from ipkpi.cycle import CycleRecords, MeasureUpdate, operations
from ipkpi.cycle.records import Batch
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.text import Text
from ipkpi.web import create_app

from .conftest import make_store

T1 = dt.datetime(2025, 7, 1, 9, 0)
T2 = dt.datetime(2025, 9, 1, 9, 0)


def _cycle(
    records: CycleRecords, plan: Plan, code: str, at: dt.datetime, check: str | None, publish: bool
) -> None:
    operations.open_cycle(
        records,
        plan,
        code,
        Text(ja=f"サイクル{code}", en=f"Cycle {code}"),
        at.date(),
        at.date() + dt.timedelta(days=30),
        at=at,
    )
    if check is not None:
        update = MeasureUpdate(
            "beta.two.m1",
            "ACA",
            Text(ja=f"FIXTURE {code}", en=f"FIXTURE {code}"),
            check=check,
            act="continue",
        )
        records.apply(Batch(code, "ACA", "x.xlsx", code * 8, (update,)), at=at)
    if publish:
        records.lock(code, at=at + dt.timedelta(days=1))
        records.publish(code, at=at + dt.timedelta(days=2))


@pytest.fixture(scope="module")
def client(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = make_store(tmp_path_factory.mktemp("m") / "m.db", plan)
    records = CycleRecords(store.engine)
    _cycle(records, plan, "c1", T1, "A", True)
    _cycle(records, plan, "c2", T2, "B", True)
    _cycle(records, plan, "c3", T2 + dt.timedelta(days=30), None, False)
    with TestClient(create_app(FollowUpProvider(plan, StoreSource(store, plan)))) as test:
        yield test
    store.close()


def test_a_measure_page_has_its_ministry_kpis_and_published_history(client: TestClient) -> None:
    page: dict[str, Any] = client.get("/measure/beta.two.m1.json").json()
    assert page["ministries"] == [
        {"code": "ACA", "name": "文化庁", "role": "lead", "inferred": False, "reason": ""}
    ]
    assert [(u["cycle"], u["check"], u["act"]) for u in page["updates"]] == [
        ("サイクルc1", "A", "継続"),
        ("サイクルc2", "B", "継続"),
    ]
    earlier = client.get("/measure/beta.two.m1.json?as_of=2025-08-01").json()
    assert [u["cycle"] for u in earlier["updates"]] == ["サイクルc1"]
    html = client.get("/en/measure/beta.two.m1").text
    assert "Agency for Cultural Affairs" in html and "FIXTURE c2" in html


def test_a_ministry_page_says_what_it_owes_the_open_cycle(client: TestClient) -> None:
    page = client.get("/ministry/ACA.json").json()
    assert page["name"] == "文化庁" and page["parent"] == "文部科学省"
    assert page["owed_cycle"] == "サイクルc3" and [o["id"] for o in page["owed"]] == ["beta.two.m1"]
    assert [(m["id"], m["status"], m["check"]) for m in page["measures"]] == [
        ("beta.two.m1", "FIXTURE c2", "B")
    ]
    assert client.get("/ministry/METI.json").status_code == 404


def test_the_measures_page_counts_classes_against_the_previous_cycle(client: TestClient) -> None:
    page = client.get("/measures.json").json()
    counts = {c["code"]: (c["current"], c["previous"]) for c in page["counts"]}
    assert counts["A"] == (0, 1) and counts["B"] == (1, 0)
    assert counts["not_reported"] == (1, 1)  # alpha.one.m1 (MAFF) never reported
    assert page["rollup"] == "A・完了 0/1（除外：未報告 1）"
    assert {m["code"] for m in page["ministries"]} == {"MAFF", "ACA"}


def test_pages_are_in_the_static_site(tmp_path: Path, plan: Plan) -> None:
    from ipkpi.web.site import build_site

    store = make_store(tmp_path / "s.db", plan)
    build_site(
        FollowUpProvider(plan, StoreSource(store, plan)),
        tmp_path / "site",
        vintages="latest",
        downloads=(),
    )
    store.close()
    assert (tmp_path / "site" / "measure" / "beta.two.m1.html").is_file()
    assert (tmp_path / "site" / "en" / "ministry" / "ACA.html").is_file()
