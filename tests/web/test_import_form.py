"""Importing data from the browser: a token-guarded upload, a preview, a confirmation."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from ipkpi.cli import web_cmd
from ipkpi.followup import FollowUpProvider, MemorySource
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store import ImportLimits, Store
from ipkpi.store.schema import observations as observations_table
from ipkpi.web import create_app, imports

from .conftest import WEBPLAN, TestClient, make_store, screenshot, serving

TOKEN = "correct-horse-battery-staple"
#: Against the fixture data (2024 is 1.5073 兆円, 2023 is 1.4541): one revision (15,500 億円 is
#: 1.55 兆円), one new value (2025) and one unchanged value.
GOOD_CSV = (
    "series,period,value,unit,source_title,source_url,flags,note\n"
    'alpha.one.exports.jpn,2024,"15,500",億円,Statistics,https://example.org/stats,,\n'
    "alpha.one.exports.jpn,2025,1.62,兆円,Statistics,https://example.org/stats,,\n"
    "alpha.one.exports.jpn,2023,1.4541,兆円,Statistics,https://example.org/stats,,revised\n"
)
BAD_CSV = (
    "series,period,value,unit\n"
    "alpha.one.exports.jpn,2024,n/a,兆円\n"
    "alpha.one.export.jpn,2024,1.5,兆円\n"
)


@pytest.fixture
def import_store(plan: Plan, tmp_path: Path) -> Iterator[Store]:
    """A store of its own for each test: the tests import into it."""
    opened = make_store(tmp_path / "import.db", plan)
    yield opened
    opened.close()


@pytest.fixture
def import_app(plan: Plan, import_store: Store) -> Any:
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=0)
    return create_app(provider, import_token=TOKEN)


@pytest.fixture
def importer(import_app: Any) -> Iterator[TestClient]:
    with TestClient(import_app) as test_client:
        yield test_client


def snapshot(store: Store) -> tuple[Any, ...]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(observations_table)).scalar_one()
    return store.vintages(), store.observations(), rows


def upload(
    client: TestClient,
    content: str | bytes,
    *,
    name: str = "release.csv",
    token: str | None = TOKEN,
    path: str = "/import",
    **fields: str,
) -> Any:
    data = {**fields}
    if token is not None:
        data["token"] = token
    body = content.encode() if isinstance(content, str) else content
    return client.post(path, data=data, files={"file": (name, body, "text/csv")})


def nonce_of(response: Any) -> str:
    found = re.search(r'name="nonce" value="([^"]+)"', response.text)
    assert found, response.text
    return found.group(1)


def staged(client: TestClient) -> list[Path]:
    desk = client.app.state.server.imports  # type: ignore[attr-defined]
    return [p for p in desk.staging.rglob("*") if p.is_file()]


def table_rows(response: Any, table_id: str) -> list[list[str]]:
    """The cells of a table's body, as text, row by row."""
    table = response.text.split(f'id="{table_id}"')[1].split("</table>")[0]
    body = table.split("<tbody>")[1]
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in
         re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]  # fmt: skip


def main_text(response: Any) -> str:
    """The page's main content as plain text (tags dropped, entities decoded)."""
    found = re.search(r"<main.*?</main>", response.text, re.S)
    assert found
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))))


# -- without a token there is nothing -------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "address", "says"),
    [
        ("GET", "/import", "ページが見つかりません"),
        ("GET", "/en/import", "Page not found"),
        ("POST", "/import", "ページが見つかりません"),
        ("POST", "/en/import/confirm", "Page not found"),
        ("GET", "/import/template.csv", "ページが見つかりません"),
    ],
)
def test_without_a_token_the_import_pages_do_not_exist(
    client: Any, method: str, address: str, says: str
):
    response = client.request(method, address)
    assert response.status_code == 404
    assert says in response.text


def test_without_a_token_no_page_links_to_the_import(client: Any):
    for address in ("/", "/en/", "/kpi/alpha.one.exports", "/progress"):
        text = client.get(address).text
        assert "/import" not in text
        assert "データ取込" not in text and "Import data" not in text


def test_an_empty_token_is_refused(provider: FollowUpProvider):
    with pytest.raises(ValueError, match="must not be empty"):
        create_app(provider, import_token="  ")


