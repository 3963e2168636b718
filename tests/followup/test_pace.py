"""One pace for every view: status, pages and report say the same numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.followup import FollowUp
from ipkpi.followup.pace import pace_of
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan.loader import load_plan
from ipkpi.report.content import kpi_entry
from ipkpi.store import Store
from ipkpi.store.shipped import ensure_shipped
from ipkpi.web.verdicts import pace_data

PLAN = Path(__file__).parents[2] / "plans" / "ip2025"


def test_agrifood_pace_is_the_same_in_every_view(tmp_path: Path) -> None:
    plan = load_plan(PLAN)
    store = Store.open(str(tmp_path / "s.db"))
    ensure_shipped(store, PLAN)
    status = FollowUp(plan, StoreSource(store, plan)).kpi("protection.regional.agrifood_exports")
    assert status is not None
    pace = pace_of(status)
    assert pace is not None
    # MAFF 2025: 1兆7,005億円 (data-sources.md §2.3) → 5兆円 by 2030 (kpis.md)
    assert pace.needed == pytest.approx((5 / 1.7005) ** (1 / 5) - 1)
    assert pace.latest == "2025"
    assert pace.needed_text("ja") == "年率+24.1%"
    page = pace_data(status, "ja")
    assert page is not None
    assert (page["needed"], page["needed_text"]) == (pace.needed, "年率+24.1%")
    assert kpi_entry(status, "ja")["pace"]["needed"] == "年率+24.1%"
