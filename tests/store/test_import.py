"""Importing good files: every format, Japanese headers and encodings, unit conversion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipkpi.store import SeriesCatalog, Store, import_file

from .conftest import FIXTURES, snapshot


def values(store: Store) -> dict[tuple[str, str], float]:
    return {(o.series, o.period): o.value for o in store.observations()}


def test_values_are_stored_in_the_series_unit_exactly(store: Store, catalog: SeriesCatalog) -> None:
    report = import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)

    assert (report.status, report.new_count, report.revised_count) == ("imported", 7, 0)
    assert values(store) == {
        # 億円 → 兆円 divides by 10⁴ and rounds once: 15,073 億円 is exactly 1.5073 兆円.
        ("data.store.exports.jpn", "2023"): 1.4541,
        ("data.store.exports.jpn", "2024"): 1.5073,
        ("data.store.exports.jpn", "2025"): 1.7005,
        ("data.store.rank.jpn", "2025"): 12.0,
        ("data.store.rank.kor", "2025"): 4.0,
        ("data.store.ai.jpn", "FY2024"): 55.2,
        # 107.9 million accesses a month, in a series kept in 億 (10⁸) accesses a month.
        ("data.store.piracy.top10", "2024-01"): 1.079,
    }


def test_flags_notes_and_sources_are_kept(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    by_key = {(o.series, o.period): o for o in store.observations()}

    first_release = by_key[("data.store.exports.jpn", "2025")]
    assert first_release.flags == ("provisional",)
    assert first_release.note == "速報"
    assert first_release.source_title == "農林水産省 輸出実績"
    assert by_key[("data.store.piracy.top10", "2024-01")].flags == ("estimate", "approximate")


def test_a_vintage_records_the_file_its_hash_and_when(store: Store, catalog: SeriesCatalog) -> None:
    moment = dt.datetime(2025, 2, 7, 9, 30)
    report = import_file(
        store,
        FIXTURES / "tidy_mixed_units.csv",
        catalog,
        source_title="MAFF",
        recorded_at=moment,
    )

    [vintage] = store.vintages()
    assert vintage == report.vintage
    assert vintage.file_name == "tidy_mixed_units.csv"
    assert vintage.file_format == "csv"
    assert vintage.recorded_at == moment
    assert vintage.source_title == "MAFF"
    assert len(vintage.sha256) == 64
    assert (vintage.row_count, vintage.new_count, vintage.revised_count) == (7, 7, 0)


def test_the_same_file_again_adds_nothing(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    before = snapshot(store)

    again = import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)

    assert again.status == "already_imported"
    assert again.vintage == store.vintages()[0]
    assert snapshot(store) == before


def test_shift_jis_file_with_japanese_headers(store: Store, catalog: SeriesCatalog) -> None:
    # Headed 年度: the bare years 2023 and ２０２４ are fiscal years.
    report = import_file(store, FIXTURES / "japanese_headers_shift_jis.csv", catalog)

    assert report.new_count == 2
    rows = {(o.period, o.value, o.source_title, o.note) for o in store.observations()}
    assert rows == {
        ("FY2023", 42.7, "情報通信白書 令和6年版", "積極的に活用＋領域を限定して利用"),
        ("FY2024", 49.7, "情報通信白書 令和7年版", None),
    }


def test_utf8_with_bom_and_crlf(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "utf8_with_bom.csv", catalog)
    assert values(store) == {
        ("data.store.rank.jpn", "2024"): 13.0,
        ("data.store.rank.kor", "2024"): 6.0,
    }


def test_xlsx_with_a_title_block_and_merged_headers(store: Store, catalog: SeriesCatalog) -> None:
    report = import_file(
        store, FIXTURES / "titled_sheet_merged_header.xlsx", catalog, sheet="輸出額"
    )

    assert report.vintage is not None and report.vintage.file_format == "xlsx"
    assert values(store) == {
        ("data.store.exports.jpn", "2022"): 1.4148,
        ("data.store.exports.jpn", "2023"): 1.4541,
        ("data.store.exports.jpn", "2024"): 1.5073,
    }
    # 出典 merged over タイトル | URL: both columns found.
    assert {o.source_url for o in store.observations()} == {
        "https://www.maff.go.jp/j/shokusan/export/e_info/zisseki.html"
    }


def test_xlsx_dates_formatted_as_months_are_months(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "titled_sheet_merged_header.xlsx", catalog, sheet="アクセス")
    assert values(store) == {
        ("data.store.piracy.top10", "2024-01"): 1.079,
        ("data.store.piracy.top10", "2024-02"): 1.123,
    }


def test_sdmx_csv(store: Store, catalog: SeriesCatalog) -> None:
    report = import_file(store, FIXTURES / "sdmx_csv_ranks.csv", catalog)

    assert report.vintage is not None and report.vintage.file_format == "sdmx-csv"
    assert values(store) == {
        ("data.store.rank.jpn", "2024"): 13.0,
        ("data.store.ai.jpn", "FY2024"): 49.7,
        ("data.store.piracy.top10", "2024-01"): 1.079,
    }


def test_dry_run_reports_the_changes_and_writes_nothing(
    store: Store, catalog: SeriesCatalog
) -> None:
    import_file(store, FIXTURES / "exports_first_release.csv", catalog)
    before = snapshot(store)

    report = import_file(store, FIXTURES / "exports_final_release.csv", catalog, dry_run=True)

    assert report.status == "dry_run"
    assert (report.new_count, report.revised_count, report.unchanged_count) == (0, 1, 1)
    [change] = report.changes()
    assert (change.row, change.series, change.period) == (3, "data.store.exports.jpn", "2024")
    assert (change.value, change.old_value, change.status) == (1.5073, 1.5071, "revised")
    assert snapshot(store) == before


@pytest.mark.parametrize("header", ["系列,期間,値,単位", "Series,Time Period,OBS_VALUE,Unit"])
def test_header_aliases(header: str, store: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(f"{header}\ndata.store.rank.jpn,2024年,13,位\n", encoding="utf-8")
    import_file(store, path, catalog)
    assert values(store) == {("data.store.rank.jpn", "2024"): 13.0}


def test_japanese_number_forms(store: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text(
        'series,period,value\ndata.store.daily.a,2022,"１，２３４"\n'
        "data.store.daily.a,2023,▲5\ndata.store.daily.a,2024, 7 \n",
        encoding="utf-8",
    )
    import_file(store, path, catalog)
    assert sorted(values(store).values()) == [-5.0, 7.0, 1234.0]


def test_unknown_columns_are_reported_as_unused(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "series,period,value,remarks\ndata.store.rank.jpn,2024,13,x\n", encoding="utf-8"
    )
    report = import_file(store, path, catalog)
    assert [str(w) for w in report.warnings] == ["column 'remarks' is not used"]
    assert [w.text("ja") for w in report.warnings] == ["列「remarks」は使いません"]
