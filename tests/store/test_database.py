"""Where the store lives: --db, then $IPKPI_DATABASE_URL, then the user's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.store import Store, database_url, default_database_path


def test_explicit_path_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("IPKPI_DATABASE_URL", "postgresql+psycopg://u:p@db/x")
    url = database_url(tmp_path / "mine.db")
    assert (url.get_backend_name(), url.database) == ("sqlite", str(tmp_path / "mine.db"))


def test_environment_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPKPI_DATABASE_URL", "postgresql+psycopg://u:p@db:5432/ipkpi")
    url = database_url(None)
    assert (url.get_backend_name(), url.host, url.database) == ("postgresql", "db", "ipkpi")


def test_default_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("IPKPI_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_database_path() == tmp_path / "data" / "ipkpi" / "ipkpi.db"
    assert database_url(None).database == str(tmp_path / "data" / "ipkpi" / "ipkpi.db")


def test_a_sqlite_store_needs_no_set_up(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "ipkpi.db"
    with Store.open(path) as store:
        assert store.vintages() == []
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.exists()


def test_memory_is_sqlite_in_memory_not_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = database_url(":memory:")
    assert (url.get_backend_name(), url.database) == ("sqlite", ":memory:")
    with Store.open(":memory:") as store:
        assert store.vintages() == []
    assert list(tmp_path.iterdir()) == []
