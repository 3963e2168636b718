"""Fiscal halves (上期/下期) and quarters (第1四半期 …): imported, stored, exported, read back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl
import pytest
import sdmx
from frictionless import validate
from sdmx.message import DataMessage, StructureMessage

from ipkpi.store import DataFileError, SeriesCatalog, Store, import_file
from ipkpi.store.exporters import export_observations
from ipkpi.store.series_points import series_points

from .conftest import FIXTURES, snapshot

FILE = FIXTURES / "fiscal_halves_quarters.csv"
HALF, QUARTER = "data.store.sales.half", "data.store.sales.quarter"
STORED = {
    (HALF, "FY2024-H1"): 1234.0,
    (HALF, "FY2024-H2"): 1300.0,  # 0.13 兆円 in the series' 億円
    (HALF, "FY2025-H1"): 1402.0,
    (QUARTER, "FY2024-Q1"): 600.0,
    (QUARTER, "FY2024-Q2"): 634.0,
    (QUARTER, "FY2024-Q3"): 651.0,
    (QUARTER, "FY2024-Q4"): 649.0,
    (QUARTER, "FY2025-Q1"): 702.0,
}


@pytest.fixture
def stocked(store: Store, catalog: SeriesCatalog) -> Store:
    report = import_file(store, FILE, catalog)
    assert (report.status, report.new_count) == ("imported", 8)
    return store


def test_japanese_spellings_are_stored_as_canonical_fiscal_periods_in_time_order(
    stocked: Store,
) -> None:
    observations = stocked.observations()
    assert [(o.series, o.period, o.value) for o in observations] == [
        (series, period, value) for (series, period), value in STORED.items()
    ]
    notes = {(o.series, o.period): o.note for o in observations if o.note}
    assert notes == {(HALF, "FY2024-H1"): "上半期", (QUARTER, "FY2024-Q4"): "1～3月"}


def test_the_assessment_places_fiscal_parts_on_their_fiscal_year(stocked: Store) -> None:
    points = series_points(stocked)
    assert [(p.period, p.year) for p in points[HALF]] == [
        ("FY2024-H1", 2024.0),
        ("FY2024-H2", 2024.5),
        ("FY2025-H1", 2025.0),
    ]
    assert [p.year for p in points[QUARTER]] == [2024.0, 2024.25, 2024.5, 2024.75, 2025.0]


@pytest.mark.parametrize(
    ("format_", "name"), [("csv", "out.csv"), ("xlsx", "out.xlsx"), ("sdmx-csv", "sdmx")]
)
def test_export_then_import_into_a_fresh_store_gives_the_same_fiscal_periods(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path, format_: str, name: str
) -> None:
    written = export_observations(stocked, catalog, format_, tmp_path / name)
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_file(fresh, written[0], catalog)
        assert fresh.observations() == stocked.observations()
        assert {(o.series, o.period): o.value for o in fresh.observations()} == STORED


def test_sdmx_time_periods_are_ranges_from_the_first_day(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "sdmx-csv", tmp_path / "sdmx")
    rows = pl.read_csv(tmp_path / "sdmx" / "observations.csv", infer_schema=False)
    assert rows.select("SERIES", "TIME_PERIOD").rows() == [
        ("data@store@sales@half", "2024-04-01/P6M"),
        ("data@store@sales@half", "2024-10-01/P6M"),
        ("data@store@sales@half", "2025-04-01/P6M"),
        ("data@store@sales@quarter", "2024-04-01/P3M"),
        ("data@store@sales@quarter", "2024-07-01/P3M"),
        ("data@store@sales@quarter", "2024-10-01/P3M"),
        ("data@store@sales@quarter", "2025-01-01/P3M"),
        ("data@store@sales@quarter", "2025-04-01/P3M"),
    ]

    structure = sdmx.read_sdmx(
        io.BytesIO((tmp_path / "sdmx" / "structure.xml").read_bytes()), format="XML"
    )
    assert isinstance(structure, StructureMessage)
    message = sdmx.read_sdmx(
        io.BytesIO((tmp_path / "sdmx" / "observations.csv").read_bytes()),
        format="CSV",
        structure=structure.dataflow["DF_IPKPI"],
    )
    assert isinstance(message, DataMessage)
    [dataset] = message.data
    read = {o.dimension["TIME_PERIOD"].value: float(o.value) for o in dataset.obs}
    assert read["2025-01-01/P3M"] == STORED[(QUARTER, "FY2024-Q4")] == 649.0


def test_the_data_package_accepts_fiscal_periods(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "datapackage", tmp_path / "package")
    report = validate(tmp_path / "package" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    [period] = [f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == "period"]
    assert "FY\\d{4}(-H[12]|-Q[1-4])?" in period["constraints"]["pattern"]


@pytest.mark.parametrize(
    ("series", "period", "reason", "hint"),
    [
        (QUARTER, "2024年第2四半期", "a quarter in a fiscal_quarterly series", "2024年度第1四半期"),
        (QUARTER, "2024年度上期", "a fiscal half in a fiscal_quarterly series", "FY2024-Q1"),
        (HALF, "FY2024", "a fiscal year in a fiscal_half series", "FY2024-H1 or 2024年度上期"),
        ("data.store.ai.jpn", "2024年度上期", "a fiscal half in a fiscal series", "FY2024"),
    ],
)
def test_a_period_of_another_kind_is_refused_with_the_expected_form(
    store: Store,
    catalog: SeriesCatalog,
    tmp_path: Path,
    series: str,
    period: str,
    reason: str,
    hint: str,
) -> None:
    path = tmp_path / "wrong_kind.csv"
    path.write_text(f"series,period,value\n{series},{period},1\n", encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog)
    [problem] = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "period", period)
    assert problem.reason == reason
    assert hint in problem.hint
    assert snapshot(store) == before


def test_an_impossible_fiscal_quarter_says_which_exist(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "fifth_quarter.csv"
    path.write_text(f"series,period,value\n{QUARTER},2024年度第5四半期,1\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog)
    [problem] = caught.value.problems
    assert problem.reason == "not a valid period"
    assert "fiscal quarter 5 does not exist (1–4)" in problem.hint


def test_two_spellings_of_one_fiscal_quarter_are_duplicates(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        f"series,period,value\n{QUARTER},令和6年度第1四半期,1\n{QUARTER},1Q FY2024,2\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog)
    [problem] = caught.value.problems
    assert (problem.row, problem.reason) == (3, "a second value for the same series and period")
    assert "row 2 already gives data.store.sales.quarter for FY2024-Q1" in problem.hint
