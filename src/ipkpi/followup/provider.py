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
from .build import FollowUp, vintages_by_date
from .changes import changes_since_previous
from .model import Changes
from .source import ObservationSource

Listener = Callable[[str], None]


class FollowUpProvider:
    def __init__(self, plan: Plan, source: ObservationSource, *, check_every: float = 2.0) -> None:
        self.plan = plan
        self.source = source
        self._check_every = check_every
        self._lock = threading.RLock()
        self._revision = source.revision()
        self._checked = time.monotonic()
        self._built: dict[dt.date | None, FollowUp] = {}
        self._changes: dict[dt.date | None, Changes] = {}
        self._listeners: list[Listener] = []
        self._dates: list[dt.date] | None = None

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
                    self._dates = None
                    for listener in self._listeners:
                        listener(revision)
        return self._revision

    def vintage_date(self, as_of: dt.date | None) -> dt.date | None:
        """The date of the vintage in force on ``as_of``: any date shows the same data as it.

        Keeping one follow-up per vintage (not per date asked for) bounds the memory a
        server spends, whatever dates its visitors type. A date before the first vintage
        becomes the day before it (no data yet).
        """
        if as_of is None:
            return None
        with self._lock:
            if self._dates is None:
                self._dates = [v.date for v in vintages_by_date(self.source.vintages())]
            dates = self._dates
        earlier = [d for d in dates if d <= as_of]
        if earlier:
            return earlier[-1]
        return dates[0] - dt.timedelta(days=1) if dates else as_of

    def get(self, as_of: dt.date | None = None) -> FollowUp:
        self.revision()
        as_of = self.vintage_date(as_of)
        with self._lock:
            found = self._built.get(as_of)
            if found is None:
                found = self._built[as_of] = FollowUp(self.plan, self.source, as_of)
            return found

    def changes(self, as_of: dt.date | None = None) -> Changes:
        followup = self.get(as_of)
        as_of = self.vintage_date(as_of)
        with self._lock:
            found = self._changes.get(as_of)
            if found is None:
                found = self._changes[as_of] = changes_since_previous(followup)
            return found
