"""A whole review cycle from files: open, two ministries' templates, imports, lock, publish.

The updates in this test are made up (FIXTURE text): ipkpi never ships an update a ministry
did not publish.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipkpi.cycle import CycleRecords, CycleStateError, operations
from ipkpi.cycle.tables import status_rows
from ipkpi.cycle.template import ABOUT, UPDATE_COLUMNS, UPDATES
from ipkpi.followup import FollowUp
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Text

COLUMN = {key: index + 1 for index, (key, *_rest) in enumerate(UPDATE_COLUMNS)}
T0 = dt.datetime(2026, 1, 10, 9, 0)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Plan, Store, FollowUp]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("cycle") / "c.db")
    ensure_shipped(store, folder, catalog_from_plan(plan))
    yield plan, store, FollowUp(plan, StoreSource(store, plan))
    store.close()


def fill(content: bytes, rows: dict[str, dict[str, str]]) -> bytes:
    book = load_workbook(io.BytesIO(content))
    sheet = book[UPDATES]
    for row in range(2, sheet.max_row + 1):
        measure = sheet.cell(row=row, column=COLUMN["measure"]).value
        for key, value in rows.get(str(measure), {}).items():
            sheet.cell(row=row, column=COLUMN[key], value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def set_cell(content: bytes, sheet_name: str, cell: str, value: str) -> bytes:
    book = load_workbook(io.BytesIO(content))
    book[sheet_name][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(content: bytes, measure_id: str) -> int:
    sheet = load_workbook(io.BytesIO(content))[UPDATES]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=COLUMN["measure"]).value == measure_id:
            return row
    raise AssertionError(measure_id)


JPO_ROWS = {
    "protection.ipr.m2": {
        "status_ja": "FIXTURE 特許制度小委員会で検討",
        "status_en": "FIXTURE studied",
        "check": "F",
        "act": "継続",
    },
    "protection.ipr.m3": {
        "status_ja": "FIXTURE 意匠制度の検討",
        "check": "B",
        "act": "見直し",
        "delay": "調査・検討に時間を要する",
    },
}
METI_ROWS = {
    "protection.leakage.m1": {
        "status_ja": "FIXTURE 営業秘密管理指針の周知",
        "check": "A",
        "act": "拡充",
        "evidence_title": "FIXTURE 資料",
        "evidence_url": "https://www.meti.go.jp/",
    },
}


def test_a_whole_cycle_from_files(world: tuple[Plan, Store, FollowUp]) -> None:
    plan, store, followup = world
    records = CycleRecords(store.engine)
    cycle = operations.open_cycle(
        records,
        plan,
        "ip2025-fu2026",
        Text(ja="計画2025 フォローアップ（2026年）", en="Programme 2025 follow-up (2026)"),
        dt.date(2025, 12, 31),
        dt.date(2026, 2, 28),
        at=T0,
    )
    assert cycle.state == "open" and cycle.vocabularies["check"] == "check@1"
    jpo = operations.template(records, followup, cycle.code, "JPO")
    meti = operations.template(records, followup, cycle.code, "METI")
    jpo_ids = {m.id for m in plan.measures() if m.serves("JPO")}
    assert len(jpo_ids) == 8

    # JPO's first file has three mistakes: every one reported, nothing stored.
    bad = fill(jpo, {**JPO_ROWS, "protection.ipr.m1": {"status_ja": "FIXTURE", "check": "Z"}})
    r_m1 = row_of(bad, "protection.ipr.m1")
    r_m4 = row_of(bad, "protection.ipr.m4")
    bad = fill(
        bad, {"protection.ipr.m4": {"measure": "protection.ipr.m99", "status_ja": "FIXTURE"}}
    )
    bad = set_cell(bad, UPDATES, f"B{r_m4 + 100}", "protection.leakage.m1")
    bad = set_cell(bad, UPDATES, f"H{r_m4 + 100}", "FIXTURE 他府省の施策")
    result = operations.check_file(records, plan, cycle.code, bad, "jpo.xlsx")
    assert result.batch is None
    cells = {p.cell for p in result.problems}
    check_col = chr(ord("A") + COLUMN["check"] - 1)
    assert f"'{UPDATES}'!{check_col}{r_m1}" in cells  # wrong vocabulary term
    assert f"'{UPDATES}'!B{r_m4}" in cells  # unknown measure
    assert f"'{UPDATES}'!B{r_m4 + 100}" in cells  # another ministry's measure
    assert len(result.problems) == 3
    messages = " ".join(p.text("en") for p in result.problems)
    assert "not a term of check@1 (value 'Z')" in messages
    assert "unknown measure protection.ipr.m99" in messages
    assert "measure protection.leakage.m1 is not one of JPO's" in messages
    assert records.updates(cycle.code) == []

    good = operations.check_file(records, plan, cycle.code, fill(jpo, JPO_ROWS), "jpo.xlsx")
    assert good.problems == () and good.batch is not None
    records.apply(good.batch, at=T0 + dt.timedelta(days=5))
    meti_batch = operations.check_file(
        records, plan, cycle.code, fill(meti, METI_ROWS), "meti.xlsx"
    ).batch
    assert meti_batch is not None
    records.apply(meti_batch, at=T0 + dt.timedelta(days=6))

    status, unassigned = operations.ministry_status(records, plan, cycle.code)
    by_code = {s.ministry: s for s in status}
    assert set(by_code["JPO"].reported) == {"protection.ipr.m2", "protection.ipr.m3"}
    assert len(by_code["JPO"].missing) == 6
    assert len(unassigned) == 24

    locked = records.lock(cycle.code, at=T0 + dt.timedelta(days=50))
    assert locked.state == "locked"
    # A template of the locked cycle is refused, naming the cycle's cell.
    late = operations.check_file(records, plan, cycle.code, fill(jpo, JPO_ROWS), "late.xlsx")
    assert late.batch is None
    assert [p.cell for p in late.problems] == [f"'{ABOUT}'!B2"]
    assert "サイクル ip2025-fu2026 は締め切られています" in late.problems[0].text("ja")
    with pytest.raises(CycleStateError):
        records.apply(good.batch)

    before = T0 + dt.timedelta(days=55)
    records.publish(cycle.code, at=T0 + dt.timedelta(days=60))
    shown_cycle, shown = records.published(T0 + dt.timedelta(days=61))
    assert shown_cycle is not None and shown_cycle.code == cycle.code
    assert {(u.measure_id, u.ministry, u.check, u.act) for u in shown} == {
        ("protection.ipr.m2", "JPO", "F", "continue"),
        ("protection.ipr.m3", "JPO", "B", "revise"),
        ("protection.leakage.m1", "METI", "A", "expand"),
    }
    assert records.published(before) == (None, [])  # as of before publication: the state then
    rows = [r for r in status_rows(plan, shown) if r.update is not None]
    assert [(r.measure.id, r.ministry) for r in rows] == [
        ("protection.leakage.m1", "METI"),
        ("protection.ipr.m2", "JPO"),
        ("protection.ipr.m3", "JPO"),
    ]
    cells_ja = rows[2].cells("ja", shown_cycle.vocabularies)
    assert cells_ja["check"] == "B" and cells_ja["act"] == "見直し"
    assert cells_ja["ministry"] == "特許庁（推定）"


def test_the_template_round_trips(world: tuple[Plan, Store, FollowUp], tmp_path: Path) -> None:
    plan, store, followup = world
    records = CycleRecords(store.engine)
    code = "roundtrip"
    operations.open_cycle(
        records,
        plan,
        code,
        Text(ja="往復", en="Round trip"),
        dt.date(2025, 12, 31),
        dt.date(2026, 2, 28),
    )
    first = fill(operations.template(records, followup, code, "JPO"), JPO_ROWS)
    batch = operations.check_file(records, plan, code, first, "a.xlsx").batch
    assert batch is not None
    records.apply(batch)
    again = operations.template(records, followup, code, "JPO")
    second = operations.check_file(records, plan, code, again, "b.xlsx").batch
    assert second is not None
    assert second.updates == batch.updates
