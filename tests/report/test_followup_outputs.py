"""What the secretariat publishes: the report (PDF/HTML/MD), the deck (PPTX), the tables (XLSX).

Run on the shipped plan and data with a published cycle whose updates are FIXTURES (made up
for the test; ipkpi ships none).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_AXIS_CROSSES
from pypdf import PdfReader

from ipkpi.cycle import CycleRecords, MeasureUpdate, operations
from ipkpi.cycle.records import Batch
from ipkpi.followup import FollowUp, FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.report import render_html, render_markdown, render_pdf, report_data
from ipkpi.report.deck import render_pptx
from ipkpi.report.tables_xlsx import render_tables_xlsx
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Text

T0 = dt.datetime(2026, 1, 10, 9, 0)
FIXTURE_JA = "FIXTURE 意匠制度の見直しを検討中"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any, Any]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("out") / "o.db")
    ensure_shipped(store, folder, catalog_from_plan(plan))
    records = CycleRecords(store.engine)
    cycle = operations.open_cycle(
        records,
        plan,
        "fu2026",
        Text(ja="計画2025 フォローアップ（2026年）", en="Programme 2025 follow-up (2026)"),
        dt.date(2025, 12, 31),
        dt.date(2026, 2, 28),
        at=T0,
    )
    updates = (
        MeasureUpdate(
            "protection.ipr.m3",
            "JPO",
            Text(ja=FIXTURE_JA, en="FIXTURE under review"),
            check="B",
            act="revise",
        ),
        MeasureUpdate(
            "protection.piracy.m3",
            "MOF-CUSTOMS",
            Text(ja="FIXTURE 水際取締りを実施", en="FIXTURE enforced"),
            check="A",
            act="continue",
        ),
    )
    records.apply(Batch(cycle.code, "JPO", "f.xlsx", "0" * 64, updates[:1]), at=T0)
    records.apply(Batch(cycle.code, "MOF-CUSTOMS", "g.xlsx", "1" * 64, updates[1:]), at=T0)
    records.lock(cycle.code, at=T0 + dt.timedelta(days=1))
    records.publish(cycle.code, at=T0 + dt.timedelta(days=2))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    yield provider.get(None), provider.changes(None), records.published()
    store.close()


def test_the_sections_hold_the_kpi_table_and_exactly_the_published_updates(world) -> None:
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    ipr = next(p for p in data["pages"] if p["id"] == "protection.ipr")
    assert [r["kpi"] for r in ipr["kpi_table"]] == [
        "知財紛争の損害賠償認容額",
        "ADR受理事件数",
    ] or len(ipr["kpi_table"]) == 2
    reported = [
        (m["number"], m["status"], m["check"], m["act"])
        for p in data["pages"]
        for m in p["measures"]
        if m["check"] != "—"
    ]
    assert sorted(reported) == sorted(
        [
            ("2-3-3", FIXTURE_JA, "B", "見直し"),
            ("2-2-3", "FIXTURE 水際取締りを実施", "A", "継続"),
        ]
    )
    assert ipr["rollup"] == "A・完了 0/1（除外：未報告 3）"
    standards = next(p for p in data["pages"] if p["id"] == "utilization.standards")
    assert standards["kpi_table"] == [] and len(standards["measures"]) == 8
    piracy = next(p for p in data["pages"] if p["id"] == "protection.piracy")
    roadmap = piracy["measures"][0]
    assert roadmap["ministry"].startswith("内閣府（推定）、警察庁（推定）")
    assert (
        roadmap["status"].startswith("未報告：内閣府（推定）、警察庁（推定）")
        and roadmap["missing"]
    )
    assert data["ministries"][-1]["name"] == "担当府省未割当"


def test_the_pdf_has_a_toc_the_tables_and_the_sources(world) -> None:
    followup, changes, published = world
    pdf = PdfReader(io.BytesIO(render_pdf(report_data(followup, changes, "ja", published))))
    pages = [page.extract_text() for page in pdf.pages]
    text = "".join("".join(pages).split())  # table cells wrap: compare without white space
    assert "目次" in pages[1]
    for needle in (
        "基準値",
        "現状値（時点）",
        "目標（期限）",
        "進捗",
        "施策の実施状況",
        "担当府省",
        "取組状況",
        "進捗区分",
        "今後の方向",
        "出典",
        FIXTURE_JA,
        "府省別索引",
        "付録：評価手法と注記",
        "目標達成期間に対する経過期間の割合以上に",
    ):
        assert "".join(needle.split()) in text, needle
    # The table of contents gives each section's page number.
    assert "海賊版・模倣品対策の強化" in pages[1]
    short = [n for n, page in enumerate(pages) if len(page.strip()) < 40]
    assert short == [], f"near-empty pages: {short}"


def test_markdown_and_html_carry_the_same_tables(world) -> None:
    followup, changes, published = world
    data = report_data(followup, changes, "en", published)
    md = render_markdown(data)
    assert "| KPI | Baseline | Latest value (period) | Target (deadline) | Progress |" in md
    assert "| No. | Measure | Ministry | Progress report | Check class | Direction |" in md
    assert "| KPI | | |" not in md
    html = render_html(data, with_charts=False)
    assert "FIXTURE under review" in html and "Index by ministry" in html


def test_the_tables_xlsx_hold_every_kpi_and_measure_row(world) -> None:
    followup, changes, published = world
    book = load_workbook(
        io.BytesIO(render_tables_xlsx(report_data(followup, changes, "ja", published)))
    )
    kpi_sheet, measure_sheet = book.worksheets[:2]
    assert kpi_sheet.max_row - 1 == len(followup.kpis())
    rows = list(measure_sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(followup.plan.measures()) == 45  # one row per measure
    assert any(r[4] == FIXTURE_JA for r in rows)


def _deck_text(prs: Any) -> str:
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


def test_the_deck_has_a_slide_per_section_with_native_tables_and_charts(world, tmp_path) -> None:
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    content = render_pptx(data, followup)
    prs = Presentation(io.BytesIO(content))
    assert len(prs.slides) == 1 + len(data["pages"])
    charts = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    tables = [s for slide in prs.slides for s in slide.shapes if s.has_table]
    with_data = [
        p
        for p in data["pages"]
        if any(
            (s := followup.kpi(k["id"])) and s.main and len(s.main.observations) > 1
            for k in p["kpi_table"]
        )
    ]
    assert len(charts) == len(with_data) >= 5
    assert len(tables) == sum(1 for p in data["pages"] if p["kpi_table"])
    text = _deck_text(prs)
    assert "現状と課題" in text and "今後の予定（方向性）" in text and FIXTURE_JA in text
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice and poppler-utils are needed: bash scripts/system-deps.sh")
    path = tmp_path / "deck.pptx"
    path.write_bytes(content)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    converted = subprocess.run(
        ["pdftotext", str(tmp_path / "deck.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(converted.split())
    for page in data["pages"][1:4]:
        assert "".join(page["title"].split()) in flat
    assert "".join(FIXTURE_JA.split()) in flat
    assert "現状と課題" in flat


def test_the_kpi_table_names_the_ministry_and_leaves_the_comment_missing(world) -> None:
    # plans/ip2025: the customs KPI is served by protection.piracy.m3, led by 税関 (MOF-CUSTOMS);
    # ADR cases are served by no measure with a ministry; no secretariat judgement is recorded.
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    rows = {r["id"]: r for p in data["pages"] for r in p["kpi_table"]}
    customs = rows["protection.piracy.customs_suspensions"]
    assert (customs["ministry"], customs["ministry_missing"]) == ("税関", "")
    adr = rows["protection.ipr.adr_cases"]
    assert (adr["ministry"], adr["ministry_missing"]) == ("担当府省未割当", "missing")
    assert {r["comment"] for r in rows.values()} == {"未記入"}
    assert list(data["annex"]["kpi_columns"].values())[-2:] == ["担当府省", "コメント"]
    html = render_html(data, with_charts=False)
    assert "<th>担当府省</th><th>コメント</th>" in html
    assert '<td class="missing">未記入</td>' in html


def test_the_annex_names_each_headline_method_by_its_label(world) -> None:
    # The shipped plan's 24 headlines by method (the verdicts table of the 2026-12-03 note):
    # the evidence rule gives 4 (GII, intangible share, piracy, Cool Japan total), the
    # pending-KPI state 2, the milestone rule 1 (data basic policy); labels, never raw ids.
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    counts = {m["label"]: m["count"] for m in data["annex"]["methods"]}
    assert sum(counts.values()) == 24
    assert (counts["評価の根拠"], counts["KPIの状態"], counts["期限付き成果物"]) == (4, 2, 1)
    assert not {"opensdg", "evidence", "trend", "pending", "milestone", "linear"} & set(counts)


@pytest.mark.parametrize(("lang", "edition", "code_header"), [
    ("ja", "（第1版）", "データファイルでの表記"), ("en", " (version 1)", "In the data files"),
])  # fmt: skip
def test_the_annex_speaks_to_the_public(world, lang: str, edition: str, code_header: str) -> None:
    # No internal file (docs/assessment.md) and no vocabulary key (check@1) in a published report;
    # the flag codes are said to be what the data files write.
    followup, changes, published = world
    html = render_html(report_data(followup, changes, lang, published), with_charts=False)
    annex = html[html.index('id="annex"') :]
    assert "docs/" not in html and "@1" not in annex
    assert edition in annex and f'<th scope="col">{code_header}</th>' in annex
    assert "<td><code>secondary</code></td>" in annex


def test_the_decks_rank_chart_has_first_place_at_the_top(world) -> None:
    """The GII rank (13th 2024, 12th 2025, plans/ip2025/observations.csv) is drawn with its
    value axis reversed, as on the dashboard; a share chart is not."""
    followup, changes, published = world
    prs = Presentation(
        io.BytesIO(render_pptx(report_data(followup, changes, "ja", published), followup))
    )
    charts = {
        s.chart.chart_title.text_frame.text: s.chart
        for slide in prs.slides
        for s in slide.shapes
        if s.has_chart
    }
    gii = charts["グローバルイノベーション指数の順位"]
    assert gii.value_axis.reverse_order is True
    assert list(gii.plots[0].series[0].values)[-2:] == [13.0, 12.0]
    # No GII rank for Japan in 2010 in the shipped data: a blank category, so the line breaks.
    categories = list(gii.plots[0].categories)
    values = list(gii.plots[0].series[0].values)
    assert categories[:5] == ["2007", "2008", "2009", "2010", "2011"]
    assert values[:5] == [4.0, 9.0, 13.0, None, 20.0]
    assert categories == [str(y) for y in range(2007, 2026)]
    assert gii.value_axis.crosses == XL_AXIS_CROSSES.MAXIMUM  # the years under the last place
    others = [c for title, c in charts.items() if "順位" not in title]
    assert others and all(c.value_axis.reverse_order is False for c in others)


def test_the_part_page_shows_the_parts_summary_not_an_empty_situation(world) -> None:
    """The IPX part has KPIs of its own but no 現状と課題; its page (PDF and deck) shows the
    part's summary and pillars from plans/ip2025/parts/ipx/part.yaml instead of an empty box."""
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    part = next(p for p in data["pages"] if p["id"] == "ipx")
    assert part["situation_heading"] == "部の概要"
    assert part["situation"][0].startswith("IPトランスフォーメーション ～知財の力で課題を解決し")
    assert "第一の柱：イノベーション拠点としての競争力強化" in part["situation"]
    sections = [p for p in data["pages"] if p["id"] != "ipx"]
    assert {p["situation_heading"] for p in sections} == {"現状と課題"}
    prs = Presentation(io.BytesIO(render_pptx(data, followup)))
    boxes = [s.text_frame.text for s in prs.slides[1].shapes if s.has_text_frame]
    overview = next(b for b in boxes if b.startswith("部の概要"))
    assert "○ 第三の柱：グローバル市場の取込み" in overview
    assert "今後の予定（方向性）\n○ 部全体の施策はありません（施策は各節にあります）。" in boxes
    en = report_data(followup, changes, "en", published)
    assert next(p for p in en["pages"] if p["id"] == "ipx")["situation_heading"] == (
        "The part in brief"
    )


