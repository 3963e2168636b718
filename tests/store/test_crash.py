"""A killed import leaves nothing behind: the store opens, holds none of the file, and the
same import then succeeds."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipkpi.store import SeriesCatalog, Store, import_file

from .conftest import FIXTURES, PLAN, snapshot

DAILY = [f"data.store.daily.{letter}" for letter in "abcdefgh"]
WRITING = "writing observations"


def large_csv(path: Path) -> int:
    """Every day of 1900–2025 for eight series: about 368,000 rows (none past the horizon)."""
    first, last = dt.date(1900, 1, 1), dt.date(2025, 12, 31)
    days = [(first + dt.timedelta(n)).isoformat() for n in range((last - first).days + 1)]
    with path.open("w", encoding="utf-8") as out:
        out.write("series,period,value\n")
        for series in DAILY:
            out.writelines(f"{series},{day},{n % 997}.5\n" for n, day in enumerate(days))
    return len(days) * len(DAILY)


def run_import(database: str, csv: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-c", "from ipkpi.cli.main import main; main()",
        "data", "--db", database, "--plan", str(PLAN), "import", str(csv),
    ]  # fmt: skip
    english = {**os.environ, "IPKPI_LANG": "en"}  # WRITING is the English phase line
    return subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=english
    )


@pytest.mark.slow
def test_an_import_killed_while_writing_leaves_the_store_as_it_was(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    before = snapshot(store)
    database = store.engine.url.render_as_string(hide_password=False)
    big = tmp_path / "big.csv"
    rows = large_csv(big)

    with run_import(database, big) as process:
        assert process.stderr is not None
        seen = []
        for line in process.stderr:  # the CLI logs each phase before it starts
            seen.append(line)
            if WRITING in line:
                break
        else:
            pytest.fail(f"the import never started writing: {''.join(seen)}")
        time.sleep(0.3)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL, (
            "the import finished before it was killed"
        )

    with Store.open(database) as reopened:
        if reopened.engine.dialect.name == "sqlite":
            with reopened.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert snapshot(reopened) == before

        report = import_file(reopened, big, catalog)
        assert (report.status, report.new_count) == ("imported", rows)
        assert len(reopened.vintages()) == 2
