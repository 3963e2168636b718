"""Exports read back: into a fresh store, by Frictionless, and by an independent SDMX library."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import sdmx
from frictionless import validate
from sdmx.message import DataMessage, StructureMessage

from ipkpi.store import SeriesCatalog, Store, StoredObservation, import_file
from ipkpi.store.exporters import export_observations

from .conftest import FIXTURES


@pytest.fixture
def stocked(store: Store, catalog: SeriesCatalog) -> Store:
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    import_file(store, FIXTURES / "japanese_headers_shift_jis.csv", catalog)
    return store


def expected() -> list[StoredObservation]:
    return [
        StoredObservation("data.store.ai.jpn", "FY2023", 42.7, (),
                          "積極的に活用＋領域を限定して利用", "情報通信白書 令和6年版", None),
        StoredObservation("data.store.ai.jpn", "FY2024", 49.7, (), None,
                          "情報通信白書 令和7年版", None),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("format_", "name"), [("csv", "out.csv"), ("xlsx", "out.xlsx"), ("sdmx-csv", "sdmx")]
)
def test_export_then_import_into_a_fresh_store_gives_the_same_observations(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path, format_: str, name: str
) -> None:
    output = tmp_path / name
    written = export_observations(stocked, catalog, format_, output)
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_file(fresh, written[0], catalog)
        assert fresh.observations() == stocked.observations()
    assert [o for o in stocked.observations() if o.series == "data.store.ai.jpn"] == expected()


def test_the_data_package_is_valid_for_frictionless(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "datapackage", tmp_path / "package")
    report = validate(tmp_path / "package" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    fields = [f["name"] for f in descriptor["resources"][0]["schema"]["fields"]]
    assert fields[:9] == [
        "series",
        "period",
        "value",
        "unit",
        "source_title",
        "source_url",
        "flags",
        "note",
        "note_en",
    ]
    assert fields[9:] == ["series_label_ja", "series_label_en"]


def test_sdmx_csv_is_read_by_sdmx1_with_the_exported_structure(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "sdmx-csv", tmp_path / "sdmx")

    structure = sdmx.read_sdmx(_bytes(tmp_path / "sdmx" / "structure.xml"), format="XML")
    assert isinstance(structure, StructureMessage)
    dataflow = structure.dataflow["DF_IPKPI"]
    assert [d.id for d in dataflow.structure.dimensions] == ["SERIES", "TIME_PERIOD"]
    names = structure.codelist["CL_SERIES"]["data@store@exports@jpn"].name
    assert (names.localizations["ja"], names.localizations["en"]) == ("輸出額", "Exports")

    message = sdmx.read_sdmx(
        _bytes(tmp_path / "sdmx" / "observations.csv"), format="CSV", structure=dataflow
    )
    assert isinstance(message, DataMessage)
    [dataset] = message.data
    read = {
        (o.dimension["SERIES"].value, o.dimension["TIME_PERIOD"].value): float(o.value)
        for o in dataset.obs
    }
    mine = {(o.series.replace(".", "@"), o.period): o.value for o in stocked.observations()}
    assert len(read) == len(mine) == 8
    assert (
        read[("data@store@ai@jpn", "2024-04-01/P1Y")]
        == mine[("data@store@ai@jpn", "FY2024")]
        == 49.7
    )
    assert read[("data@store@exports@jpn", "2024")] == 1.5073
    units = {o.attached_attribute["UNIT_MEASURE"].value for o in dataset.obs}
    assert units == {"jpy_cho", "rank", "percent", "accesses_month_oku"}


def _bytes(path: Path) -> io.BytesIO:
    """The file's content in memory (sdmx1 leaves files it opens itself unclosed)."""
    return io.BytesIO(path.read_bytes())


def test_json_groups_observations_by_series_with_both_labels(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "json", tmp_path / "out.json")
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    exports = next(s for s in document["series"] if s["id"] == "data.store.exports.jpn")
    assert exports["label"] == {"ja": "輸出額", "en": "Exports"}
    assert exports["unit_label"] == {"ja": "兆円", "en": "trillion yen"}
    assert [o["period"] for o in exports["observations"]] == ["2023", "2024", "2025"]
    assert exports["observations"][2]["flags"] == ["provisional"]


def test_lang_gives_one_label_column(
    stocked: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    export_observations(stocked, catalog, "csv", tmp_path / "en.csv", lang="en")
    header, first, *_ = (tmp_path / "en.csv").read_text(encoding="utf-8").splitlines()
    assert header.endswith(",series_label")
    assert first.endswith(",Firms using it")


def test_export_as_of(store: Store, catalog: SeriesCatalog, tmp_path: Path) -> None:
    import datetime as dt

    import_file(
        store, FIXTURES / "exports_first_release.csv", catalog, recorded_at=dt.datetime(2025, 2, 4)
    )
    import_file(
        store, FIXTURES / "exports_final_release.csv", catalog, recorded_at=dt.datetime(2025, 8, 1)
    )
    export_observations(store, catalog, "csv", tmp_path / "then.csv", as_of=dt.date(2025, 3, 1))
    lines = (tmp_path / "then.csv").read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("data.store.exports.jpn,2024,1.5071,jpy_cho,")
