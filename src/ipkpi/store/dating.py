"""When a vintage may be recorded: not in the future, and not before what the store holds.

A vintage recorded in the future would stay "latest" until that day and hide every value
imported meanwhile; one recorded before the store's latest vintage would slip under values
already read and change what past as-of views said, without being current itself. So a
vintage (an import or a withdrawal) is recorded no later than now (:data:`CLOCK_SKEW` allowed)
and no earlier than the latest vintage stored: imports happen in order, every as-of view shows
exactly what was known at that moment, and the diff an import reports is the change a reader
sees from then on. Archived releases are loaded oldest first (``--recorded-at``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from ..problems import Problem
from ..problems import observations as says
from .schema import vintages

#: How far ahead of this machine's clock a recorded-at may be (another machine's clock).
CLOCK_SKEW = dt.timedelta(minutes=5)


def recorded_at_problems(
    conn: Connection, moment: dt.datetime, file: str = "", *, now: dt.datetime | None = None
) -> list[Problem]:
    """What is wrong with recording a vintage at ``moment`` (naive UTC) in this store."""
    current = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if moment > current + CLOCK_SKEW:
        future = says.RECORDED_IN_FUTURE(moment=_shown(moment), now=_shown(current))
        return [future.at(file, column="recorded_at", value=_shown(moment))]
    latest = conn.execute(select(func.max(vintages.c.recorded_at))).scalar_one_or_none()
    if latest is not None and moment < latest:
        before = says.RECORDED_BEFORE_LATEST(moment=_shown(moment), latest=_shown(latest))
        return [before.at(file, column="recorded_at", value=_shown(moment))]
    return []


def _shown(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}"
