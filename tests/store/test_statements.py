"""The secretariat's statements and milestone completions: imported whole or refused whole,
kept with revisions, read as known at a date; on SQLite and PostgreSQL.

The statement texts here are test inputs, not judgements anyone made; the milestone row is
the real completion (内閣官房, 2025-06-13), checked against its source in tests/followup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ipkpi.plan.loader import load_plan
from ipkpi.store import DataFileError, Store
from ipkpi.store.statement_file import read_completion_file, read_statement_file
from ipkpi.store.statement_import import record

PLAN = load_plan(Path(__file__).parents[2] / "plans" / "ip2025")
KPIS = [k.id for _, _, k in PLAN.iter_kpis()]
MILESTONES = ["utilization.data.basic_policy"]
TODAY = dt.date(2026, 12, 2)
HEADER = "kpi,review_date,status,text_ja,text_en,author_role,author_role_en,written_on\n"
PIRACY = "protection.piracy.publication_piracy_access"


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def import_statements(store: Store, path: Path, at: dt.datetime) -> None:
    fmt, rows = read_statement_file(path, KPIS, TODAY)
    record(store, path, "statements", fmt, rows, recorded_at=at)


def test_a_revision_supersedes_and_the_first_stays_readable_as_of(
    store: Store, tmp_path: Path
) -> None:
    first = write(
        tmp_path / "first.csv",
        HEADER + f"{PIRACY},2026-06-30,delayed,検討中,Under study,事務局,Secretariat,2026-07-01\n",
    )
    second = write(
        tmp_path / "second.csv",
        HEADER + f"{PIRACY},2026-06-30,遅れ,改訂後,Revised,事務局参事官,,2026-07-10\n",
    )
    import_statements(store, first, dt.datetime(2026, 7, 1, 9))
    import_statements(store, second, dt.datetime(2026, 7, 10, 9))

    [now] = store.statements([PIRACY])
    assert (now.text_ja, now.text_en, now.status, now.author_role) == (
        "改訂後",
        "Revised",
        "delayed",
        "事務局参事官",
    )
    assert now.role("en") == "事務局参事官"  # no English role given: the Japanese one
    assert now.written_on == dt.date(2026, 7, 10)
    [then] = store.statements([PIRACY], as_of=dt.date(2026, 7, 5))
    assert (then.text_en, then.role("en"), then.file_name) == (
        "Under study",
        "Secretariat",
        "first.csv",
    )
    assert store.statements(as_of=dt.date(2026, 6, 30)) == []
    assert [s.text_ja for s in store.statements(history=True)] == ["検討中", "改訂後"]


def test_the_same_file_twice_is_recorded_once(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.csv", HEADER + f"{PIRACY},2026-06-30,,評価,Assessment,事務局,,2026-07-01\n"
    )
    fmt, rows = read_statement_file(path, KPIS, TODAY)
    assert record(store, path, "statements", fmt, rows).outcome == "recorded"
    again = record(store, path, "statements", fmt, rows)
    assert again.outcome == "already_imported"
    assert len(store.statements(history=True)) == 1


def test_every_bad_row_is_refused_with_its_place_in_both_languages(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        HEADER
        + "no.such.kpi,2026-06-30,,評価,Assessment,事務局,,2026-07-01\n"
        + f"{PIRACY},30/06/2026,great,評価,,事務局,,2027-01-01\n"
        + f"{PIRACY},2026-06-30,,評価,Assessment,事務局,,2026-07-01\n"
        + f"{PIRACY},2026-06-30,,評価,Assessment,事務局,,2026-07-01\n",
    )
    with pytest.raises(DataFileError) as caught:
        read_statement_file(path, KPIS, TODAY)
    found = [(p.row, p.column, p.code) for p in caught.value.problems]
    assert found == [
        (2, "kpi", "statement.unknown_kpi"),
        (3, "review_date", "statement.not_date"),
        (3, "status", "statement.unknown_status"),
        (3, "text_en", "statement.empty_cell"),
        (3, "written_on", "statement.future_date"),
        (5, "kpi", "statement.twice"),
    ]
    problem = caught.value.problems[3]
    assert problem.text("ja") == (
        "bad.csv、3行目、列 text_en: 評価文（英語）が空欄です。英語の評価文を書いてください"
    )
    assert problem.text("en") == (
        "bad.csv, row 3, column text_en: text_en is empty — write the statement in English"
    )


def test_a_missing_column_and_an_unknown_one_are_named(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "kpi,review_date,text_ja,comment\nx,2026-01-01,a,b\n")
    with pytest.raises(DataFileError) as caught:
        read_statement_file(path, KPIS, TODAY)
    codes = [(p.code, p.message.text("en")) for p in caught.value.problems]
    assert ("statement.unknown_column", "unknown column 'comment'") in codes
    assert ("statement.missing_column", "the column text_en is missing") in codes
    assert ("statement.missing_column", "the column written_on is missing") in codes


def test_a_workbook_with_japanese_headings_reads_and_names_the_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "KPI",
            "評価基準日",
            "評価",
            "評価文（日本語）",
            "評価文（英語）",
            "作成者の役職",
            "作成日",
        ]
    )
    sheet.append(
        [PIRACY, dt.date(2026, 6, 30), "順調", "評価", "Assessment", "事務局", dt.date(2026, 7, 1)]
    )
    sheet.append([PIRACY, dt.date(2026, 3, 31), "", "評価", "Assessment", "", dt.date(2026, 4, 1)])
    path = tmp_path / "s.xlsx"
    book.save(path)
    with pytest.raises(DataFileError) as caught:
        read_statement_file(path, KPIS, TODAY)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.cell) == (3, "author_role", "F3")
    assert problem.text("ja").startswith(
        "s.xlsx、3行目、セル F3、列 author_role: 作成者の役職が空欄です"
    )
    sheet.delete_rows(3)
    book.save(path)
    fmt, [statement] = read_statement_file(path, KPIS, TODAY)
    assert (fmt, statement.status, statement.review_date) == (
        "xlsx",
        "on_track",
        dt.date(2026, 6, 30),
    )


def test_recorded_rows_cannot_be_changed_or_deleted(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.csv", HEADER + f"{PIRACY},2026-06-30,,評価,Assessment,事務局,,2026-07-01\n"
    )
    import_statements(store, path, dt.datetime(2026, 7, 1))
    for sql in ("UPDATE statements SET text_ja = 'x'", "DELETE FROM statements"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert store.statements()[0].text_ja == "評価"


def test_a_completion_is_recorded_for_milestones_only(store: Store, tmp_path: Path) -> None:
    header = "kpi,completed_on,decision_ja,decision_en,source_title,source_url\n"
    bad = write(
        tmp_path / "bad.csv",
        header + f"{PIRACY},2025-06-13,決定,Decided,,https://www.cas.go.jp/\n"
        "utilization.data.basic_policy,2025-06-13,決定,Decided,,www.cas.go.jp\n",
    )
    with pytest.raises(DataFileError) as caught:
        read_completion_file(bad, KPIS, MILESTONES, TODAY)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (2, "kpi", "statement.not_milestone"),
        (3, "source_url", "statement.not_url"),
    ]
    good = write(
        tmp_path / "good.csv",
        header + "utilization.data.basic_policy,2025-06-13,決定,Decided,,https://www.cas.go.jp/\n",
    )
    fmt, rows = read_completion_file(good, KPIS, MILESTONES, TODAY)
    record(store, good, "milestones", fmt, rows, recorded_at=dt.datetime(2025, 6, 20))
    [done] = store.completions()
    assert (done.kpi_id, done.completed_on) == (
        "utilization.data.basic_policy",
        dt.date(2025, 6, 13),
    )
    assert store.completions(as_of=dt.date(2025, 6, 19)) == []
