"""Sending data from the browser: signed in, checked before the body, kept as a draft submission."""

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
from ipkpi.store.service_schema import submissions as submissions_table
from ipkpi.web import create_app

from .conftest import WEBPLAN, TestClient, free_port, make_store, screenshot, serving
from .service_helpers import PASSWORD, PUBLIC, add_person, sign_in

EDITOR = "editor@meti.example.jp"
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


def app_over(plan: Plan, store: Store, **options: Any) -> Any:
    provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
    return create_app(provider, public_url=PUBLIC, **options)


@pytest.fixture
def import_app(plan: Plan, import_store: Store) -> Any:
    add_person(import_store, EDITOR, ministry="METI")
    return app_over(plan, import_store)


def signed_in(app: Any, email: str = EDITOR) -> TestClient:
    client = TestClient(app, base_url=PUBLIC)
    client.csrf = sign_in(client, email)  # type: ignore[attr-defined]
    return client


@pytest.fixture
def importer(import_app: Any) -> Iterator[TestClient]:
    with signed_in(import_app) as test_client:
        yield test_client


def snapshot(store: Store) -> tuple[Any, ...]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(observations_table)).scalar_one()
    return store.vintages(), store.observations(), rows


def drafts(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        query = select(submissions_table.c.id, submissions_table.c.state,
                       submissions_table.c.file_name)  # fmt: skip
        return [tuple(r) for r in conn.execute(query)]


def upload(
    client: TestClient,
    content: str | bytes,
    *,
    name: str = "release.csv",
    csrf: str | None = "",
    ministry: str = "METI",
    path: str = "/import",
    **fields: str,
) -> Any:
    data = {"ministry": ministry, **fields}
    token = getattr(client, "csrf", None) if csrf == "" else csrf
    if token is not None:
        data["csrf_token"] = token
    body = content.encode() if isinstance(content, str) else content
    return client.post(path, data=data, files={"file": (name, body, "text/csv")})


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


# -- who may send -------------------------------------------------------------------------
def test_the_import_form_needs_a_session(import_app: Any):
    with TestClient(import_app, base_url=PUBLIC) as anonymous:
        response = anonymous.get("/import", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"{PUBLIC}/signin?next=%2Fimport"


def test_a_follow_up_without_a_store_has_no_service_pages(plan: Plan):
    with TestClient(create_app(FollowUpProvider(plan, MemorySource({})))) as client:
        assert client.get("/import").status_code == 404
        assert client.get("/signin").status_code == 404
        assert "データ取込" not in client.get("/").text


def test_a_viewer_may_not_send_data(plan: Plan, import_store: Store):
    add_person(import_store, "viewer@meti.example.jp", ministry="METI", role="viewer")
    with signed_in(app_over(plan, import_store), "viewer@meti.example.jp") as viewer:
        response = upload(viewer, GOOD_CSV)
        assert response.status_code == 403
        assert "データを提出できる府省庁の役割" in response.text
    assert drafts(import_store) == []


# -- the form -----------------------------------------------------------------------------
def test_the_form_in_japanese(importer: TestClient):
    response = importer.get("/import")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="ja">' in page
    assert "<h1>データ取込</h1>" in page
    assert '<a href="/import" aria-current="page">データ取込</a>' in page
    assert 'action="/import" enctype="multipart/form-data"' in page
    assert '<select id="import-ministry" name="ministry" required>' in page
    assert '<option value="METI">経済産業省 (METI)</option>' in page
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]{40,}">', page)
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
        assert "Ministry submitting" in page and "fiscal year" in page
        # The unit as a file writes it, and its English name.
        assert '<td><span lang="ja">兆円</span> (trillion yen)</td>' in page


def test_every_page_links_to_the_import(importer: TestClient):
    assert '<a href="/import">データ取込</a>' in importer.get("/").text
    assert '<a href="/en/import">Import data</a>' in importer.get("/en/kpi/alpha.one.rank").text


# -- the CSRF token ------------------------------------------------------------------------
@pytest.mark.parametrize("csrf", ["wrong", None])
def test_a_wrong_or_missing_csrf_token_is_refused_and_nothing_is_stored(
    importer: TestClient, import_store: Store, csrf: str | None
):
    before = snapshot(import_store)
    response = upload(importer, GOOD_CSV, csrf=csrf)
    assert response.status_code == 403
    assert "CSRF token is missing or wrong" in response.text
    assert "何も保存されていません" in response.text
    assert snapshot(import_store) == before
    assert staged(importer) == [] and drafts(import_store) == []


def test_the_csrf_token_is_checked_before_the_file_is_received(importer: TestClient):
    # The form puts its token first; a wrong one stops the upload at the file's headers.
    response = upload(importer, "x" * 100_000, csrf="wrong", path="/en/import")
    assert response.status_code == 403
    assert "The form was refused" in response.text
    assert staged(importer) == []


def test_a_ministry_one_has_no_role_in_is_refused(importer: TestClient, import_store: Store):
    response = upload(importer, GOOD_CSV, ministry="MEXT", path="/en/import")
    assert response.status_code == 403
    assert "choose a ministry you may submit for (METI)" in response.text
    assert drafts(import_store) == []


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
    assert drafts(import_store) == []
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
        data={"ministry": "METI", "csrf_token": importer.csrf},  # type: ignore[attr-defined]
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
    add_person(import_store, EDITOR, ministry="METI")
    limits = ImportLimits().with_max_file_bytes(1024)
    with signed_in(app_over(plan, import_store, import_limits=limits)) as c:
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
    assert re.search(r"The file is too large \(391\.\d KB; the limit is 1\.0 KB\)", response.text)
    assert staged(small_limits_client) == []


def test_an_xlsx_file_named_csv_gets_the_xlsx_limit(
    plan: Plan, import_store: Store, tmp_path: Path
):
    add_person(import_store, EDITOR, ministry="METI")
    limits = ImportLimits(max_csv_bytes=64 * 1024, max_xlsx_bytes=1024)
    workbook = openpyxl.Workbook()
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    content = path.read_bytes()
    with signed_in(app_over(plan, import_store, import_limits=limits)) as client:
        response = upload(client, content, name="data.csv", path="/en/import")
        assert response.status_code == 413
        size = f"{len(content) / 1024:,.1f} KB"
        assert f"The file is too large ({size}; the limit is 1.0 KB)" in response.text
        assert staged(client) == []


def test_the_page_tells_the_browser_the_limits(small_limits_client: TestClient):
    page = small_limits_client.get("/import").text
    assert 'data-max-csv="1024" data-max-xlsx="1024"' in page
    assert "CSV 1.0 KB, XLSX 1.0 KB" in page


# -- preview and draft ---------------------------------------------------------------------
def test_a_good_file_is_previewed_kept_as_a_draft_and_not_published(
    importer: TestClient, import_store: Store
):
    before = snapshot(import_store)
    response = upload(importer, GOOD_CSV, path="/en/import")
    assert response.status_code == 200
    text = main_text(response)
    assert "File release.csv New 1 Revised 1 Unchanged 1" in text
    assert table_rows(response, "changes") == [
        ["2", "alpha.one.exports.jpn Exports", "2024", "1.5073", "1.55", "trillion yen", "Revised"],
        ["3", "alpha.one.exports.jpn Exports", "2025", "", "1.62", "trillion yen", "New"],
    ]
    [(ident, state, name)] = drafts(import_store)
    assert (state, name) == ("draft", "release.csv")
    assert f'action="/en/submissions/{ident}/submit"' in response.text
    assert f"saved as a draft (submission {ident})" in text
    # Nothing reaches the observations, and nothing stays in this process's staging folder.
    assert snapshot(import_store) == before
    assert staged(importer) == []


def kpi_values(client: TestClient) -> dict[str, float]:
    table = client.get("/kpi/alpha.one.exports.json").json()["table"]["rows"]
    return {r["period"]: r["value"] for r in table if r["series_id"] == "alpha.one.exports.jpn"}


def test_a_draft_reaches_the_public_pages_only_once_published(import_app: Any, import_store: Store):
    add_person(import_store, "review@cao.example.jp", global_role="secretariat")
    with signed_in(import_app) as editor, signed_in(import_app, "review@cao.example.jp") as desk:
        assert kpi_values(editor)["2024"] == 1.5073 and "2025" not in kpi_values(editor)
        upload(editor, GOOD_CSV, source_title="輸出統計")
        [(ident, _, _)] = drafts(import_store)

        def step(client: TestClient, name: str, version: int, **form: str) -> Any:
            data = {"csrf_token": client.csrf, "version": str(version), **form}  # type: ignore[attr-defined]
            return client.post(f"/submissions/{ident}/{name}", data=data, follow_redirects=False)

        assert step(editor, "submit", 1).status_code == 303
        assert step(editor, "accept", 2).status_code == 403  # editors do not accept
        assert step(desk, "accept", 2).status_code == 303
        assert "2025" not in kpi_values(editor)  # accepted is not published
        assert step(desk, "publish", 3).status_code == 303
        vintage = import_store.vintages()[-1]
        assert (vintage.file_name, vintage.new_count, vintage.revised_count) == (
            "release.csv",
            1,
            1,
        )
        assert vintage.source_title == "輸出統計"
        assert kpi_values(editor) == {**kpi_values(editor), "2024": 1.55, "2025": 1.62}
        page = desk.get(f"/submissions/{ident}").text
        assert f"公開されたデータ版：{vintage.id}" in page
        assert drafts(import_store) == [(ident, "published", "release.csv")]


def test_a_file_already_published_has_nothing_to_submit(importer: TestClient, import_store: Store):
    before = snapshot(import_store)
    content = (WEBPLAN / "vintage2.csv").read_bytes()
    response = upload(importer, content, name="vintage2.csv", path="/en/import")
    assert response.status_code == 200
    first = import_store.vintages()[-1]
    assert (
        f"This file (the same content) was already imported (vintage {first.id}, "
        f"{first.recorded_at:%Y-%m-%d %H:%M} UTC); nothing to add."
    ) in response.text
    assert drafts(import_store) == []
    assert snapshot(import_store) == before
    assert staged(importer) == []


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
        data={"ministry": "METI", "csrf_token": importer.csrf, "sheet": "輸出額"},  # type: ignore[attr-defined]
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
    upload(importer, GOOD_CSV, name="C:\\Users\\kato\\Desktop\\輸出 2025.csv")
    assert [name for _, _, name in drafts(import_store)] == ["輸出 2025.csv"]


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


def test_serve_builds_redirects_from_the_public_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    app, said = _served_app(monkeypatch, ["--port", "8601", "--lang", "en"], {}, tmp_path)
    assert app.state.server.public_url == "http://localhost:8601"
    assert "sign in at http://localhost:8601/signin" in said
    app.state.server.imports.close()
    env = {"IPKPI_PUBLIC_URL": "https://kpi.example.go.jp/ipkpi"}
    app, said = _served_app(monkeypatch, ["--base", "/ipkpi", "--lang", "en"], env, tmp_path)
    assert app.state.server.public_base == "https://kpi.example.go.jp"
    assert "ipkpi dashboard: https://kpi.example.go.jp/ipkpi/" in said
    app.state.server.imports.close()


def test_serve_speaks_the_language_of_its_summary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """In Japanese (the default) the lines after the summary are Japanese too: it printed
    "Assessed 24 KPIs in 0.0 s" and "ipkpi dashboard: …" under a Japanese summary."""
    app, said = _served_app(monkeypatch, ["--port", "8601"], {}, tmp_path)
    assert "ipkpi ダッシュボード：http://localhost:8601/ （英語版は /en/、Ctrl+C で停止）" in said
    assert "府省と事務局のサインイン：http://localhost:8601/signin" in said
    assert "Assessed" not in said and "sign in at" not in said
    app.state.server.imports.close()


# -- in a real browser --------------------------------------------------------------------
@pytest.fixture
def import_server(plan: Plan, import_store: Store) -> Iterator[str]:
    """A live server with the import pages, over a store of its own (64 KB file limit)."""
    add_person(import_store, EDITOR, ministry="METI")
    provider = FollowUpProvider(plan, StoreSource(import_store, plan), check_every=0)
    limits = ImportLimits().with_max_file_bytes(64 * 1024)
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    app = create_app(provider, public_url=public, import_limits=limits)
    with serving(app, port=port) as url:
        yield url


def browser_sign_in(page: Any, server: str, email: str = EDITOR, lang_prefix: str = "") -> None:
    page.goto(f"{server}{lang_prefix}/signin")
    page.fill("#signin-email", email)
    page.fill("#signin-password", PASSWORD)
    with page.expect_navigation():
        page.click("#signin-form button[type=submit]")


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
    browser_sign_in(page, import_server)
    response = page.goto(import_server + "/")
    assert response is not None and response.status == 200
    page.click("nav >> text=データ取込")
    page.wait_for_url(import_server + "/import")
    assert axe_violations(page) == []
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
        page.click("#submit-form button[type=submit]")
    assert page.get_attribute("#state", "data-state") == "submitted"
    assert axe_violations(page) == []
    screenshot(page, "submission-submitted-ja")
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.timeout(180)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_axe_finds_no_violation_on_the_import_pages(
    page: Any, import_server: str, tmp_path: Path, lang: str
):
    prefix = "" if lang == "ja" else "/en"
    browser_sign_in(page, import_server, lang_prefix=prefix)
    response = page.goto(f"{import_server}{prefix}/import")
    assert response is not None and response.status == 200
    assert page.get_attribute("html", "lang") == lang
    assert axe_violations(page) == []
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
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
    browser_sign_in(page, import_server)
    page.goto(import_server + "/en/import")
    page.set_input_files("#import-file", str(big))
    error = page.locator("#import-file-error")
    assert error.is_visible()
    assert error.inner_text() == "This file is over the 64.0 KB limit."
    page.click("#import-form button[type=submit]")
    assert page.url == import_server + "/en/import"  # not sent
    assert page.get_attribute("#import-file", "aria-invalid") == "true"
    assert axe_violations(page) == []
