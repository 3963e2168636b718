"""Withdrawing values: a vintage that says a (series, period) has no value any more.

A value imported by mistake (a wrong series, a period that does not exist in the source) is
not deleted: a withdrawal vintage records, for each period, the value withdrawn and why.
From then on the latest values and every as-of query after it lack that period; as-of
queries before it, and ``ipkpi data history``, still show the value. Importing a value for
the period later brings it back, as a new value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select

from ..periods import PeriodError, parse_period
from ..problems import Problem
from ..problems import observations as says
from ..text import Text
from .database import write_transaction
from .dating import recorded_at_problems
from .observation import StoredVintage
from .problems import StoreError
from .schema import observations, series, vintages
from .store import Store, utc_naive

FILE_FORMAT = "withdrawal"


class WithdrawalError(StoreError):
    """A withdrawal that cannot be made; nothing was written. The message lists every problem."""


@dataclass(frozen=True)
class Withdrawn:
    period: str
    value: float


@dataclass(frozen=True)
class WithdrawalReport:
    series: str
    reason: str
    withdrawn: list[Withdrawn]
    vintage: StoredVintage | None  # None in a dry run


def withdraw(
    store: Store,
    series_id: str,
    periods: Sequence[str],
    reason: str,
    *,
    dry_run: bool = False,
    recorded_at: dt.datetime | None = None,
) -> WithdrawalReport:
    """Withdraw the current values of ``series_id`` for ``periods``, all or none.

    Every problem (no reason, unreadable or repeated periods, an unknown series, periods
    without a current value) is reported at once in one :class:`WithdrawalError`.
    """
    reason = reason.strip()
    problems: list[Problem] = []
    if not reason:
        problems.append(says.WITHDRAW_NO_REASON.at())
    if not periods:
        problems.append(says.WITHDRAW_NO_PERIOD.at())
    canonical: list[str] = []
    for text in periods:
        try:
            period = str(parse_period(text))
        except PeriodError as exc:
            bad = says.WITHDRAW_BAD_PERIOD(text=text, detail=exc.message)
            problems.append(Problem(bad))
            continue
        if period in canonical:
            problems.append(says.WITHDRAW_PERIOD_TWICE.at(period=period))
        else:
            canonical.append(period)
    moment = utc_naive(recorded_at or dt.datetime.now(dt.UTC))
    with write_transaction(store.engine) as conn:
        series_key = conn.execute(
            select(series.c.id).where(series.c.code == series_id)
        ).scalar_one_or_none()
        current = store.latest_frame([series_id], connection=conn)
        held = dict(zip(current["period"].to_list(), current.iter_rows(named=True), strict=True))
        if series_key is None:
            known = list(conn.scalars(select(series.c.code)))
            close = difflib.get_close_matches(series_id, known, n=1)
            hint = says.DID_YOU_MEAN(suggestion=close[0]) if close else None
            unknown = says.WITHDRAW_UNKNOWN_SERIES(series=series_id, hint=hint)
            problems.append(Problem(unknown))
        elif missing := [p for p in canonical if p not in held]:
            nothing = Text(ja="なし", en="nothing")
            lacking = says.WITHDRAW_NO_CURRENT_VALUE(
                series=series_id, missing=", ".join(missing), held=", ".join(held) or nothing
            )
            problems.append(Problem(lacking))
        problems += recorded_at_problems(conn, moment)
        if problems:
            raise WithdrawalError(problems)
        withdrawn = [Withdrawn(p, float(held[p]["value"])) for p in canonical]
        if dry_run:
            return WithdrawalReport(series_id, reason, withdrawn, None)
        identity = f"withdraw|{series_id}|{'|'.join(canonical)}|{reason}|{moment.isoformat()}"
        sha256 = hashlib.sha256(identity.encode()).hexdigest()
        conn.execute(
            insert(vintages).values(
                recorded_at=moment,
                file_name=f"withdrawal of {series_id} {', '.join(canonical)}",
                file_format=FILE_FORMAT,
                sha256=sha256,
                source_title=None,
                source_url=None,
                row_count=len(withdrawn),
                new_count=0,
                revised_count=len(withdrawn),
            )
        )
        vintage = store.vintage_with_sha256(sha256, connection=conn)
        assert vintage is not None
        conn.execute(
            insert(observations),
            [
                {
                    "vintage_id": vintage.id,
                    "series_id": series_key,
                    "period": w.period,
                    "value": w.value,
                    "flags": held[w.period]["flags"],
                    "note": reason,
                    "withdrawn": True,
                }
                for w in withdrawn
            ],
        )
    return WithdrawalReport(series_id, reason, withdrawn, vintage)
