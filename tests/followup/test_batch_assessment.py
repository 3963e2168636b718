"""Every KPI assessed in one batch per method gives the verdicts of assessing KPI by KPI.

The shipped plan with its shipped observations in a real SQLite store, at the latest data and
at every earlier vintage; then the same plan with data made from them (each series cut short
by 0–7 of its latest values and scaled), so that the batches mix series of every length, with
and without points, in every unit. Each time: ``repr`` of every KPI's verdicts by every method
(and of the headline-only statuses the lists use) the same both ways, and in the batch no
series assessed on its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import pytest

from ipkpi.assessment import kpi_batch
from ipkpi.assessment.kpi_run import Request
from ipkpi.followup import FollowUp, Observation
from ipkpi.followup.assess import assess_one
from ipkpi.followup.model import AsOf
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan
from ipkpi.store import Store, catalog_from_plan, import_file


class Varied(StoreSource):
    """The store's data, each series without its ``cut`` latest values, times ``factor``."""

    def __init__(self, store: Store, plan: Plan, cut: int, factor: float) -> None:
        super().__init__(store, plan)
        self.cut, self.factor = cut, factor

    def observations(
        self, series_ids: Sequence[str], as_of: AsOf | None
    ) -> dict[str, list[Observation]]:
        found = super().observations(series_ids, as_of)
        return {
            sid: [dataclasses.replace(o, value=o.value * self.factor) for o in rows][
                : max(len(rows) - self.cut, 0)
            ]
            for sid, rows in found.items()
        }


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Plan, Store]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(tmp_path_factory.mktemp("batch") / "shipped.db")
    import_file(store, folder / OBSERVATIONS_FILE, catalog_from_plan(plan))
    yield plan, store
    store.close()


@pytest.fixture
def alone(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The subjects of the requests assessed on their own (a batch of one)."""
    calls: list[str] = []
    single = Request.assess

    def counting(self: Request) -> object:
        calls.append(self.subject)
        return single(self)

    monkeypatch.setattr(Request, "assess", counting)
    return calls


@pytest.fixture
def kernel_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of series of each kernel call the batch makes."""
    sizes: list[int] = []
    kernel = kpi_batch.assess

    def counting(batch: kpi_batch.SeriesBatch, method: str, **options: object) -> object:
        sizes.append(batch.n)
        return kernel(batch, method, **options)

    monkeypatch.setattr(kpi_batch, "assess", counting)
    return sizes


def both_ways(
    followup: FollowUp, batched: FollowUp, alone: list[str], kernel_calls: list[int]
) -> list[str]:
    """Every KPI's status by every method both ways; the headline statuses both ways."""
    one_by_one = [followup.kpi(k) for k in followup.kpi_ids()]
    alone.clear()
    kernel_calls.clear()
    batched.assess_all()
    assert alone == []  # every series came from its group's batch
    together = [batched.kpi(k) for k in batched.kpi_ids()]
    assert [repr(s) for s in together] == [repr(s) for s in one_by_one]
    at = followup.reference_date
    heads = [assess_one(item, at, every_method=False) for item in followup._inputs.values()]
    listed = FollowUp(followup.plan, followup.source, followup.as_of).kpis()
    assert [repr(s.verdicts) for s in listed] == [repr(s.verdicts) for s in heads]
    return [s.headline.status for s in together if s is not None]


def test_the_shipped_data_at_every_vintage(
    shipped: tuple[Plan, Store], alone: list[str], kernel_calls: list[int]
) -> None:
    plan, store = shipped
    source = StoreSource(store, plan)
    as_ofs: list[AsOf | None] = [None, *(v.as_of for v in FollowUp(plan, source).all_vintages)]
    for as_of in as_ofs:
        followup, batched = FollowUp(plan, source, as_of), FollowUp(plan, source, as_of)
        statuses = both_ways(followup, batched, alone, kernel_calls)
        assert len(statuses) == 24  # the shipped plan's 24 KPIs
        # ~100 series (every method's, of all 24 KPIs) in ~20 kernel calls, one per group:
        # the number of calls is that of the groups, whatever the number of KPIs.
        assert 4 * len(kernel_calls) < sum(kernel_calls)
        # Real verdicts, not one status for all: on the shipped data, 8 headline statuses
        # (substantial, moderate and limited progress, too early, rising, overdue, …).
        assert len(set(statuses)) >= 6


@pytest.mark.parametrize("cut", [0, 1, 2, 4, 7])
@pytest.mark.parametrize("factor", [0.5, 1.7])
def test_data_of_every_length_and_scale(
    shipped: tuple[Plan, Store],
    alone: list[str],
    kernel_calls: list[int],
    cut: int,
    factor: float,
) -> None:
    plan, store = shipped
    source = Varied(store, plan, cut, factor)
    statuses = both_ways(FollowUp(plan, source), FollowUp(plan, source), alone, kernel_calls)
    assert len(statuses) == 24


def test_a_batch_the_kernel_refuses_is_assessed_series_by_series(
    shipped: tuple[Plan, Store], alone: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group whose batch fails (bad data) falls back to each series alone: same verdicts."""
    plan, store = shipped
    source = StoreSource(store, plan)
    followup = FollowUp(plan, source)
    expected = [repr(followup.kpi(k)) for k in followup.kpi_ids()]

    def refusing(batch: object, method: str, **options: object) -> object:
        raise ValueError("refused")

    monkeypatch.setattr(kpi_batch, "assess", refusing)
    batched = FollowUp(plan, source)
    alone.clear()
    batched.assess_all()
    assert alone  # every series then assessed on its own
    assert [repr(batched.kpi(k)) for k in batched.kpi_ids()] == expected