def test_a_follow_up_without_a_store_cannot_take_imports(plan: Plan):
    with pytest.raises(ValueError, match="observation store"):
        create_app(FollowUpProvider(plan, MemorySource({})), import_token=TOKEN)


# -- the form -----------------------------------------------------------------------------
def test_the_form_in_japanese(importer: TestClient):
    response = importer.get("/import")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="ja">' in page
    assert "<h1>データ取込</h1>" in page
    assert '<a href="/import" aria-current="page">データ取込</a>' in page
    assert 'action="/import" enctype="multipart/form-data"' in page
    assert '<input id="import-token" name="token" type="password"' in page
    assert '<input id="import-file" name="file" type="file"' in page
    for name in ("sheet", "source_title", "source_url"):
        assert f'name="{name}"' in page
    assert 'href="/import/template.csv"' in page and 'href="/import/template.xlsx"' in page
    assert 'class="lang-switch" href="/en/import"' in page
    assert "令和6年度" in page and "億円" in page and "docs/data.md" in page
    # The series of the plan, with the unit and the kind of period each takes.
    assert re.search(
        r"<code>beta.two.access.total</code></th><td>アクセス数</td>"
        r'<td><span lang="ja">億アクセス/月</span></td><td>月: 2024年3月、2024-03</td>',
        page,
    )
    assert "CSV 200.0 MB, XLSX 50.0 MB" in page


def test_the_form_in_english(importer: TestClient):
    for address in ("/en/import", "/import?lang=en"):
        response = importer.get(address)
        assert response.status_code == 200
        page = response.text
        assert '<html lang="en">' in page
        assert "<h1>Import data</h1>" in page
        assert 'action="/en/import" enctype="multipart/form-data"' in page
        assert 'class="lang-switch" href="/import"' in page
        assert "Import token" in page and "fiscal year" in page
        # The unit as a file writes it, and its English name.
        assert '<td><span lang="ja">兆円</span> (trillion yen)</td>' in page


def test_with_a_token_every_page_links_to_the_import(importer: TestClient):
    assert '<a href="/import">データ取込</a>' in importer.get("/").text
    assert '<a href="/en/import">Import data</a>' in importer.get("/en/kpi/alpha.one.rank").text


# -- the token ----------------------------------------------------------------------------
@pytest.mark.parametrize("token", ["wrong", "", None, TOKEN + " "])
def test_a_wrong_or_missing_token_is_refused_and_nothing_is_stored(
    importer: TestClient, import_store: Store, token: str | None
):
    before = snapshot(import_store)
    response = upload(importer, GOOD_CSV, token=token)
    assert response.status_code == 403
    assert "取込用トークンが正しくない" in response.text
    assert "何も保存されていません" in response.text
    assert snapshot(import_store) == before
    assert staged(importer) == []
    assert 'name="nonce"' not in response.text


def test_the_token_is_checked_before_the_file_is_received(importer: TestClient):
    # The form puts the token first; a wrong one stops the upload at the file's headers.
    response = upload(importer, "x" * 100_000, token="wrong", path="/en/import")
    assert response.status_code == 403
    assert "The import token is wrong or missing" in response.text
    assert staged(importer) == []


# -- bad files ----------------------------------------------------------------------------
def test_a_bad_file_lists_every_problem_with_its_row_and_stores_nothing(
    importer: TestClient, import_store: Store
):
    before = snapshot(import_store)
    response = upload(importer, BAD_CSV, path="/en/import")
    assert response.status_code == 422
    assert "2 problems found; nothing was imported." in response.text
    cells = table_rows(response, "problems")
    assert len(cells) == 2
    assert cells[0] == [
        "2", "value", "n/a", "not a number", "write a number such as 1234.5, 1,234 or ▲12"
    ]  # fmt: skip
    assert cells[1][:4] == ["3", "series", "alpha.one.export.jpn", "unknown series"]
    assert "did you mean 'alpha.one.exports.jpn'?" in cells[1][4]
    assert snapshot(import_store) == before
    assert staged(importer) == []
    assert 'name="nonce"' not in response.text
    # The form is there to try again.
    assert 'id="import-form"' in response.text


