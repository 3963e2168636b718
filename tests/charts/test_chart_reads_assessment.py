"""The chart reads the verdict, it does not re-derive it (issue 8.7), on the shipped plan.

- Component shares: the Cool Japan total's bars carry the assessment's shares
  (``Contribution.share_of_total`` / ``previous_share_of_total``, from the plan's table:
  inbound 8.1 of 27.1 兆円, 知的財産推進計画2025 新たなクールジャパン戦略); a test double of the
  real status with one share changed makes the chart follow.
- Needed path: for every shipped KPI that prints a needed pace, the chart's path starts at the
  latest value and runs at exactly that pace (compound for a growth rate, straight for places,
  points or units), so the path drawn and the pace printed are one value.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.charts import kpi_chart
from ipkpi.charts.components import component_rows
from ipkpi.followup import FollowUp, KpiStatus
from ipkpi.followup.describe import goal_text
from ipkpi.followup.pace import pace_of, pace_verdict
from ipkpi.text import Lang

from ..shipped_data import shipped_store

CJ = "cj.overseas_total"
INBOUND = "cj.overseas_total.inbound"


@pytest.fixture(scope="module")
def followup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FollowUp]:
    _, store, provider = shipped_store(tmp_path_factory.mktemp("reads") / "r.db")
    yield provider.get()
    store.close()


def _cj(followup: FollowUp) -> KpiStatus:
    status = followup.kpi(CJ)
    assert status is not None
    return status


def _inbound_share(status: KpiStatus, survey: str) -> float | None:
    rows = component_rows(status, status.unit, "ja")
    found = [r for r in rows if r["component"].startswith("訪日") and r["survey"] == survey]
    assert len(found) == 1
    share: float | None = found[0]["share"]
    return share


def test_the_bars_carry_the_assessments_shares(followup: FollowUp) -> None:
    status = _cj(followup)
    verdict = next(v for v in status.verdicts if v.components)
    inbound = next(c for c in verdict.components if c.series == INBOUND)
    assert inbound.share_of_total == pytest.approx(8.1 / 27.1)
    assert inbound.previous_share_of_total == pytest.approx(5.3 / 19.1)
    assert _inbound_share(status, "今回調査") == inbound.share_of_total
    assert _inbound_share(status, "前回調査") == inbound.previous_share_of_total
    # every bar's share is the assessment's, for both surveys
    by_series = {c.series: c for c in verdict.components}
    rows = component_rows(status, status.unit, "en")
    assert len(rows) == 16
    shares = sorted(r["share"] for r in rows)
    expected = sorted(
        s
        for c in by_series.values()
        for s in (c.share_of_total, c.previous_share_of_total)
        if s is not None
    )
    assert shares == pytest.approx(expected)


def test_the_chart_follows_a_changed_assessment(followup: FollowUp) -> None:
    status = _cj(followup)
    changed = []
    for v in status.verdicts:
        parts = tuple(
            dataclasses.replace(c, share_of_total=0.5) if c.series == INBOUND else c
            for c in v.components
        )
        changed.append(dataclasses.replace(v, components=parts))
    double = dataclasses.replace(status, verdicts=tuple(changed))
    assert _inbound_share(double, "今回調査") == 0.5
    assert _inbound_share(status, "今回調査") == pytest.approx(8.1 / 27.1)


def test_the_needed_path_runs_at_the_printed_pace(followup: FollowUp) -> None:
    drawn = set()
    for listed in followup.kpis():
        status = followup.kpi(listed.kpi.id)
        assert status is not None
        pace = pace_of(status)
        path = status.required_path
        if pace is None or pace.needed is None:
            assert path == (), status.kpi.id
            continue
        assert status.main is not None
        verdict = pace_verdict(status.verdicts, status.main.series.unit)
        assert verdict is not None and verdict.method == pace.method
        assert path, status.kpi.id
        first, last = path[0], path[-1]
        assert (first.year, first.value) == (verdict.current_year, verdict.current_value)
        assert last.year == verdict.target_year
        for a, b in itertools.pairwise(path):
            years = b.year - a.year
            if pace.kind == "growth":
                assert (b.value / a.value) ** (1 / years) - 1 == pytest.approx(pace.needed)
            else:
                assert (b.value - a.value) / years == pytest.approx(pace.needed)
        drawn.add(status.kpi.id)
    # GII 12th (2025) → 4th by 2035 at 0.8 places a year; the Cool Japan total 27.1 → 50 兆円
    # by 2033 at +7.0 % a year; the others in the shipped data that print a needed pace.
    assert drawn == {
        "ipx.gii_rank",
        "ipx.intangible_share",
        "creation.talent.doctorates_per_million",
        "protection.regional.agrifood_exports",
        "cj.overseas_total",
        "cj.content_overseas_market",
        "cj.japan_search_scale",
    }
    gii = followup.kpi("ipx.gii_rank")
    assert gii is not None
    assert [(p.year, p.value) for p in gii.required_path] == [(2025.0, 12.0), (2035.0, 4.0)]


@pytest.mark.parametrize(
    ("kpi_id", "lang", "legend", "facts"),
    [
        # 知的財産推進計画2025 overview: intangible share ≥ 50 % by 2035, GII 4th by 2035.
        ("ipx.intangible_share", "ja", "目標 50%（2035年まで）", "≥ 50%（2035年まで）"),
        ("ipx.intangible_share", "en", "Target 50% by 2035", "≥ 50% by 2035"),
        ("ipx.gii_rank", "ja", "目標 4位（2035年まで）", "≤ 4位（2035年まで）"),
        ("ipx.gii_rank", "en", "Target rank 4 by 2035", "rank ≤ 4 by 2035"),
    ],
)
def test_the_legend_words_the_deadline_as_the_facts_do(
    followup: FollowUp, kpi_id: str, lang: Lang, legend: str, facts: str
) -> None:
    status = followup.kpi(kpi_id)
    assert status is not None
    spec = kpi_chart(status, lang)
    names = [n for layer in spec["layer"] for n in _domain(layer)]
    assert legend in names  # the English legend read "Target 50% (by 2035)"
    assert goal_text(status.kpi, lang, status.wording) == facts


def _domain(layer: dict[str, Any]) -> list[str]:
    colour = layer.get("encoding", {}).get("color") or {}
    domain: list[str] = colour.get("scale", {}).get("domain", [])
    return domain
