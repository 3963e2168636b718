"""What changed between the previous vintage and the current one: values and verdicts."""

from __future__ import annotations

from .build import FollowUp
from .model import Change, Changes, KpiStatus


def changes_since_previous(current: FollowUp) -> Changes:
    """New, revised and removed values, and changed headline verdicts, KPI by KPI."""
    previous_vintage = current.previous_vintage
    if previous_vintage is None:
        return Changes(previous=None, current=current.vintage)
    before = FollowUp(current.plan, current.source, previous_vintage.as_of)
    items: list[Change] = []
    for now in current.kpis():
        then = before.kpi(now.kpi.id)
        if then is not None:
            items.extend(_value_changes(then, now))
            if then.headline.status != now.headline.status:
                items.append(
                    Change(
                        kind="verdict",
                        kpi_id=now.kpi.id,
                        old=then.headline.status,
                        new=now.headline.status,
                    )
                )
    return Changes(previous=previous_vintage, current=current.vintage, items=tuple(items))


def _value_changes(then: KpiStatus, now: KpiStatus) -> list[Change]:
    out: list[Change] = []
    old_series = {s.series.id: s for s in then.series}
    for series in now.series:
        old = {o.period: o for o in old_series[series.series.id].observations}
        new = {o.period: o for o in series.observations}
        for period, obs in new.items():
            if period not in old:
                out.append(
                    Change("new", now.kpi.id, series.series.id, period, None, obs.value, obs.unit)
                )
            elif old[period].value != obs.value:
                out.append(
                    Change(
                        "revised",
                        now.kpi.id,
                        series.series.id,
                        period,
                        old[period].value,
                        obs.value,
                        obs.unit,
                    )
                )
        for period, obs in old.items():
            if period not in new:
                out.append(
                    Change(
                        "removed", now.kpi.id, series.series.id, period, obs.value, None, obs.unit
                    )
                )
    return out
