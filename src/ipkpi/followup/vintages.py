"""The vintages as readers meet them: each import its own release, named by date when it can.

Two imports on one day are two releases (a correction after the morning's file must not merge
into it): each is named by its date and time. A vintage alone on its day keeps the date as its
name, so links read ``?as_of=2025-06-30``. A source that knows the day only (no moment) gives
one release per day, its files listed together.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from .model import Vintage


def distinct_vintages(vintages: list[Vintage]) -> list[Vintage]:
    """The releases, oldest first, each with its link name as ``id``."""
    ordered = sorted(vintages, key=lambda v: v.end)
    out: list[Vintage] = []
    for day, group in groupby(ordered, key=lambda v: v.date):
        items = list(group)
        timed = [v for v in items if v.moment is not None]
        undated = [v for v in items if v.moment is None]
        if undated:
            label = ", ".join(v.label for v in undated if v.label)
            out.append(Vintage(day.isoformat(), day, label))
        if len(timed) == 1 and not undated:
            only = timed[0]
            out.append(Vintage(day.isoformat(), day, only.label, only.moment))
        elif timed:
            seconds = [_name(v, "seconds") for v in timed]
            precise = len(set(seconds)) < len(seconds)  # two imports within one second
            for v, name in zip(timed, seconds, strict=True):
                out.append(
                    Vintage(_name(v, "microseconds") if precise else name, day, v.label, v.moment)
                )
    return sorted(out, key=lambda v: v.end)


def _name(vintage: Vintage, timespec: str) -> str:
    assert vintage.moment is not None
    moment = vintage.moment if timespec == "microseconds" else vintage.moment.replace(microsecond=0)
    return moment.isoformat(timespec=timespec)


def in_force(vintages: list[Vintage], as_of: dt.datetime) -> Vintage | None:
    """The latest of ``vintages`` (distinct, oldest first) recorded by ``as_of``."""
    found = None
    for vintage in vintages:
        if vintage.end > as_of:
            break
        found = vintage
    return found
