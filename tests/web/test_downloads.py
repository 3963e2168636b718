"""Downloads keep their meaning when forwarded, and come back: a downloaded file, edited and
imported, changes exactly the values that were edited.

The test plan's KPI ``alpha.one.exports`` (fixtures/webplan: 輸出額を2030年までに5兆円) with
its two vintages (2025-01-10 and 2025-06-30).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.web import create_app
from ipkpi.web.downloads import table_csv, table_xlsx

from .conftest import TestClient, make_store
from .test_import_form import browser_sign_in
from .test_import_form import import_server as import_server_fixture
from .test_import_form import import_store as import_store_fixture

import_server = import_server_fixture  # the service's live server with its import desk
import_store = import_store_fixture


@pytest.fixture
def own_store(plan: Plan, tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "round-trip.db", plan)
    yield store
    store.close()


@pytest.fixture
def own_client(plan: Plan, own_store: Store) -> Iterator[TestClient]:
    provider = FollowUpProvider(plan, StoreSource(own_store, plan), check_every=0)
    with TestClient(create_app(provider)) as client:
        yield client


def comments(body: bytes) -> dict[str, str]:
    lines = body.decode("utf-8-sig").splitlines()
    found = [line[2:].split(": ", 1) for line in lines if line.startswith("# ")]
    return {label: text for label, text in found}


def table(body: bytes) -> list[dict[str, str]]:
    lines = [line for line in body.decode("utf-8-sig").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("ja", {"計画の文言": "輸出額を2030年までに5兆円", "期限": "2030",
                "データ時点": "2025-06-30"}),
        ("en", {"The plan's wording": "Exports of 5 trillion yen by 2030", "Deadline": "2030",
                "Data as of": "2025-06-30"}),
    ],
)  # fmt: skip
def test_the_csv_says_what_its_numbers_are(client: Any, lang: str, wanted: dict[str, str]):
    prefix = "/en" if lang == "en" else ""
    page = client.get(f"{prefix}/kpi/alpha.one.exports.json").json()
    about = comments(client.get(f"{prefix}/kpi/alpha.one.exports.csv").content)
    for label, text in wanted.items():
        assert about[label] == text
    target = next(f for f in page["kpi"]["facts"] if f["label"] in ("目標", "Target"))
    assert target["value"] in about.values()
    verdict = next(v for k, v in about.items() if k in ("総合評価", "Headline verdict"))
    assert verdict == f"{page['headline']['status_label']} ({page['headline']['method_label']})"
    sources = next(v for k, v in about.items() if k in ("出典", "Sources"))
    assert "https://example.org/overview" in sources or page["sources"][0]["title"] in sources


def test_a_past_vintages_csv_says_it_is_past(client: Any):
    about = comments(client.get("/en/kpi/alpha.one.exports.csv?as_of=2025-01-10").content)
    assert about["Data as of"] == "2025-01-10 (a past vintage; the latest is 2025-06-30)"


def edited(body: bytes, period: str, value: str) -> bytes:
    """The downloaded file with one value changed, everything else byte for byte."""
    text = body.decode("utf-8-sig")
    lines = text.split("\r\n")
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    columns = next(csv.reader([lines[header]]))
    at = {name: i for i, name in enumerate(columns)}
    series = columns[0]
    for i in range(header + 1, len(lines)):
        if not lines[i]:
            continue
        cells = next(csv.reader([lines[i]]))
        if cells[at[series]] == "alpha.one.exports.jpn" and cells[3] == period:
            cells[4] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(cells)
            lines[i] = out.getvalue()
            return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")
    raise AssertionError(f"no row for {period}")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_downloaded_csv_edited_and_imported_changes_exactly_the_edited_value(
    own_client: TestClient, own_store: Store, plan: Plan, tmp_path: Path, lang: str
):
    prefix = "/en" if lang == "en" else ""
    before = own_client.get(f"{prefix}/kpi/alpha.one.exports.json").json()["table"]["rows"]
    body = own_client.get(f"{prefix}/kpi/alpha.one.exports.csv").content
    catalog = catalog_from_plan(plan)
    untouched = tmp_path / "untouched.csv"
    untouched.write_bytes(body)
    same = import_file(own_store, untouched, catalog, dry_run=True)
    assert (same.new_count, same.revised_count, same.unchanged_count) == (0, 0, len(before))
    changed = tmp_path / f"corrected.{lang}.csv"
    changed.write_bytes(edited(body, "2023", "1.4602"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        report = import_file(own_store, changed, catalog)
    assert (report.new_count, report.revised_count) == (0, 1)
    assert report.unchanged_count == len(before) - 1
    assert report.warnings == []  # every column is known or read past on purpose
    after = own_client.get(f"{prefix}/kpi/alpha.one.exports.json").json()["table"]["rows"]
    key = ("series_id", "period", "value", "unit", "flags", "source", "note")
    was = {(r["series_id"], r["period"]): [r[k] for k in key] for r in before}
    now = {(r["series_id"], r["period"]): [r[k] for k in key] for r in after}
    differing = {k for k in was if was[k] != now[k]}
    assert differing == {("alpha.one.exports.jpn", "2023")}
    assert now[("alpha.one.exports.jpn", "2023")][2] == 1.4602


def test_the_excel_download_has_its_meaning_a_frozen_header_widths_and_whole_ranks(
    client: Any,
):
    book = openpyxl.load_workbook(io.BytesIO(client.get("/kpi/alpha.one.rank.xlsx").content))
    assert book.sheetnames == ["データ", "説明"]
    data = book["データ"]
    assert data.freeze_panes == "A2"
    assert data.column_dimensions["A"].width >= len("alpha.one.rank.kor")
    ranks = [row[4] for row in data.iter_rows(min_row=2, values_only=True)]
    assert ranks and all(isinstance(r, int) for r in ranks)
    about = {row[0]: row[1] for row in book["説明"].iter_rows(min_row=2, values_only=True)}
    assert about["計画の文言"] == "上位4位以内" and about["期限"] == "2035"


def test_the_csv_and_excel_file_of_a_page_hold_its_rows_and_an_edited_page_its_own(client: Any):
    # The static build writes a page's CSV, then its Excel file: the second reuses the cells
    # and the about lines the first made for that page, and for no other.
    page = client.get("/kpi/alpha.one.exports.json").json()
    rows = page["table"]["rows"]
    from_csv = table(table_csv(page, "ja"))
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(page, "ja")))
    from_xlsx = list(book["データ"].iter_rows(min_row=2, values_only=True))
    assert [(r["系列ID"], r["期間"], float(r["値"])) for r in from_csv] == [
        (r["series_id"], r["period"], r["value"]) for r in rows
    ]
    assert [(r[0], r[3], r[4]) for r in from_xlsx] == [
        (r["series_id"], r["period"], r["value"]) for r in rows
    ]
    about = {row[0]: row[1] for row in book["説明"].iter_rows(min_row=2, values_only=True)}
    assert about["計画の文言"] == "輸出額を2030年までに5兆円"
    edited = {**page, "table": {**page["table"], "rows": [{**rows[0], "value": 9.25}, *rows[1:]]}}
    assert table(table_csv(edited, "ja"))[0]["値"] == "9.25"
    again = openpyxl.load_workbook(io.BytesIO(table_xlsx(edited, "ja")))["データ"]
    assert again["E2"].value == 9.25
    assert table(table_csv(page, "ja"))[0]["値"] == repr(rows[0]["value"])
    assert "The plan's wording" in comments(table_csv(page, "en"))
    assert "計画の文言" in comments(table_csv(page, "ja"))


def test_an_edited_excel_download_imports_back_too(
    own_client: TestClient, own_store: Store, plan: Plan, tmp_path: Path
):
    body = own_client.get("/en/kpi/alpha.one.rank.xlsx").content
    book = openpyxl.load_workbook(io.BytesIO(body))
    sheet = book["data"]
    rows = list(sheet.iter_rows(min_row=2))
    target = next(r for r in rows if r[0].value == "alpha.one.rank.jpn" and r[3].value == "2024")
    target[4].value = 11
    path = tmp_path / "rank.xlsx"
    book.save(path)
    report = import_file(own_store, path, catalog_from_plan(plan), dry_run=True)
    assert (report.new_count, report.revised_count, report.unchanged_count) == (
        0,
        1,
        len(rows) - 1,
    )


@pytest.mark.browser
@pytest.mark.timeout(180)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_downloaded_csv_goes_back_through_the_browser_import(
    page: Any, request: pytest.FixtureRequest, tmp_path: Path, lang: str
):
    """Download from the KPI page, correct one value, send it with the import form: the
    preview finds exactly one revision and nothing new."""
    import_server: str = request.getfixturevalue("import_server")
    prefix = "" if lang == "ja" else "/en"
    browser_sign_in(page, import_server, lang_prefix=prefix)
    page.goto(f"{import_server}{prefix}/kpi/alpha.one.exports")
    rows = page.locator("#data-table tbody tr").count()
    with page.expect_download() as download:
        page.click("ul.downloads a[href$='.csv']")
    saved = tmp_path / "downloaded.csv"
    download.value.save_as(saved)
    corrected = tmp_path / "corrected.csv"
    corrected.write_bytes(edited(saved.read_bytes(), "2023", "1.4602"))
    page.goto(f"{import_server}{prefix}/import")
    page.set_input_files("#import-file", str(corrected))
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")
    counts = [page.inner_text(f"#count-{k}") for k in ("new", "revised", "unchanged")]
    assert counts == ["0", "1", str(rows - 1)]
    first = page.locator("#changes tbody tr").first.locator("td")
    assert [first.nth(i).inner_text() for i in (1, 2, 3)] == ["2023", "1.4541", "1.4602"]
    assert page.problems == []