def test_problems_are_in_japanese_on_the_japanese_page(importer: TestClient):
    response = upload(importer, BAD_CSV)
    assert response.status_code == 422
    assert "2 件の問題があります。何も取り込まれていません。" in response.text
    cells = table_rows(response, "problems")
    assert cells[0] == [
        "2", "value", "n/a", "数値ではありません", "1234.5、1,234、▲12 のような数値で書いてください"
    ]  # fmt: skip
    assert cells[1][3:] == ["計画にない系列です", "「alpha.one.exports.jpn」のことですか？"]
    # In the page's language, no lang mark, with the problem's code for a machine reader.
    assert '<td data-code="data.value.not_number">数値ではありません</td>' in response.text


def test_every_problem_is_worded_in_japanese(importer: TestClient):
    response = upload(importer, "hello", name="notes.pdf")
    assert response.status_code == 422
    assert "扱えない種類のファイルです（拡張子「.pdf」）" in response.text
    response = upload(importer, "series,period,value\nalpha.one.exports.jpn,2024,abc,extra\n")
    assert response.status_code == 422
    table = response.text.split('id="problems"')[1].split("</table>")[0]
    assert 'lang="en"' not in table
    assert "見出しは 3 列なのに、この行は 4 列です" in table


def test_a_file_of_an_unknown_type_is_a_problem(importer: TestClient):
    response = upload(importer, "hello", name="notes.pdf", path="/en/import")
    assert response.status_code == 422
    assert "unknown file type &#39;.pdf&#39;" in response.text
    assert staged(importer) == []


def test_a_source_url_that_is_not_a_web_address_is_a_problem(importer: TestClient):
    response = upload(importer, GOOD_CSV, path="/en/import", source_url="javascript:alert(1)")
    assert response.status_code == 422
    assert "the source URL is not a web address" in response.text
    assert 'value="javascript:alert(1)"' in response.text  # kept in the form, as text


def test_no_file_chosen_says_so(importer: TestClient):
    response = importer.post(
        "/en/import",
        data={"token": TOKEN},
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert response.status_code == 400
    assert "No file was chosen" in response.text


def test_a_request_that_is_not_a_form_is_refused(importer: TestClient):
    response = importer.post("/en/import", content=b"series,period\n")
    assert response.status_code == 400
    assert "not a multipart form" in response.text


# -- size limits --------------------------------------------------------------------------
@pytest.fixture
def small_limits_client(plan: Plan, import_store: Store) -> Iterator[TestClient]:
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=0)
    limits = ImportLimits().with_max_file_bytes(1024)
    with TestClient(create_app(provider, import_token=TOKEN, import_limits=limits)) as c:
        yield c


def test_a_file_over_the_limit_is_refused_while_it_streams(
    small_limits_client: TestClient, import_store: Store
):
    before = snapshot(import_store)
    big = GOOD_CSV + "alpha.one.exports.jpn,2030,1.0,兆円,,,,\n" * 40
    assert len(big.encode()) > 1024
    response = upload(small_limits_client, big, path="/en/import")
    assert response.status_code == 413
    assert "The file is over the 1.0 KB limit, so the upload was stopped." in response.text
    assert snapshot(import_store) == before
    assert staged(small_limits_client) == []


def test_a_body_declared_over_the_limit_is_refused_before_it_is_read(
    small_limits_client: TestClient,
):
    response = upload(small_limits_client, b"x" * 400_000, path="/en/import")
    assert response.status_code == 413
    assert "The file is too large (390.9 KB; the limit is 1.0 KB)" in response.text
    assert staged(small_limits_client) == []


def test_an_xlsx_file_named_csv_gets_the_xlsx_limit(
    plan: Plan, import_store: Store, tmp_path: Path
):
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=0)
    limits = ImportLimits(max_csv_bytes=64 * 1024, max_xlsx_bytes=1024)
    workbook = openpyxl.Workbook()
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    content = path.read_bytes()
    with TestClient(create_app(provider, import_token=TOKEN, import_limits=limits)) as client:
        response = upload(client, content, name="data.csv", path="/en/import")
        assert response.status_code == 413
        size = f"{len(content) / 1024:,.1f} KB"
        assert f"The file is too large ({size}; the limit is 1.0 KB)" in response.text
        assert staged(client) == []


def test_the_page_tells_the_browser_the_limits(small_limits_client: TestClient):
    page = small_limits_client.get("/import").text
    assert 'data-max-csv="1024" data-max-xlsx="1024"' in page
    assert "CSV 1.0 KB, XLSX 1.0 KB" in page


