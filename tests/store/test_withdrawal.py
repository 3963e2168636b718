"""Withdrawals: a value imported by mistake leaves the latest view, never the history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.store import SeriesCatalog, Store, import_file
from ipkpi.store.withdrawal import WithdrawalError, withdraw

from .conftest import FIXTURES, PLAN, snapshot

FIRST = dt.datetime(2025, 2, 4, 9, 0)
WITHDRAWN = dt.datetime(2025, 3, 1, 9, 0)
SERIES = "data.store.exports.jpn"


def periods(store: Store, **query: object) -> dict[str, float]:
    return {o.period: o.value for o in store.observations([SERIES], **query)}  # type: ignore[arg-type]


@pytest.fixture
def imported(store: Store, catalog: SeriesCatalog) -> Store:
    import_file(store, FIXTURES / "exports_first_release.csv", catalog, recorded_at=FIRST)
    return store


def test_a_withdrawn_value_leaves_the_latest_view_and_stays_in_the_past(imported: Store) -> None:
    report = withdraw(
        imported, SERIES, ["2024年"], "imported into the wrong series", recorded_at=WITHDRAWN
    )

    assert [(w.period, w.value) for w in report.withdrawn] == [("2024", 1.5071)]
    assert report.vintage is not None and report.vintage.file_format == "withdrawal"
    assert (report.vintage.row_count, report.vintage.recorded_at) == (1, WITHDRAWN)
    assert periods(imported) == {"2023": 1.4541}
    # What the February review saw is unchanged.
    assert periods(imported, as_of=dt.date(2025, 2, 28)) == {"2023": 1.4541, "2024": 1.5071}
    # The history keeps the value and says who withdrew it and why.
    history = [r for r in imported.history(SERIES) if r.observation.period == "2024"]
    assert [(r.observation.value, r.observation.withdrawn) for r in history] == [
        (1.5071, False),
        (1.5071, True),
    ]
    assert history[1].observation.note == "imported into the wrong series"
    assert history[1].observation.flags == ("provisional",)
    # Exports and points read the latest view: the period is gone there too.
    assert "2024" not in imported.latest_frame([SERIES])["period"].to_list()


def test_importing_the_period_again_brings_a_new_value(
    imported: Store, catalog: SeriesCatalog
) -> None:
    withdraw(imported, SERIES, ["2024"], "wrong", recorded_at=WITHDRAWN)
    report = import_file(imported, FIXTURES / "exports_final_release.csv", catalog)
    assert (report.new_count, report.revised_count, report.unchanged_count) == (1, 0, 1)
    assert periods(imported) == {"2023": 1.4541, "2024": 1.5073}


def test_nothing_is_written_when_any_period_cannot_be_withdrawn(imported: Store) -> None:
    before = snapshot(imported)
    with pytest.raises(WithdrawalError) as caught:
        withdraw(imported, SERIES, ["2024", "2019"], "wrong")
    assert str(caught.value) == (
        f"{SERIES} has no current value for 2019 to withdraw (it has 2023, 2024) — "
        f"see `ipkpi data history {SERIES}`"
    )
    assert snapshot(imported) == before
    # A value already withdrawn has no current value to withdraw again.
    withdraw(imported, SERIES, ["2024"], "wrong", recorded_at=WITHDRAWN)
    after_first = snapshot(imported)
    with pytest.raises(WithdrawalError, match="no current value for 2024"):
        withdraw(imported, SERIES, ["2024"], "again")
    assert snapshot(imported) == after_first
    assert periods(imported) == {"2023": 1.4541}


def test_bad_requests_list_every_problem(imported: Store) -> None:
    before = snapshot(imported)
    with pytest.raises(WithdrawalError) as caught:
        withdraw(imported, SERIES, ["2024", "20x4", "2024"], "  ")
    said = str(caught.value)
    assert "give a reason (--reason)" in said
    assert "period '20x4':" in said
    assert "period 2024 is given twice" in said
    assert snapshot(imported) == before


def test_input_and_store_problems_come_together(imported: Store) -> None:
    with pytest.raises(WithdrawalError) as caught:
        withdraw(imported, SERIES, ["2099"], "")
    assert str(caught.value) == (
        "2 problems: no reason given — give a reason (--reason): it is kept with the "
        f"withdrawal; {SERIES} has no current value for 2099 to withdraw (it has 2023, 2024) — "
        f"see `ipkpi data history {SERIES}`"
    )
    with pytest.raises(WithdrawalError) as unknown:
        withdraw(imported, "data.store.export.jpn", ["2024"], "wrong")
    assert str(unknown.value) == (
        f"the store has no series 'data.store.export.jpn' — did you mean {SERIES!r}?"
    )
    assert unknown.value.text("ja") == (
        f"保存先に系列「data.store.export.jpn」がありません。「{SERIES}」のことですか？"
    )


def test_a_dry_run_writes_nothing(imported: Store) -> None:
    before = snapshot(imported)
    report = withdraw(imported, SERIES, ["2023"], "check", dry_run=True)
    assert (report.vintage, [w.period for w in report.withdrawn]) == (None, ["2023"])
    assert snapshot(imported) == before


def test_the_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner(env={"IPKPI_LANG": "en"})
    common = ["--plan", str(PLAN), "--db", db]
    runner.invoke(cli, ["data", "import", *common, str(FIXTURES / "exports_first_release.csv")])

    no_reason = runner.invoke(cli, ["data", "withdraw", *common, SERIES, "2024"])
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    missing = runner.invoke(cli, ["data", "withdraw", *common, SERIES, "2030", "--reason", "wrong"])
    assert missing.exit_code == 1
    assert "nothing was withdrawn" in missing.output and "2030" in missing.output

    done = runner.invoke(
        cli, ["data", "withdraw", *common, SERIES, "2024", "--reason", "wrong series"]
    )
    assert done.exit_code == 0, done.output
    assert f"withdrew {SERIES}: 2024 (1.5071)" in done.output
    shown = runner.invoke(
        cli, ["data", "history", *common, SERIES, "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert "withdrawn" in shown.output and "wrong series" in shown.output


def test_the_follow_up_reports_the_withdrawal_as_a_removed_value(
    imported: Store, catalog: SeriesCatalog
) -> None:
    from ipkpi.followup import FollowUp
    from ipkpi.followup.changes import changes_since_previous
    from ipkpi.followup.store_source import StoreSource
    from ipkpi.plan.loader import load_plan

    plan = load_plan(PLAN)
    withdraw(imported, SERIES, ["2024"], "wrong series", recorded_at=WITHDRAWN)
    changes = changes_since_previous(FollowUp(plan, StoreSource(imported, plan)))
    removed = [c for c in changes.items if c.kind == "removed"]
    assert [(c.series_id, c.period, c.old, c.new) for c in removed] == [
        (SERIES, "2024", 1.5071, None)
    ]


def test_a_store_made_before_withdrawals_existed_is_upgraded_in_place(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    from ipkpi.store.migrations import MIGRATIONS, migrate

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    assert migrate(engine, MIGRATIONS[:1]) == ["0001_initial"]
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO series (id, code, unit) VALUES (1, :c, 'jpy_cho')"), {"c": SERIES}
        )
        conn.execute(
            text(
                "INSERT INTO vintages VALUES (1, '2025-02-04 09:00:00', 'old.csv', 'csv', "
                "'abc', NULL, NULL, 1, 1, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO observations (vintage_id, series_id, period, value) "
                "VALUES (1, 1, '2024', 1.5)"
            )
        )
    engine.dispose()

    with Store.open(path) as store:
        assert periods(store) == {"2024": 1.5}
        withdraw(store, SERIES, ["2024"], "wrong")
        assert periods(store) == {}
        assert periods(store, as_of=dt.date(2025, 2, 5)) == {"2024": 1.5}
