"""The follow-up report: a page per section, Japanese typeset in the PDF, the same verdicts."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from ipkpi.cli.report_cmd import report
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan.loader import load_plan
from ipkpi.report import render_html, render_markdown, render_pdf, report_data
from ipkpi.store import Store

from ..web.conftest import WEBPLAN, make_store


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FollowUpProvider]:
    plan = load_plan(WEBPLAN)
    store: Store = make_store(tmp_path_factory.mktemp("report") / "r.db", plan)
    yield FollowUpProvider(plan, StoreSource(store, plan))
    store.close()


def test_a_page_per_section_with_its_kpis_and_changes(provider: FollowUpProvider):
    data = report_data(provider.get(), provider.changes(), "en")
    assert [p["id"] for p in data["pages"]] == ["alpha.one", "beta.two"]
    first = data["pages"][0]
    exports = first["kpis"][0]
    assert exports["title"] == "Exports"
    assert exports["goal"] == "≥ 5 trillion yen by 2030"
    assert exports["latest"] == "1.51 trillion yen" and exports["latest_period"] == "2024"
    assert {(c["kind"], c["period"]) for c in first["changes"]} >= {
        ("Revised", "2023"),
        ("New observation", "2024"),
    }
    assert data["vintage"] == "2025-06-30" and data["previous"] == "2025-01-10"


def test_the_verdicts_are_the_dashboards(provider: FollowUpProvider, client_json: dict):
    data = report_data(provider.get(), provider.changes(), "en")
    rank = data["pages"][0]["kpis"][1]
    assert rank["status_label"] == client_json["headline"]["status_label"]
    assert rank["explanation"] == client_json["headline"]["explanation"]
    assert rank["pace"] is not None and rank["pace"]["needed"].endswith("a year")


@pytest.fixture
def client_json(provider: FollowUpProvider) -> dict:
    from ipkpi.web.dashboard import Dashboard

    return Dashboard(provider).page_data("kpi", {"kpi_id": "alpha.one.rank"}, "en", None)


def test_the_pdf_is_typeset_in_japanese_one_page_per_section_at_least(
    provider: FollowUpProvider,
):
    data = report_data(provider.get(), provider.changes(), "ja")
    reader = PdfReader(io.BytesIO(render_pdf(data)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3  # the summary, then one page (or more) per section
    for words in (
        "試験用の計画",
        "輸出額",
        "≥ 5兆円（2030年まで）",
        "海賊版対策",
        "前回からの変化",
    ):
        assert words in text
    fonts = {
        str(font.get("/BaseFont"))
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("Noto-Sans-CJK-JP" in name for name in fonts), fonts


def test_html_has_charts_as_inline_svg_and_escapes_plan_text(provider: FollowUpProvider):
    data = report_data(provider.get(), provider.changes(), "en")
    html = render_html(data)
    assert html.count("<svg") == 3  # exports, rank, piracy accesses: the KPIs with data
    assert '<html lang="en">' in html


def test_markdown_has_every_kpi(provider: FollowUpProvider):
    text = render_markdown(report_data(provider.get(), provider.changes(), "ja"))
    for title in ("輸出額", "国際順位", "海賊版アクセス数", "今後設定", "基本方針"):
        assert f"### {title}" in text


def test_the_command_writes_the_file(tmp_path: Path):
    out = tmp_path / "report.md"
    result = CliRunner().invoke(
        report,
        ["--plan", str(WEBPLAN), "--db", str(tmp_path / "s.db"), "--format", "md",
         "--lang", "en", "--as-of", "2030-01-01", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "### Exports" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(report, ["--plan", str(WEBPLAN), "--as-of", "soon"])
    assert (
        bad.exit_code == 2
        and "--as-of に「soon」は指定できません。日付（YYYY-MM-DD）" in bad.output
    )
    from ipkpi.cli.main import cli  # the whole command line: --lang after the bad value counts

    english = CliRunner().invoke(
        cli, ["report", "--plan", str(WEBPLAN), "--as-of", "soon", "--lang", "en"]
    )
    assert english.exit_code == 2 and "'soon' is not a date (YYYY-MM-DD)" in english.output


def test_every_option_is_documented():
    text = (Path(__file__).parents[2] / "docs" / "report.md").read_text(encoding="utf-8")
    for param in report.params:
        for name in param.opts:
            if name.startswith("-"):
                assert f"`{name}" in text, f"{name} is not in docs/report.md"