def test_a_chart_in_the_pdf_is_on_the_page_of_its_title(world) -> None:
    """The GII chart is taller than what is left of its KPI's page: it moves to the next page
    with its own title, not leaving the reader an untitled chart."""
    followup, changes, published = world
    data = report_data(followup, changes, "ja", published)
    assert "<figcaption>グローバルイノベーション指数の順位</figcaption><svg" in render_html(data)
    pdf = PdfReader(io.BytesIO(render_pdf(data)))
    pages = ["".join(page.extract_text().split()) for page in pdf.pages]
    first_chart = next(text for text in pages if "予測区間" in text)  # the chart's legend
    assert "グローバルイノベーション指数の順位" in first_chart


def test_a_kpi_too_early_to_judge_says_what_it_awaits_once(world) -> None:
    """The GII awaits WIPO's next edition: the report said it twice, in two boxes one under
    the other (「判断に必要な根拠：…次回公表予定：…」 and 「データ待ち：…」)."""
    followup, changes, published = world
    for lang, said in (
        ("ja", "次回公表予定：世界知的所有権機関（WIPO）"),
        ("en", "Next release: World"),
    ):
        data = report_data(followup, changes, lang, published)
        gii = next(k for p in data["pages"] for k in p["kpis"] if k["id"] == "ipx.gii_rank")
        assert said in gii["awaited"] and gii["data_wait"] == [], lang
    waiting = [k for p in data["pages"] for k in p["kpis"] if k["data_wait"] and not k["awaited"]]
    assert waiting  # a KPI without data still says whose release it waits for


