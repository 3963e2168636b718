"""A total made of published components (the Cool Japan table): each one's part in it."""

from __future__ import annotations

from ..plan.kpi import LevelByDeadline
from ..units import UnitError, convert
from .verdict import Contribution


def contributions(kpi: LevelByDeadline, unit_code: str) -> tuple[Contribution, ...]:
    """Each component's change and its share of the total's change and level, in ``unit_code``.

    Shares are taken against the published total when the plan gives one (its change was
    computed from unrounded values, §kpis.md), else against the sum of the rounded components.
    A component whose unit does not convert is left out rather than guessed.
    """
    rows = []
    for c in kpi.components:
        try:
            previous = convert(c.previous.value, c.previous.unit, unit_code)
            current = convert(c.current.value, c.current.unit, unit_code)
        except UnitError:
            continue
        rows.append((c, previous, current))
    if not rows:
        return ()
    total = kpi.published_total
    if total is not None:
        total_now = convert(total.current.value, total.current.unit, unit_code)
        total_then = convert(total.previous.value, total.previous.unit, unit_code)
    else:
        total_now = sum(cur for _, _, cur in rows)
        total_then = sum(prev for _, prev, _ in rows)
    total_change = total_now - total_then
    return tuple(
        Contribution(
            series=c.series,
            label=c.label,
            previous=previous,
            current=current,
            previous_period=c.previous.period,
            current_period=c.current.period,
            published_change_pct=c.change_pct,
            share_of_change=(current - previous) / total_change if total_change else None,
            share_of_total=current / total_now if total_now else None,
            definition_changed=c.definition_changed,
            previous_share_of_total=previous / total_then if total_then else None,
        )
        for c, previous, current in rows
    )
