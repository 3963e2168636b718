"""Shared machinery of the kernels: an outcome under construction, growth rates, pace."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from .batch import F64, I64, SeriesBatch
from .table import VerdictTable
from .vocabulary import NA, NOTE_BIT, REASON_CODES

Mask = NDArray[np.bool_]


class Outcome:
    """Columns of a verdict table being filled in, masks at a time.

    Every series starts ``not_available``. :meth:`fail` records the first reason a series
    cannot be assessed (later reasons do not overwrite it); :meth:`set` gives a status.
    """

    def __init__(
        self,
        method: str,
        vocabulary: tuple[str, ...],
        batch: SeriesBatch,
        rules: tuple[str, ...],
        thresholds: Mapping[str, Mapping[str, float]],
        rate_kind: str = "growth",
    ) -> None:
        n = batch.n
        self.method = method
        self.batch = batch
        self.rules = rules
        self.thresholds = thresholds
        self.rate_kind = rate_kind
        self.vocabulary = vocabulary
        self._codes = {code: i for i, code in enumerate(vocabulary)}
        self.status = np.full(n, self._codes[NA], dtype=np.int8)
        self.score = np.full(n, np.nan)
        self.progress = np.full(n, np.nan)
        self.base_index = np.full(n, -1, dtype=np.int64)
        self.current_index = batch.last.copy()
        self.target = batch.target.copy()
        self.target_year = batch.target_year.copy()
        self.observed_rate = np.full(n, np.nan)
        self.required_rate = np.full(n, np.nan)
        self.reason = np.zeros(n, dtype=np.int8)
        self.notes = np.zeros(n, dtype=np.int64)
        self.rule = np.zeros(n, dtype=np.int8)
        self.extra: dict[str, F64] = {}

    @property
    def ok(self) -> Mask:
        return np.asarray(self.reason == 0, dtype=np.bool_)

    def fail(self, mask: Mask, reason: str) -> None:
        code = REASON_CODES.index(reason)
        self.reason[mask & (self.reason == 0)] = code

    def note(self, mask: Mask, note: str) -> None:
        self.notes[mask] |= NOTE_BIT[note]

    def set(self, mask: Mask, status: str) -> None:
        self.status[mask] = self._codes[status]

    def use_rule(self, mask: Mask, rule: str) -> None:
        self.rule[mask] = self.rules.index(rule)

    def table(self) -> VerdictTable:
        return VerdictTable(
            method=self.method,
            vocabulary=self.vocabulary,
            batch=self.batch,
            status=self.status,
            score=self.score,
            progress=self.progress,
            base_index=self.base_index,
            current_index=self.current_index,
            target=self.target,
            target_year=self.target_year,
            observed_rate=self.observed_rate,
            required_rate=self.required_rate,
            reason=self.reason,
            notes=self.notes,
            rule=self.rule,
            rules=self.rules,
            thresholds=self.thresholds,
            extra=self.extra,
            rate_kind=self.rate_kind,
        )


def decimal(x: F64) -> F64:
    """A rate or ratio as compared with thresholds: rounded to 10 decimals.

    Thresholds are decimal (1 %, 0.95); binary floating point puts 1.01/1 − 1 at
    0.010000000000000009. Rounding keeps a value that is exactly on a threshold in decimal on
    the side the source's boundary convention says, and changes nothing else.
    """
    return np.round(x, 10)


def growth(v1: F64, v0: F64, t1: F64, t0: F64) -> F64:
    """Compound annual growth rate ``(v1/v0)^(1/(t1−t0)) − 1``; NaN where undefined."""
    with np.errstate(all="ignore"):
        return np.power(v1 / v0, 1.0 / (t1 - t0)) - 1.0


def pace(
    batch: SeriesBatch,
    current: I64,
    target: F64,
    target_year: F64,
    growth_scale: NDArray[np.bool_] | bool,
    recent_years: float = 5.0,
) -> tuple[F64, F64]:
    """The pace needed from the latest value to the target by its year, and the recent pace.

    Growth scale: compound rates a year. Otherwise: units a year. The recent pace runs from the
    first observation at or after (latest year − 5) to the latest one, or from the observation
    before the latest when that is the only one in the window. Needed pace is NaN when the target
    year is not after the latest year.
    """
    cy = batch.take(current, batch.years)
    cv = batch.take(current, batch.values)
    start = batch.first_at_or_after(cy - recent_years)
    previous = np.where(current > batch.offsets[:-1], current - 1, -1)
    start = np.where((start == current) | (start < 0), previous, start)
    start = np.where(current < 0, -1, start)
    sy = batch.take(start, batch.years)
    sv = batch.take(start, batch.values)
    with np.errstate(all="ignore"):
        ahead = np.where(target_year > cy, target_year - cy, np.nan)
        linear_needed = (target - cv) / ahead
        linear_recent = (cv - sv) / (cy - sy)
    needed = np.where(growth_scale, growth(target, cv, cy + ahead, cy), linear_needed)
    recent = np.where(growth_scale, growth(cv, sv, cy, sy), linear_recent)
    return needed, recent


def classify(out: Outcome, scope: Mask, bands: list[tuple[Mask, str]]) -> None:
    """Give each series in ``scope`` the status of the first band it falls in."""
    taken = np.zeros(scope.shape, dtype=bool)
    for mask, status in bands:
        chosen = scope & mask & ~taken
        out.set(chosen, status)
        taken |= chosen
