"""The secretariat's statement in the report (HTML, PDF, Markdown) and the deck, beside the
computed verdict; a KPI without one says 未記入. The statement is a test input (no one's
judgement); the data are the shipped plan's."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.report import render_html, render_markdown, render_pdf, report_data
from ipkpi.report.deck import render_pptx
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.store.statement_file import read_statement_file
from ipkpi.store.statement_import import record

PIRACY = "protection.piracy.publication_piracy_access"
CSV = (
    "kpi,review_date,status,text_ja,text_en,author_role,author_role_en,written_on\n"
    f"{PIRACY},2026-06-30,progressing,TEST 取締りの効果が出ている,TEST enforcement shows,"
    "事務局参事官,Counsellor,2026-07-01\n"
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    tmp = tmp_path_factory.mktemp("judged")
    store = Store.open(tmp / "r.db")
    ensure_shipped(store, folder, catalog_from_plan(plan))
    path = Path(tmp / "s.csv")
    path.write_text(CSV, encoding="utf-8")
    fmt, rows = read_statement_file(path, [k.id for _, _, k in plan.iter_kpis()], dt.date.today())
    record(store, path, "statements", fmt, rows)
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    followup = provider.get()
    yield followup, provider.changes()
    store.close()


def test_the_html_and_markdown_report_print_it_beside_the_verdict(outputs: Any) -> None:
    followup, changes = outputs
    ja = report_data(followup, changes, "ja")
    [entry] = [k for p in ja["pages"] for k in p["kpis"] if k["id"] == PIRACY]
    assert entry["statement"]["short"] == "事務局評価：進展あり"
    html = render_html(ja, with_charts=False)
    assert "TEST 取締りの効果が出ている" in html
    assert "評価基準日 2026-06-30、事務局参事官、2026-07-01作成" in html
    assert "事務局評価：未記入" in html
    en = render_markdown(report_data(followup, changes, "en"))
    assert (
        "- Secretariat's assessment: **Progressing** TEST enforcement shows "
        "(Review date 2026-06-30; Counsellor; written 2026-07-01)"
    ) in en
    assert "- Secretariat's assessment: not written" in en


def test_the_pdf_and_the_deck_carry_it(outputs: Any) -> None:
    followup, changes = outputs
    data = report_data(followup, changes, "ja")
    pdf = PdfReader(io.BytesIO(render_pdf(data)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "TEST 取締りの効果が出ている" in text.replace("\n", "")
    deck = Presentation(io.BytesIO(render_pptx(data, followup)))
    cells = [
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert any(c.endswith("事務局評価：進展あり") for c in cells)
    assert any(c.endswith("事務局評価：未記入") for c in cells)
