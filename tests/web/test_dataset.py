"""The whole dataset as files, on the server and in the static site, for every vintage."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.web.site import build_site


def test_the_dataset_csv_loads_into_an_empty_store_as_the_same_values(
    client: Any, plan: Plan, tmp_path: Path
):
    body = client.get("/data.csv").content
    assert body.decode("utf-8-sig").startswith("# 計画: 試験用の計画\r\n")
    path = tmp_path / "all.csv"
    path.write_bytes(body)
    page = client.get("/data.json").json()
    with Store.open(tmp_path / "fresh.db") as fresh:
        report = import_file(fresh, path, catalog_from_plan(plan))
        assert report.new_count == page["observations"] > 0 and report.warnings == []
        reread = {(o.series, o.period): o.value for o in fresh.observations()}
    shown = client.get("/kpi/alpha.one.exports.json").json()["table"]["rows"]
    assert {(r["series_id"], r["period"]): r["value"] for r in shown}.items() <= reread.items()


def test_a_past_vintages_dataset_holds_what_was_known_then(client: Any):
    def values(query: str) -> dict[str, str]:
        text = client.get(f"/en/data.csv{query}").content.decode("utf-8-sig")
        rows = [
            line.split(",")
            for line in text.splitlines()
            if line.startswith("alpha.one.exports.jpn,")
        ]
        return {r[1]: r[2] for r in rows}

    assert values("?as_of=2025-01-10")["2023"] == "1.4547" and "2024" not in values(
        "?as_of=2025-01-10"
    )
    assert values("")["2023"] == "1.4541" and values("")["2024"] == "1.5073"


def test_the_data_package_is_valid_and_lists_its_vintages(client: Any, tmp_path: Path):
    from frictionless import validate

    archive = zipfile.ZipFile(io.BytesIO(client.get("/data.zip").content))
    archive.extractall(tmp_path)
    folder = tmp_path / "ipkpi-data"
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == ["observations", "series", "vintages"]
    vintages = (folder / "vintages.csv").read_text(encoding="utf-8").splitlines()
    assert vintages == [
        "id,recorded_at,files",
        "2025-01-10,2025-01-10T09:00:00,vintage1.csv",
        "2025-06-30,2025-06-30T09:00:00,vintage2.csv",
    ]


def test_the_dataset_workbook_has_observations_series_and_vintages(client: Any):
    book = openpyxl.load_workbook(io.BytesIO(client.get("/en/data.xlsx").content))
    assert book.sheetnames == ["observations", "series", "vintages", "about"]
    assert book["observations"].freeze_panes == "A2"
    header = next(book["observations"].iter_rows(max_row=1, values_only=True))
    assert header[:3] == ("series", "period", "value")


@pytest.fixture(scope="module")
def site(plan: Plan, store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dataset-site")
    build_site(FollowUpProvider(plan, StoreSource(store, plan)), out)
    return out


def test_the_static_site_has_the_dataset_for_every_vintage(site: Path):
    for name in ("data.csv", "data.xlsx", "data.zip", "en/data.csv",
                 "as-of/2025-01-10/data.zip", "as-of/2025-01-10/data.csv"):  # fmt: skip
        assert (site / name).is_file(), name
    old = (site / "as-of/2025-01-10/data.csv").read_text(encoding="utf-8-sig")
    assert "alpha.one.exports.jpn,2023,1.4547," in old


def test_both_languages_hold_the_same_tables_and_their_own_about(site: Path):
    """The tables are made once per vintage for both languages (web/dataset.py's _shared):
    the same rows and sheets in ja and en, each with the about lines of its own language,
    and of its own vintage."""
    ja, en = (site / "data.csv").read_bytes(), (site / "en/data.csv").read_bytes()
    table = ja[ja.index(b"series,period") :]
    assert table == en[en.index(b"series,period") :]
    assert ja[: ja.index(b"series,period")] != en[: en.index(b"series,period")]
    old = (site / "as-of/2025-01-10/data.csv").read_bytes()
    assert old[old.index(b"series,period") :] != table  # a vintage's own rows, not the latest
    books = [openpyxl.load_workbook(site / n) for n in ("data.xlsx", "en/data.xlsx")]
    for sheet in ("observations", "series", "vintages"):
        rows = [list(b[sheet].iter_rows(values_only=True)) for b in books]
        assert rows[0] == rows[1] and len(rows[0]) > 1
    abouts = [[r[0] for r in b[b.sheetnames[-1]].iter_rows(values_only=True)] for b in books]
    assert abouts[0][0] == "項目" and abouts[1][0] == "Item"
    assert (site / "data.zip").read_bytes() == (site / "en/data.zip").read_bytes()