def test_the_deck_fits_long_titles_tall_cells_and_fiscal_years(world) -> None:
    """Seen through LibreOffice: a 101-character English title ran off the slide, table cells
    cut 'Secretariat's assessment: not written', and FY2008 sat next to FY2018 on the axis."""
    followup, changes, published = world
    prs = Presentation(
        io.BytesIO(render_pptx(report_data(followup, changes, "en", published), followup))
    )
    titles = [slide.shapes[0].text_frame for slide in list(prs.slides)[1:]]
    long = [f for f in titles if len(f.text) > 80]
    assert long and all(f.word_wrap and f.paragraphs[0].runs[0].font.size.pt == 16 for f in long)
    tables = [s.table for slide in prs.slides for s in slide.shapes if s.has_table]
    cells = [(row, cell) for table in tables for row in list(table.rows)[1:] for cell in row.cells]
    five = [row for row, cell in cells if "needed\nSecretariat" in cell.text]
    assert five and all(row.height.inches >= 0.6 for row in five)  # 5 lines at 7.5 pt
    charts = {
        s.chart.chart_title.text_frame.text: s.chart
        for slide in prs.slides
        for s in slide.shapes
        if s.has_chart
    }
    doctorates = list(charts["Doctorates per million population"].plots[0].categories)
    assert doctorates == [f"FY{y}" for y in range(2008, 2022)]


def test_a_report_before_the_first_vintage_says_there_are_no_data_yet(world) -> None:
    """It read 「データ時点: なし」, as if the store were empty."""
    followup, changes, published = world
    early = FollowUp(followup.plan, followup.source, dt.date(2000, 1, 1))
    first = early.all_vintages[0].id
    md = render_markdown(report_data(early, changes, "ja", published))
    assert f"データ時点: なし（この時点ではまだデータがありません。最初のデータ版は {first}）" in md
    en = render_markdown(report_data(early, changes, "en", published))
    assert f"none (no data yet at this date; the first vintage is {first})" in en
    assert f"Data as of: {followup.vintage.id}" in render_markdown(
        report_data(followup, changes, "en", published)
    )
