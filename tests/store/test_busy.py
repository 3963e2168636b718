"""A busy SQLite store: an import waits, tries again with a longer wait, then says so in words."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from ipkpi.store import SeriesCatalog, Store, database, import_file
from ipkpi.store.database import StoreBusyError

from .conftest import snapshot


def _file(tmp_path: Path, name: str, value: int) -> Path:
    path = tmp_path / name
    path.write_text(f"series,period,value\ndata.store.rank.jpn,2024,{value}\n", encoding="utf-8")
    return path


def _hold_lock(db: Path, seconds: float, started: threading.Event) -> None:
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    other.execute("ROLLBACK")
    other.close()


def test_a_store_busy_past_every_wait_is_a_message_not_a_traceback(
    catalog: SeriesCatalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_WAITS", (0.2, 0.4))
    with Store.open(tmp_path / "s.db") as store:
        before = snapshot(store)
        started = threading.Event()
        holder = threading.Thread(target=_hold_lock, args=(tmp_path / "s.db", 3.0, started))
        holder.start()
        started.wait()
        with pytest.raises(StoreBusyError) as caught:
            import_file(store, _file(tmp_path, "a.csv", 13), catalog)
        holder.join()
        [problem] = caught.value.problems
        assert problem.code == "store.busy"
        assert problem.reason == "the store is busy with another import; try again"
        assert problem.hint == (
            "waited 0.6 seconds for the other import to finish; run this one again when it has"
        )
        assert "保存先は別の取り込みの処理中です" in problem.text("ja")
        assert "database is locked" not in str(caught.value)
        assert snapshot(store) == before
        # Once the other writer is done, the same import goes through.
        assert import_file(store, _file(tmp_path, "a.csv", 13), catalog).status == "imported"


def test_the_longer_second_wait_outlasts_a_long_import(
    catalog: SeriesCatalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_WAITS", (0.3, 5.0))
    with Store.open(tmp_path / "s.db") as store:
        started = threading.Event()
        holder = threading.Thread(target=_hold_lock, args=(tmp_path / "s.db", 1.0, started))
        holder.start()
        started.wait()
        report = import_file(store, _file(tmp_path, "a.csv", 13), catalog)
        holder.join()
        assert report.status == "imported"


def test_three_concurrent_imports_all_land(catalog: SeriesCatalog, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    results: list[str] = []
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            with Store.open(db) as mine:
                path = tmp_path / f"f{n}.csv"
                rows = "".join(
                    f"data.store.daily.{'abc'[n]},{y}-{m:02d}-15,{y}\n"
                    for y in range(1900, 2025)
                    for m in range(1, 13)
                )
                path.write_text("series,period,value\n" + rows, encoding="utf-8")
                results.append(import_file(mine, path, catalog).status)
        except BaseException as exc:  # collected: the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sorted(results) == ["imported"] * 3
