"""SDMX-CSV of other producers (the UNSD SDG API's shape), read through a series map."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.store import DataFileError, SeriesCatalog, Store, import_file

from .conftest import FIXTURES, PLAN, snapshot

DATA = FIXTURES / "sdmx_foreign_unsd.csv"
MAP = FIXTURES / "sdmx_foreign_map.csv"


def stored(store: Store) -> dict[tuple[str, str], tuple[float, tuple[str, ...], str | None]]:
    return {(o.series, o.period): (o.value, o.flags, o.note) for o in store.observations()}


def refused(store: Store, catalog: SeriesCatalog, path: Path, **options: object) -> str:
    before = snapshot(store)
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog, **options)  # type: ignore[arg-type]
    assert snapshot(store) == before
    return "\n".join(str(p) for p in caught.value.problems)


def test_mapped_keys_are_imported_with_unit_mult_status_and_comment(
    store: Store, catalog: SeriesCatalog
) -> None:
    report = import_file(store, DATA, catalog, sdmx_map=MAP)

    assert (report.status, report.new_count) == ("imported", 4)
    assert stored(store) == {
        # 14,541 × 10^8 yen (UNIT_MULT 8, map unit jpy) is 1.4541 兆円 in the series' unit.
        ("data.store.exports.jpn", "2023"): (1.4541, (), None),
        # OBS_STATUS P is a provisional (速報) value; COMMENT_OBS is the note.
        ("data.store.exports.jpn", "2024"): (1.5073, ("provisional",), "first release"),
        # OBS_STATUS E: estimated. The key is read from "392: Japan" as its code, 392.
        ("data.store.rank.jpn", "2024"): (13.0, ("estimate",), None),
        ("data.store.rank.kor", "2024"): (6.0, (), None),
    }
    # Korea's exports and China's rank are not in the map; 2025 has no value (status M).
    assert "2 rows of 2 series keys not in the map skipped" in [str(w) for w in report.warnings]
    assert "1 row without a value (OBS_STATUS M/L/O/Z) skipped" in [str(w) for w in report.warnings]


def test_the_same_file_through_another_map_is_another_import(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    import_file(store, DATA, catalog, sdmx_map=MAP)
    again = import_file(store, DATA, catalog, sdmx_map=MAP)
    assert again.status == "already_imported"

    other = tmp_path / "map.csv"
    other.write_text("key,series\nA.G.GII_RANK.156,data.store.rank.kor\n", encoding="utf-8")
    report = import_file(store, DATA, catalog, sdmx_map=other)
    assert (report.status, report.revised_count) == ("imported", 1)
    assert stored(store)[("data.store.rank.kor", "2024")] == (11.0, (), None)


def test_without_a_map_the_error_names_the_dimensions_and_the_option(
    store: Store, catalog: SeriesCatalog
) -> None:
    said = refused(store, catalog, DATA)
    assert "another structure (dimensions FREQ, REPORTING_TYPE, SERIES, REF_AREA)" in said
    assert "--sdmx-map" in said and "'A.G.EXP_AGRI.392'" in said


def test_a_broken_map_lists_every_bad_row(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text(
        "key,series\nA.G.GII_RANK.392,data.store.rank.jpn\n,data.store.rank.kor\n"
        "A.G.GII_RANK.392,data.store.rank.kor\nA.G.EXP_AGRI.392,\n",
        encoding="utf-8",
    )
    said = refused(store, catalog, DATA, sdmx_map=bad)
    assert "map.csv, row 3, column key: no key" in said
    assert "map.csv, row 4, column key: the key is mapped again (first on row 2)" in said
    assert "map.csv, row 5, column series: no series" in said


def test_a_map_without_its_columns(store: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text("sdmx,ipkpi\nA.G.GII_RANK.392,data.store.rank.jpn\n", encoding="utf-8")
    assert "the map has no key and no series column" in refused(store, catalog, DATA, sdmx_map=bad)


def test_a_map_matching_nothing(store: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text("key,series\nA.G.GII_RANK.840,data.store.rank.jpn\n", encoding="utf-8")
    said = refused(store, catalog, DATA, sdmx_map=bad)
    assert "none of the 5 series keys is in the map map.csv" in said
    assert "A.G.EXP_AGRI.392" in said


def test_a_mapped_series_the_plan_does_not_have(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    bad = tmp_path / "map.csv"
    bad.write_text("key,series\nA.G.GII_RANK.392,data.store.rank.japan\n", encoding="utf-8")
    said = refused(store, catalog, DATA, sdmx_map=bad)
    assert "unknown series" in said and "data.store.rank.jpn" in said


def test_unknown_status_and_bad_unit_mult_are_errors_with_their_rows(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    data = tmp_path / "unsd.csv"
    data.write_text(
        "DATAFLOW,FREQ,SERIES,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n"
        "UNSD:DF(1.0),A,GII_RANK,392,2023,13,,Q\n"
        "UNSD:DF(1.0),A,GII_RANK,392,2024,13,two,A\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.csv"
    mapping.write_text("key,series\nA.GII_RANK.392,data.store.rank.jpn\n", encoding="utf-8")
    said = refused(store, catalog, data, sdmx_map=mapping)
    assert "unsd.csv, row 2, column OBS_STATUS: an OBS_STATUS ipkpi does not know" in said
    assert "unsd.csv, row 3, column UNIT_MULT: UNIT_MULT is not a whole number" in said


def test_a_map_is_for_sdmx_csv_only(store: Store, catalog: SeriesCatalog) -> None:
    said = refused(store, catalog, FIXTURES / "utf8_with_bom.csv", sdmx_map=MAP)
    assert "a series map is for SDMX-CSV files; this is csv" in said


def test_ipkpis_own_sdmx_csv_still_needs_no_map(store: Store, catalog: SeriesCatalog) -> None:
    report = import_file(store, FIXTURES / "sdmx_csv_ranks.csv", catalog)
    assert report.new_count == 3


def test_the_cli_option(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner(env={"IPKPI_LANG": "en"})
    base = ["data", "import", "--plan", str(PLAN), "--db", db, str(DATA)]
    refused = runner.invoke(cli, base)
    assert refused.exit_code == 1
    assert "--sdmx-map" in refused.output and "nothing was imported" in refused.output

    done = runner.invoke(cli, [*base, "--sdmx-map", str(MAP)])
    assert done.exit_code == 0, done.output
    shown = runner.invoke(
        cli, ["data", "history", "data.store.exports.jpn", "--plan", str(PLAN), "--db", db]
    )
    assert "1.5073" in shown.output
