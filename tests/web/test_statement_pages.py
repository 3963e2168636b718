"""The secretariat's statement beside the computed verdict on the KPI page and its JSON, in
both languages; a KPI without one says 未記入; a statement imported later supersedes."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.store.statement_file import read_statement_file
from ipkpi.store.statement_import import record
from ipkpi.web import create_app
from ipkpi.web.site import build_site

from .conftest import make_store
from .test_pages import visible_text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

HEADER = "kpi,review_date,status,text_ja,text_en,author_role,author_role_en,written_on\n"
# A test input, not anyone's judgement.
ROW = (
    "alpha.one.exports,2025-06-30,遅れ,伸びが目標に届かない,Growth falls short,"
    "事務局,Secretariat,2025-07-01\n"
)


@pytest.fixture(scope="module")
def judged_provider(
    plan: Plan, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FollowUpProvider]:
    folder = tmp_path_factory.mktemp("judged")
    store = make_store(folder / "j.db", plan)
    path = folder / "statements.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    fmt, rows = read_statement_file(path, [k.id for _, _, k in plan.iter_kpis()], dt.date.today())
    record(store, path, "statements", fmt, rows, recorded_at=dt.datetime(2025, 7, 1, 9))
    yield FollowUpProvider(plan, StoreSource(store, plan))
    store.close()


@pytest.fixture(scope="module")
def judged(judged_provider: FollowUpProvider) -> Iterator[TestClient]:
    with TestClient(create_app(judged_provider)) as client:
        yield client


def test_the_statement_stands_beside_the_computed_verdict(judged: Any) -> None:
    data = judged.get("/kpi/alpha.one.exports.json").json()
    statement = data["statement"]
    assert statement["written"] is True
    assert (statement["status"], statement["status_label"], statement["text"]) == (
        "delayed",
        "遅れ",
        "伸びが目標に届かない",
    )
    assert statement["byline"] == "評価基準日 2025-06-30、事務局、2025-07-01作成"
    assert data["headline"]["status"]  # the computed verdict is still there, unchanged
    en = visible_text(judged.get("/en/kpi/alpha.one.exports").text)
    assert "Secretariat's assessment" in en
    assert "Growth falls short" in en
    assert "Review date 2025-06-30; Secretariat; written 2025-07-01" in en
    # Right after the computed headline verdict, before the chart.
    html = judged.get("/en/kpi/alpha.one.exports").text
    marks = ('id="headline-verdict"', 'id="statement-heading"', 'id="chart-heading"')
    assert [html.index(m) for m in marks] == sorted(html.index(m) for m in marks)


def test_a_kpi_without_a_statement_says_not_written(judged: Any) -> None:
    data = judged.get("/kpi/alpha.one.rank.json").json()
    assert data["statement"]["written"] is False
    assert data["statement"]["text"] == ""
    ja = visible_text(judged.get("/kpi/alpha.one.rank").text)
    assert "事務局評価：未記入" in ja
    en = visible_text(judged.get("/en/kpi/alpha.one.rank").text)
    assert "Secretariat's assessment: not written" in en


def test_before_the_statement_was_imported_it_is_not_shown(judged: Any) -> None:
    then = judged.get("/kpi/alpha.one.exports.json?as_of=2025-01-10").json()
    assert then["statement"]["written"] is False


def test_the_static_site_shows_it_too(judged_provider: FollowUpProvider, tmp_path: Path) -> None:
    build_site(judged_provider, tmp_path)
    ja = visible_text((tmp_path / "kpi" / "alpha.one.exports.html").read_text())
    assert "事務局評価" in ja and "伸びが目標に届かない" in ja
    en = visible_text((tmp_path / "en" / "kpi" / "alpha.one.rank.html").read_text())
    assert "Secretariat's assessment: not written" in en
