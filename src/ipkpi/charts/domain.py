"""What a KPI chart spans: the y-domain, and where its lines break.

The y-domain holds the observed values, the path needed to reach the target and the target,
with a margin so that no point sits on an axis line; the projection's interval never widens
it (a band reaching 150,000百万件 would flatten every real value onto zero). Non-negative data
keep a non-negative axis. A line is broken where a series has a whole calendar year without
data and the gap is clearly longer than the series' usual spacing (a survey every two years
is not broken).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from typing import Any

from .axis import year_date

MARGIN = 0.08


def y_domain(
    values: Iterable[float],
    path: Iterable[float] = (),
    target: float | None = None,
    *,
    zero: bool = False,
    rank: bool = False,
) -> list[float] | None:
    """[low, high] for the y-scale; None when there is nothing to span."""
    drawn = [*values, *path, *([] if target is None else [target])]
    if not drawn:
        return None
    low, high = min(drawn), max(drawn)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    spread = high - low or abs(high) or 1.0
    margin = spread * MARGIN
    top = high + margin
    bottom = low if zero and low == 0 else low - margin
    if min(drawn) >= 0 and bottom < 0:
        bottom = 0.0
    if rank:
        bottom = max(bottom, 0.5)
    return [_round(bottom), _round(top)]


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def gap_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of one series (with ``year`` and ``date``) with a value-less row in each gap."""
    if len(rows) < 2:
        return rows
    ordered = sorted(rows, key=lambda r: r["year"])
    steps = [b["year"] - a["year"] for a, b in itertools.pairwise(ordered)]
    usual = statistics.median(steps)
    out = [ordered[0]]
    for prev, row in itertools.pairwise(ordered):
        step = row["year"] - prev["year"]
        if int(row["year"]) - int(prev["year"]) >= 2 and step > 1.5 * usual:
            middle = (prev["year"] + row["year"]) / 2
            out.append(
                {
                    "series": row["series"],
                    "date": year_date(middle),
                    "year": middle,
                    "period": "",
                    "value": None,
                    "value_text": "",
                    "flags": "",
                    "source": "",
                }
            )
        out.append(row)
    return out
