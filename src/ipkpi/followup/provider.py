"""One follow-up per date, built on first use and kept until the data change.

Data change only when something is imported, so a :class:`FollowUpProvider` keeps each
:class:`FollowUp` it built and asks the source for its revision at most every
``check_every`` seconds; a new revision drops everything built before.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from ..plan import Plan
from .build import FollowUp
from .changes import changes_since_previous
from .model import AsOf, Changes, Vintage, end_of
from .observation_source import ObservationSource
from .vintages import distinct_vintages, in_force

Listener = Callable[[str], None]


class FollowUpProvider:
    def __init__(self, plan: Plan, source: ObservationSource, *, check_every: float = 2.0) -> None:
        self.plan = plan
        self.source = source
        self._check_every = check_every
        self._lock = threading.RLock()
        self._revision = source.revision()
        self._checked = time.monotonic()
        self._built: dict[AsOf | None, FollowUp] = {}
        self._changes: dict[AsOf | None, Changes] = {}
        self._listeners: list[Listener] = []
        self._vintages: list[Vintage] | None = None

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(revision)`` when new data are seen (caches use it to clear)."""
        self._listeners.append(listener)

    def freeze(self) -> None:
        """Stop looking for new data (a static build renders one state of the data)."""
        self._check_every = float("inf")

    def revision(self, *, now: bool = False) -> str:
        """The data's revision, re-read from the source at most every ``check_every`` s, or
        at once with ``now`` (after this process wrote to the store itself)."""
        moment = time.monotonic()
        if now or moment - self._checked >= self._check_every:
            with self._lock:
                self._checked = moment
                revision = self.source.revision()
                if revision != self._revision:
                    self._revision = revision
                    self._built.clear()
                    self._changes.clear()
                    self._vintages = None
                    for listener in self._listeners:
                        listener(revision)
        return self._revision

    def vintage_date(self, as_of: AsOf | None) -> AsOf | None:
        """The name (date or moment) of the vintage in force at ``as_of``: any date or time
        shows the same data as it.

        Keeping one follow-up per vintage (not per date asked for) bounds the memory a
        server spends, whatever dates its visitors type. A date before the first vintage
        becomes the day before it (no data yet).
        """
        if as_of is None:
            return None
        with self._lock:
            if self._vintages is None:
                self._vintages = distinct_vintages(self.source.vintages())
            vintages = self._vintages
        found = in_force(vintages, end_of(as_of))
        if found is not None:
            return found.as_of
        return vintages[0].date - dt.timedelta(days=1) if vintages else as_of

    def get(self, as_of: AsOf | None = None) -> FollowUp:
        self.revision()
        as_of = self.vintage_date(as_of)
        with self._lock:
            found = self._built.get(as_of)
            if found is None:
                found = self._built[as_of] = FollowUp(self.plan, self.source, as_of)
            return found

    def changes(self, as_of: AsOf | None = None) -> Changes:
        followup = self.get(as_of)
        as_of = self.vintage_date(as_of)
        with self._lock:
            found = self._changes.get(as_of)
            if found is None:
                found = self._changes[as_of] = changes_since_previous(followup)
            return found