# -- preview and confirm ------------------------------------------------------------------
def test_a_good_file_is_previewed_and_nothing_is_stored(importer: TestClient, import_store: Store):
    before = snapshot(import_store)
    response = upload(importer, GOOD_CSV, path="/en/import")
    assert response.status_code == 200
    text = main_text(response)
    assert "File release.csv New 1 Revised 1 Unchanged 1" in text
    assert table_rows(response, "changes") == [
        ["2", "alpha.one.exports.jpn Exports", "2024", "1.5073", "1.55", "trillion JPY", "Revised"],
        ["3", "alpha.one.exports.jpn Exports", "2025", "", "1.62", "trillion JPY", "New"],
    ]
    assert 'action="/en/import/confirm"' in response.text
    assert snapshot(import_store) == before
    assert [p.name for p in staged(importer)] == ["release.csv"]


def kpi_values(client: TestClient) -> dict[str, float]:
    table = client.get("/kpi/alpha.one.exports.json").json()["table"]["rows"]
    return {r["period"]: r["value"] for r in table if r["series_id"] == "alpha.one.exports.jpn"}


def test_confirming_imports_the_file_and_the_dashboard_shows_it(
    importer: TestClient, import_store: Store
):
    before = import_store.vintages()
    assert kpi_values(importer)["2024"] == 1.5073 and "2025" not in kpi_values(importer)
    preview = upload(importer, GOOD_CSV, source_title="輸出統計")
    response = importer.post("/import/confirm", data={"nonce": nonce_of(preview)})
    assert response.status_code == 200
    vintages = import_store.vintages()
    assert len(vintages) == len(before) + 1
    vintage = vintages[-1]
    assert (vintage.file_name, vintage.new_count, vintage.revised_count) == ("release.csv", 1, 1)
    assert vintage.source_title == "輸出統計"
    text = main_text(response)
    assert "取り込みました。新しいデータ版として記録されています。" in text
    assert f"データ版ID {vintage.id} 記録日時 {vintage.recorded_at:%Y-%m-%d %H:%M:%S} UTC" in text
    assert "新規 1 改訂 1 変更なし 1" in text
    assert '<a href="/kpi/alpha.one.exports">輸出額</a>' in response.text
    assert staged(importer) == []
    stored = {(o.series, o.period): o.value for o in import_store.observations()}
    assert stored[("alpha.one.exports.jpn", "2024")] == 1.55
    assert stored[("alpha.one.exports.jpn", "2025")] == 1.62
    # The dashboard's pages show the new values (the provider checks for new vintages).
    assert kpi_values(importer)["2024"] == 1.55
    assert kpi_values(importer)["2025"] == 1.62
    assert "1.62兆円 (2025)" in importer.get("/kpi/alpha.one.exports").text


def test_the_dashboard_shows_an_import_at_once_whatever_the_check_interval(
    plan: Plan, import_store: Store
):
    # A provider that looks for new data only once an hour still shows a browser import at
    # once: the import tells it (FollowUpProvider.revision(now=True)).
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=3600)
    with TestClient(create_app(provider, import_token=TOKEN)) as client:
        assert "2025" not in kpi_values(client)
        preview = upload(client, GOOD_CSV)
        assert client.post("/import/confirm", data={"nonce": nonce_of(preview)}).status_code == 200
        assert kpi_values(client)["2025"] == 1.62


def test_confirming_twice_says_the_upload_is_no_longer_pending(
    importer: TestClient, import_store: Store
):
    nonce = nonce_of(upload(importer, GOOD_CSV, path="/en/import"))
    assert importer.post("/en/import/confirm", data={"nonce": nonce}).status_code == 200
    count = len(import_store.vintages())
    again = importer.post("/en/import/confirm", data={"nonce": nonce})
    assert again.status_code == 400
    vintage = import_store.vintages()[-1].id
    assert f"This upload is no longer pending: it was already imported (vintage {vintage})" in (
        again.text
    )
    assert len(import_store.vintages()) == count


def test_an_unknown_nonce_says_to_upload_again(importer: TestClient):
    response = importer.post("/en/import/confirm", data={"nonce": "made-up"})
    assert response.status_code == 400
    assert "This upload is not pending (unknown reference): upload the file again." in (
        response.text
    )


