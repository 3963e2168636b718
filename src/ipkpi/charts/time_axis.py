"""The time axis of a KPI chart: year labels that never collide, at any width.

Vega picks its own time ticks; on a long span (2015–2035) at phone width it may place two
years close enough to read as "20342035". The ticks are given here instead: whole years, every
1, 2, 5 or 10 years so that at most ``MAX_TICKS`` labels are drawn, and Vega's greedy overlap
removal drops any label that still touches its neighbour.
"""

from __future__ import annotations

from typing import Any

from ..text import Lang
from .labels import label

MAX_TICKS = 7
STEPS = (1, 2, 5, 10, 20, 50)


def year_ticks(first: int, last: int, *, max_ticks: int = MAX_TICKS) -> list[int]:
    """Whole years from ``first`` to ``last`` at the smallest step giving ≤ ``max_ticks``."""
    if last < first:
        first, last = last, first
    span = last - first
    step = next((s for s in STEPS if span // s + 1 <= max_ticks), STEPS[-1])
    start = first - first % step if step > 1 else first
    if start < first:
        start += step
    ticks = list(range(start, last + 1, step))
    return ticks or [first]


def x_encoding(lang: Lang, years: list[int] | None = None) -> dict[str, Any]:
    """The x channel shared by every layer; ``years`` are the tick years when known."""
    axis: dict[str, Any] = {
        "format": "%Y",
        "labelOverlap": "greedy",
        "labelSeparation": 8,
        "labelAngle": 0,
        "labelFlush": True,
    }
    if years:
        axis["values"] = [{"year": y, "month": 1, "date": 1} for y in years]
    else:
        axis["tickCount"] = "year"
    return {"field": "date", "type": "temporal", "title": label("period", lang), "axis": axis}
