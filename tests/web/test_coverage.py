"""One definition of "a KPI has data": the summary, the home page and the report agree.

The shipped plan and its shipped observations: ``ipkpi summary``, the dashboard's home page and
the follow-up report (data and Markdown) give the same count, and the KPIs without data are the
ones the plan's notes explain.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Milestone, kpi_has_data
from ipkpi.plan.loader import load_plan
from ipkpi.report import render_markdown, report_data
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.web import create_app

from .conftest import TestClient

#: The shipped KPIs that have no data of their own (each note says why).
WITHOUT_DATA = {
    "creation.investment.pending",
    "creation.ai.ai_rd_spending",
    "creation.talent.ip_education_cases",
    "protection.ipr.damages_awarded",
    "protection.ipr.adr_cases",
    "protection.regional.sme_new_filers",
    "utilization.academia.social_implementation",
    "utilization.startups.support",
    "utilization.data.pending",
    "cj.japan_fan_share",
    "cj.content_regional_hubs",
}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FollowUpProvider]]:
    folder = Path(default_plan_dir())
    plan = load_plan(folder)
    path = tmp_path_factory.mktemp("coverage") / "s.db"
    store = Store.open(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, folder, catalog_from_plan(plan))
    yield str(path), FollowUpProvider(plan, StoreSource(store, plan))
    store.close()


def test_summary_home_and_report_count_the_same_kpis_with_data(
    shipped: tuple[str, FollowUpProvider],
):
    db, provider = shipped
    followup = provider.get()
    statuses = followup.kpis()
    wanted = len(statuses) - len(WITHOUT_DATA)
    assert {s.kpi.id for s in statuses if not s.has_data} == WITHOUT_DATA
    assert followup.coverage().with_data == wanted == 13

    result = CliRunner(env={"COLUMNS": "120"}).invoke(
        cli, ["summary", "--db", db, "--lang", "en"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    found = re.search(r"(\d+)/(\d+) KPIs have data", result.stdout)
    assert found and (int(found[1]), int(found[2])) == (wanted, 24), result.stdout

    with TestClient(create_app(provider)) as client:
        home = client.get("/index.json").json()
        html = client.get("/en/").text
    assert (home["totals"]["with_data"], home["totals"]["kpis"]) == (wanted, 24)
    assert f"KPIs with data: {wanted} / 24" in html

    data = report_data(followup, provider.changes(), "en")
    assert data["coverage"] == {"kpis": 24, "with_data": wanted}
    assert f"- KPIs with data: {wanted} / 24" in render_markdown(data)


def test_context_series_alone_are_not_data_and_a_recorded_milestone_is(
    shipped: tuple[str, FollowUpProvider],
):
    _, provider = shipped
    followup = provider.get()
    fans = followup.kpi("cj.japan_fan_share")
    assert fans is not None and any(s.observations for s in fans.series)  # Dentsu, context
    assert not fans.has_data
    policy = followup.kpi("utilization.data.basic_policy")
    assert policy is not None and isinstance(policy.kpi, Milestone)
    assert policy.kpi.status == "done" and policy.has_data
    assert kpi_has_data(policy.kpi.model_copy(update={"status": "unknown"}), set()) is False


@pytest.mark.parametrize(
    ("lang", "latest"),
    [
        ("ja", r"- 最新値: 12位 (2025) \[二次資料（発行元の公表資料を確認できず）\]"),
        (
            "en",
            r"- Latest value: rank 12 (2025) "
            r"\[secondary source (publisher's release not available)\]",
        ),
    ],
)
def test_the_markdown_report_flags_a_secondary_latest_value_as_the_pdf_does(
    shipped: tuple[str, FollowUpProvider], lang: str, latest: str
):
    # Japan's GII 2025 rank (12) is quoted by JST, not read in WIPO's report (plans/ip2025).
    # Markdown escapes the brackets; they read as [ ] once rendered.
    _, provider = shipped
    followup = provider.get()
    assert latest in render_markdown(report_data(followup, provider.changes(), lang))