def test_an_expired_upload_cannot_be_confirmed(
    importer: TestClient, import_store: Store, monkeypatch: pytest.MonkeyPatch
):
    before = snapshot(import_store)
    nonce = nonce_of(upload(importer, GOOD_CSV))
    assert len(staged(importer)) == 1
    now = imports.clock()
    monkeypatch.setattr(imports, "clock", lambda: now + imports.PENDING_SECONDS + 1)
    response = importer.post("/import/confirm", data={"nonce": nonce})
    assert response.status_code == 400
    assert "30分を過ぎたため取り消されました。ファイルをもう一度送信してください。" in response.text
    assert snapshot(import_store) == before
    assert staged(importer) == []


def test_a_fresh_upload_can_still_be_confirmed_just_before_it_expires(
    importer: TestClient, monkeypatch: pytest.MonkeyPatch
):
    nonce = nonce_of(upload(importer, GOOD_CSV))
    now = imports.clock()
    monkeypatch.setattr(imports, "clock", lambda: now + imports.PENDING_SECONDS - 5)
    assert importer.post("/import/confirm", data={"nonce": nonce}).status_code == 200


def test_a_file_imported_before_has_nothing_to_confirm(importer: TestClient, import_store: Store):
    before = snapshot(import_store)
    content = (WEBPLAN / "vintage2.csv").read_bytes()
    response = upload(importer, content, name="vintage2.csv", path="/en/import")
    assert response.status_code == 200
    first = import_store.vintages()[-1]
    assert (
        f"This file (the same content) was already imported (vintage {first.id}, "
        f"{first.recorded_at:%Y-%m-%d %H:%M} UTC); nothing to add."
    ) in response.text
    assert 'name="nonce"' not in response.text
    assert snapshot(import_store) == before
    assert staged(importer) == []


def test_get_on_the_confirm_address_leads_back_to_the_form(importer: TestClient):
    response = importer.get("/en/import/confirm", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/en/import"


def test_the_preview_lists_at_most_200_changes_and_says_how_many_more(importer: TestClient):
    lines = ["series,period,value,unit"]
    lines += [f"beta.two.access.total,{year}-{month:02d},1.0,億アクセス/月"
              for year in range(1990, 2011) for month in range(1, 13)]  # fmt: skip
    response = upload(importer, "\n".join(lines) + "\n", path="/en/import")
    assert response.status_code == 200
    assert response.text.count('<tr data-status="new">') == 200
    assert '<dd id="count-new">252</dd>' in response.text
    assert "52 more changes are not shown." in response.text


def test_xlsx_files_with_a_sheet_name_are_read(importer: TestClient, tmp_path: Path):
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "表紙"
    first.append(["not the data"])
    data = workbook.create_sheet("輸出額")
    data.append(["系列", "年", "値", "単位"])
    data.append(["alpha.one.exports.jpn", 2026, 17000, "億円"])
    path = tmp_path / "輸出額.xlsx"
    workbook.save(path)
    response = importer.post(
        "/en/import",
        data={"token": TOKEN, "sheet": "輸出額"},
        files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
    )
    assert response.status_code == 200, response.text
    assert "File 輸出額.xlsx New 1 Revised 0 Unchanged 0" in main_text(response)
    assert '<td class="num">1.7</td>' in response.text


# -- escaping -----------------------------------------------------------------------------
def test_a_file_name_and_cells_with_html_are_shown_as_text(importer: TestClient):
    name = "<img src=x onerror=alert(1)>.csv"
    bad = "series,period,value\n<script>alert(2)</script>,2024,1\n"
    response = upload(importer, bad, name=name, path="/en/import")
    assert response.status_code == 422
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in response.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in response.text
    assert "<img src=x" not in response.text and "<script>alert(2)" not in response.text
    good = upload(importer, GOOD_CSV, name=name, path="/en/import")
    assert good.status_code == 200
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in good.text
    assert "<img src=x" not in good.text


def test_the_file_name_is_kept_without_its_folders(importer: TestClient, import_store: Store):
    preview = upload(importer, GOOD_CSV, name="C:\\Users\\kato\\Desktop\\輸出 2025.csv")
    assert [p.name for p in staged(importer)] == ["輸出 2025.csv"]
    importer.post("/import/confirm", data={"nonce": nonce_of(preview)})
    assert import_store.vintages()[-1].file_name == "輸出 2025.csv"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("a/b/c.csv", "c.csv"),
        ("..", "upload"),
        ("ok\x00\n.csv", "ok.csv"),
        ("x" * 300 + ".csv", "x" * 196 + ".csv"),
    ],
)
def test_file_names_are_made_safe(given: str, kept: str):
    from ipkpi.web.upload import safe_file_name

    assert safe_file_name(given) == kept


