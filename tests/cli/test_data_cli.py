"""`ipkpi data`: import, export, history, vintages and load-shipped, as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ipkpi.cli.main import cli
from ipkpi.store import Store

STORE_FIXTURES = Path(__file__).parents[1] / "store" / "fixtures"
PLAN = STORE_FIXTURES / "plan"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def data(db: Path, *args: str, plan: Path = PLAN) -> Result:
    # Wide enough for rich's tables; the English words of the commands without a --lang of
    # their own (the rule: --lang, else IPKPI_LANG, else Japanese).
    own_lang = {"history", "vintages", "export"} & set(args)
    runner = CliRunner(env={"COLUMNS": "200", "IPKPI_LANG": None if own_lang else "en"})
    return runner.invoke(cli, ["data", "--db", str(db), "--plan", str(plan), *args])


def test_import_reports_what_it_added(db: Path) -> None:
    result = data(db, "import", str(STORE_FIXTURES / "tidy_mixed_units.csv"))
    assert result.exit_code == 0, result.output
    assert "tidy_mixed_units.csv: imported: 7 new, 0 revised, 0 unchanged" in result.stderr
    with Store.open(db) as store:
        assert len(store.observations()) == 7


def test_importing_the_same_file_again_says_so(db: Path) -> None:
    data(db, "import", str(STORE_FIXTURES / "tidy_mixed_units.csv"))
    result = data(db, "import", str(STORE_FIXTURES / "tidy_mixed_units.csv"))
    assert result.exit_code == 0
    assert "already imported (same content" in result.stderr
    assert "nothing added" in result.stderr


def test_a_bad_file_lists_every_problem_and_imports_nothing(db: Path) -> None:
    result = data(db, "import", str(STORE_FIXTURES / "non_numeric_value.csv"))
    assert result.exit_code == 1
    assert "2 problems; nothing was imported:" in result.stderr
    assert (
        "non_numeric_value.csv, row 3, column value: not a number (value 'n/a') — write a number"
        in result.stderr
    )
    assert "non_numeric_value.csv, row 4, column value: no value" in result.stderr
    assert "Error: non_numeric_value.csv: nothing was imported" in result.stderr
    with Store.open(db) as store:
        assert store.vintages() == []


def test_dry_run_lists_the_changes(db: Path) -> None:
    data(db, "import", str(STORE_FIXTURES / "exports_first_release.csv"))
    result = data(db, "import", "--dry-run", str(STORE_FIXTURES / "exports_final_release.csv"))
    assert result.exit_code == 0, result.output
    assert "would change: 0 new, 1 revised, 1 unchanged" in result.stderr
    assert "1.5071" in result.stderr and "1.5073" in result.stderr
    with Store.open(db) as store:
        assert len(store.vintages()) == 1


def test_xlsx_sheet_option(db: Path) -> None:
    result = data(
        db, "import", "--sheet", "輸出額", str(STORE_FIXTURES / "titled_sheet_merged_header.xlsx")
    )
    assert result.exit_code == 0, result.output
    assert "3 new" in result.stderr


def test_max_file_size_option(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text(
        "series,period,value\n" + "data.store.rank.jpn,2024,13\n" * 50_000, encoding="utf-8"
    )
    result = data(db, "import", "--max-file-size", "1", str(big))
    assert result.exit_code == 1
    assert "over the 1.0 MB limit" in result.stderr


def import_both_releases(db: Path) -> None:
    """The 速報 on 2025-02-04, then the 確報 on 2025-08-01."""
    for day, name in (("2025-02-04", "first"), ("2025-08-01", "final")):
        result = data(
            db, "import", "--recorded-at", day, str(STORE_FIXTURES / f"exports_{name}_release.csv")
        )
        assert result.exit_code == 0, result.output


def test_history_lists_each_revision(db: Path) -> None:
    import_both_releases(db)
    result = data(db, "history", "data.store.exports.jpn")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "│ 2024" in line]
    assert len(lines) == 2
    assert "1.5071" in lines[0] and "速報値" in lines[0] and "2025-02-04" in lines[0]
    assert "1.5073" in lines[1] and "2025-08-01" in lines[1]


def test_history_of_an_unknown_series(db: Path) -> None:
    result = data(db, "history", "nope")
    assert result.exit_code == 1
    assert "系列「nope」の観測値はストアにありません。" in result.stderr


def test_export_csv_to_stdout_as_of_a_date(db: Path) -> None:
    import_both_releases(db)
    now = data(db, "export", "--lang", "ja")
    then = data(db, "export", "--as-of", "2025-03-01", "--lang", "ja")
    assert now.exit_code == then.exit_code == 0
    assert now.stdout.splitlines()[0] == (
        "series,period,value,unit,source_title,source_url,flags,note,note_en,series_label"
    )
    assert ",2024,1.5073,jpy_cho," in now.stdout and now.stdout.rstrip().endswith(",確報,,輸出額")
    assert ",2024,1.5071,jpy_cho," in then.stdout and ",provisional,速報,,輸出額" in then.stdout


@pytest.mark.parametrize(
    ("format_", "target", "files"),
    [
        ("json", "out.json", ["out.json"]),
        ("xlsx", "out.xlsx", ["out.xlsx"]),
        ("sdmx-csv", "sdmx", ["sdmx/observations.csv", "sdmx/structure.xml"]),
        ("datapackage", "pkg", ["pkg/datapackage.json", "pkg/observations.csv", "pkg/series.csv"]),
    ],
)
def test_export_formats(
    db: Path, tmp_path: Path, format_: str, target: str, files: list[str]
) -> None:
    data(db, "import", str(STORE_FIXTURES / "tidy_mixed_units.csv"))
    result = data(db, "export", "--format", format_, "-o", str(tmp_path / target))
    assert result.exit_code == 0, result.output
    for name in files:
        assert (tmp_path / name).is_file()
        assert f"wrote {tmp_path / name}" in result.stderr


def test_export_to_a_folder_needs_an_output(db: Path) -> None:
    result = data(db, "export", "--format", "datapackage")
    assert result.exit_code == 2
    assert "needs -o/--output" in result.stderr


def test_json_export_to_stdout(db: Path) -> None:
    data(db, "import", str(STORE_FIXTURES / "utf8_with_bom.csv"))
    result = data(db, "export", "--format", "json", "--lang", "en")
    document = json.loads(result.stdout)
    assert [s["label"] for s in document["series"]] == ["Japan", "Korea"]


def test_vintages_in_either_language(db: Path) -> None:
    assert "データ版はまだありません" in data(db, "vintages").stdout
    assert "No vintages yet" in data(db, "vintages", "--lang", "en").stdout
    data(db, "import", str(STORE_FIXTURES / "utf8_with_bom.csv"))
    ja = data(db, "vintages")
    assert ja.exit_code == 0
    assert "utf8_with_bom.csv" in ja.stdout and "データ版 1 件" in ja.stdout
    assert all(h in ja.stdout for h in ("記録（UTC）", "ファイル", "行数", "新規", "改訂"))
    assert not re.search(r"\b(vintages?|recorded|file|rows|new|revised)\b", ja.stdout, re.I)
    en = data(db, "vintages", "--lang", "en")
    assert en.stdout.splitlines()[0].strip() == "1 vintage"  # one, not "1 vintages"
    assert all(h in en.stdout for h in ("Recorded (UTC)", "File", "Rows", "New", "Revised"))
    data(db, "import", str(STORE_FIXTURES / "tidy_mixed_units.csv"))
    assert "2 vintages" in data(db, "vintages", "--lang", "en").stdout
    assert "データ版 2 件" in data(db, "vintages").stdout


def test_load_shipped_is_idempotent(db: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    shutil.copy(STORE_FIXTURES / "shipped_bilingual.csv", plan / "observations.csv")
    first = data(db, "load-shipped", plan=plan)
    again = data(db, "load-shipped", plan=plan)
    assert first.exit_code == again.exit_code == 0, first.output
    assert "observations.csv: imported: 2 new" in first.stderr
    assert "already imported" in again.stderr


def test_load_shipped_without_a_file(db: Path) -> None:
    result = data(db, "load-shipped")
    assert result.exit_code == 0
    assert "no shipped observations" in result.stderr


def test_an_invalid_plan_is_reported(db: Path, tmp_path: Path) -> None:
    result = data(db, "import", str(STORE_FIXTURES / "utf8_with_bom.csv"), plan=tmp_path)
    assert result.exit_code == 1
    assert "has problems" in result.stderr


def test_db_and_plan_may_follow_the_subcommand(tmp_path: Path) -> None:
    """As on serve, status and report: `ipkpi data import FILE --db X --plan P`."""
    db = tmp_path / "after.db"
    file = str(STORE_FIXTURES / "tidy_mixed_units.csv")
    result = CliRunner(env={"IPKPI_LANG": "en"}).invoke(
        cli, ["data", "import", file, "--db", str(db), "--plan", str(PLAN)]
    )
    assert result.exit_code == 0, result.output
    assert "imported: 7 new" in result.stderr
    with Store.open(str(db)) as store:
        assert len(store.vintages()) == 1
    listed = CliRunner().invoke(cli, ["data", "vintages", "--db", str(db), "--lang", "en"])
    assert "1 vintage" in listed.output