# -- templates ----------------------------------------------------------------------------
def test_the_csv_template_has_every_series_of_the_plan_with_its_unit(
    importer: TestClient, plan: Plan
):
    response = importer.get("/import/template.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["series", "period", "value", "unit", "source_title", "source_url",
                       "flags", "note", "series_label_ja", "series_label_en"]  # fmt: skip
    assert [r[:4] for r in rows[1:]] == [
        ["alpha.one.exports.jpn", "", "", "兆円"],
        ["alpha.one.rank.jpn", "", "", "位"],
        ["alpha.one.rank.kor", "", "", "位"],
        ["beta.two.access.total", "", "", "億アクセス/月"],
    ]
    assert [r[0] for r in rows[1:]] == [s.id for _, s in plan.all_series()]
    assert all(r[4:8] == ["", "", "", ""] for r in rows[1:])
    assert rows[1][8:] == ["輸出額", "Exports"]


def test_the_xlsx_template_holds_the_same_table(importer: TestClient, tmp_path: Path):
    response = importer.get("/en/import/template.xlsx")
    assert response.status_code == 200
    path = tmp_path / "template.xlsx"
    path.write_bytes(response.content)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["data", "使い方"]
    rows = [list(r) for r in workbook["data"].iter_rows(values_only=True)]
    csv_rows = list(csv.reader(io.StringIO(
        importer.get("/import/template.csv").content.decode("utf-8-sig"))))  # fmt: skip
    assert rows == [[cell or None for cell in row] for row in csv_rows]
    workbook.close()


def test_a_filled_in_template_imports_without_a_warning(importer: TestClient):
    template = importer.get("/import/template.csv").content.decode("utf-8-sig")
    header, first = template.splitlines()[:2]
    filled = first.replace("alpha.one.exports.jpn,,,", "alpha.one.exports.jpn,2026,1.8,")
    response = upload(importer, f"{header}\n{filled}\n", name="template.csv", path="/en/import")
    assert response.status_code == 200
    assert "File template.csv New 1 Revised 0 Unchanged 0" in main_text(response)
    assert 'class="warnings"' not in response.text


def test_an_unfilled_template_is_refused_row_by_row(importer: TestClient):
    template = importer.get("/import/template.csv").content
    response = upload(importer, template, name="template.csv", path="/en/import")
    assert response.status_code == 422
    assert "problems found; nothing was imported." in response.text


# -- the command line ---------------------------------------------------------------------
def _served_app(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str],
                tmp_path: Path) -> tuple[Any, str]:  # fmt: skip
    import uvicorn

    seen: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: seen.append(app))
    command = ["--plan", str(WEBPLAN), "--db", str(tmp_path / "s.db"), *args]
    result = CliRunner().invoke(web_cmd.serve, command, env=env)
    assert result.exit_code == 0, result.output
    return (seen[0] if seen else None), result.output


def test_serve_takes_the_token_from_the_option_or_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    app, said = _served_app(monkeypatch, [], {"IPKPI_IMPORT_TOKEN": ""}, tmp_path)
    assert app.state.server.imports is None
    assert "data import" not in said
    app, said = _served_app(monkeypatch, [], {"IPKPI_IMPORT_TOKEN": TOKEN}, tmp_path)
    assert app.state.server.imports.token_ok(TOKEN)
    assert "/import  (the token is required)" in said
    assert TOKEN not in said
    app, _ = _served_app(
        monkeypatch, ["--import-token", "from-the-option-0123"], {"IPKPI_IMPORT_TOKEN": TOKEN},
        tmp_path,
    )  # fmt: skip
    assert app.state.server.imports.token_ok("from-the-option-0123")
    assert not app.state.server.imports.token_ok(TOKEN)
    app.state.server.imports.close()


def test_serve_refuses_an_empty_token_and_warns_about_a_short_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    result = CliRunner().invoke(
        web_cmd.serve, ["--plan", str(WEBPLAN), "--import-token", " "], env={}
    )
    assert result.exit_code != 0
    assert "the import token must not be empty" in result.output
    app, said = _served_app(monkeypatch, ["--import-token", "short"], {}, tmp_path)
    assert "fewer than 16 characters" in said
    app.state.server.imports.close()


# -- in a real browser --------------------------------------------------------------------
@pytest.fixture
def import_server(plan: Plan, import_store: Store) -> Iterator[str]:
    """A live server with the import pages, over a store of its own (64 KB file limit)."""
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=0)
    limits = ImportLimits().with_max_file_bytes(64 * 1024)
    with serving(create_app(provider, import_token=TOKEN, import_limits=limits)) as url:
        yield url


def axe_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


@pytest.mark.browser
@pytest.mark.timeout(180)
def test_a_ministry_uploads_checks_and_imports_a_file_in_the_browser(
    page: Any, import_server: str, tmp_path: Path
):
    data = tmp_path / "輸出実績.csv"
    data.write_text(GOOD_CSV, encoding="utf-8")
    response = page.goto(import_server + "/")
    assert response is not None and response.status == 200
    page.click("nav >> text=データ取込")
    page.wait_for_url(import_server + "/import")
    assert axe_violations(page) == []
    page.fill("#import-token", TOKEN)
    page.set_input_files("#import-file", str(data))
    page.fill("#import-source-title", "輸出統計")
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")
    assert page.inner_text("h2#preview-heading") == "取り込む前の確認"
    assert page.inner_text("dd.file-name") == "輸出実績.csv"
    counts = [page.inner_text(f"#count-{k}") for k in ("new", "revised", "unchanged")]
    assert counts == ["1", "1", "1"]
    first = page.locator("#changes tbody tr").first.locator("td")
    assert [first.nth(i).inner_text() for i in range(4)] == ["2", "2024", "1.5073", "1.55"]
    assert axe_violations(page) == []
    screenshot(page, "import-preview-ja")
    with page.expect_navigation():
        page.click("#confirm-form button[type=submit]")
    assert "取り込みました" in page.inner_text("#notice")
    assert page.inner_text("#count-new") == "1"
    assert int(page.inner_text("#vintage-id")) >= 3
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("#changed-kpis a")
    assert page.url == import_server + "/kpi/alpha.one.exports"
    page.wait_for_selector("#chart svg", timeout=20_000)
    assert page.locator(".facts dd").last.inner_text() == "1.62兆円 (2025)"
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.timeout(180)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_axe_finds_no_violation_on_the_import_pages(
    page: Any, import_server: str, tmp_path: Path, lang: str
):
    prefix = "" if lang == "ja" else "/en"
    response = page.goto(f"{import_server}{prefix}/import")
    assert response is not None and response.status == 200
    assert page.get_attribute("html", "lang") == lang
    assert axe_violations(page) == []
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    page.fill("#import-token", TOKEN)
    page.set_input_files("#import-file", str(bad))
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")
    assert page.locator("#problems tbody tr").count() == 2
    assert axe_violations(page) == []
    screenshot(page, f"import-problems-{lang}")
    # The page's own 422 status is the one failed load the console reports.
    assert [p for p in page.problems if "status of 422" not in p] == []


@pytest.mark.browser
@pytest.mark.timeout(120)
def test_the_browser_says_at_once_when_a_file_is_too_large(
    page: Any, import_server: str, tmp_path: Path
):
    big = tmp_path / "big.csv"
    big.write_text(GOOD_CSV + "x" * 70_000, encoding="utf-8")
    page.goto(import_server + "/en/import")
    page.fill("#import-token", TOKEN)
    page.set_input_files("#import-file", str(big))
    error = page.locator("#import-file-error")
    assert error.is_visible()
    assert error.inner_text() == "This file is over the 64.0 KB limit."
    page.click("#import-form button[type=submit]")
    assert page.url == import_server + "/en/import"  # not sent
    assert page.get_attribute("#import-file", "aria-invalid") == "true"
    assert axe_violations(page) == []
