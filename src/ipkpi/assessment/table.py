"""The verdict table: one row per series, numpy columns, verdicts built on demand."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from ..text import Lang
from .batch import F64, I8, I64, SeriesBatch
from .verdict import Verdict, clean
from .vocabulary import REASON_CODES, notes_from_mask

TABLE_COLUMNS = (
    "series",
    "method",
    "status",
    "score",
    "progress",
    "base_year",
    "base_value",
    "current_year",
    "current_value",
    "observed_rate",
    "required_rate",
)


@dataclass(frozen=True, eq=False)
class VerdictTable:
    """Column-wise verdicts of one method over a :class:`SeriesBatch`.

    ``status`` and ``reason`` are small integers into ``vocabulary`` (the method's codes) and
    ``REASON_CODES``; ``notes`` is a bit mask over ``NOTE_CODES``; ``rule`` indexes
    ``rules`` (which branch of the method applied: with a target, without one, …).
    ``thresholds`` gives the cut-offs of each rule; ``extra`` holds method-specific columns
    (the limit coefficient, projections, probabilities, the pace needed and achieved).
    """

    method: str
    vocabulary: tuple[str, ...]
    batch: SeriesBatch
    status: I8
    score: F64
    progress: F64
    base_index: I64
    current_index: I64
    target: F64
    target_year: F64
    observed_rate: F64
    required_rate: F64
    reason: I8
    notes: NDArray[np.int64]
    rule: I8
    rules: tuple[str, ...]
    thresholds: Mapping[str, Mapping[str, float]]
    extra: dict[str, F64] = field(default_factory=dict)
    rate_kind: str = "growth"

    def __len__(self) -> int:
        return int(self.status.size)

    def status_codes(self) -> NDArray[np.str_]:
        return np.asarray(self.vocabulary)[self.status]

    def reason_codes(self) -> NDArray[np.str_]:
        return np.asarray(REASON_CODES)[self.reason]

    @property
    def base_year(self) -> F64:
        return self.batch.take(self.base_index, self.batch.years)

    @property
    def base_value(self) -> F64:
        return self.batch.take(self.base_index, self.batch.values)

    @property
    def current_year(self) -> F64:
        return self.batch.take(self.current_index, self.batch.years)

    @property
    def current_value(self) -> F64:
        return self.batch.take(self.current_index, self.batch.values)

    def columns(self) -> dict[str, NDArray[np.generic]]:
        """The flat table (without sentences), column name → array."""
        ids = self.batch.ids if self.batch.ids is not None else [str(i) for i in range(len(self))]
        return {
            "series": np.asarray(ids, dtype=object),
            "method": np.full(len(self), self.method, dtype=object),
            "status": self.status_codes(),
            "score": self.score,
            "progress": self.progress,
            "base_year": self.base_year,
            "base_value": self.base_value,
            "current_year": self.current_year,
            "current_value": self.current_value,
            "observed_rate": self.observed_rate,
            "required_rate": self.required_rate,
        }

    def verdict(self, i: int) -> Verdict:
        """Row ``i`` as a :class:`Verdict` (its sentence is rendered when asked for)."""
        b = self.batch
        rule = self.rules[int(self.rule[i])]
        thresholds = dict(self.thresholds.get(rule, {}))
        coefficient = self.extra.get("coefficient")
        if coefficient is not None and rule == "no_target" and not np.isnan(coefficient[i]):
            c = float(coefficient[i])
            thresholds = {k: v * c if v > 0 else v for k, v in thresholds.items()}
            thresholds["coefficient"] = c
        log_model = self.extra.get("log_model")
        kind = self.rate_kind
        if log_model is not None:
            kind = "growth" if log_model[i] == 1 else "change"
        d = int(b.direction[i])
        return Verdict(
            subject=b.series_id(i),
            method=self.method,
            status=self.vocabulary[int(self.status[i])],
            rule=rule,
            score=clean(self.score[i]),
            progress=clean(self.progress[i]),
            direction={1: "increase", -1: "decrease"}.get(d),
            base_period=self._period(int(self.base_index[i])),
            base_year=self._point(self.base_index, i, b.years),
            base_value=self._point(self.base_index, i, b.values),
            current_period=self._period(int(self.current_index[i])),
            current_year=self._point(self.current_index, i, b.years),
            current_value=self._point(self.current_index, i, b.values),
            target=clean(self.target[i]),
            target_year=clean(self.target_year[i]),
            observed_rate=clean(self.observed_rate[i]),
            required_rate=clean(self.required_rate[i]),
            rate_kind=kind,
            thresholds=thresholds,
            reason=REASON_CODES[int(self.reason[i])],
            notes=notes_from_mask(int(self.notes[i])),
            projected_value=self._extra("projected", i),
            interval_low=self._extra("interval_low", i),
            interval_high=self._extra("interval_high", i),
            interval_level=self._extra("interval_level", i),
            probability=self._extra("probability", i),
            pace_needed=self._extra("pace_needed", i),
            pace_recent=self._extra("pace_recent", i),
        )

    def verdicts(self) -> Iterator[Verdict]:
        for i in range(len(self)):
            yield self.verdict(i)

    @staticmethod
    def _point(index: I64, i: int, data: F64) -> float | None:
        k = int(index[i])
        return None if k < 0 else clean(data[k])

    def _extra(self, name: str, i: int) -> float | None:
        column = self.extra.get(name)
        return None if column is None else clean(column[i])

    def _period(self, index: int) -> str | None:
        if index < 0:
            return None
        if self.batch.periods is not None:
            return self.batch.periods[index]
        year = float(self.batch.years[index])
        return str(int(year)) if year.is_integer() else f"{year:.3f}"


def verdict_rows(
    table: VerdictTable, lang: Lang = "ja", *, sentences: bool = True, details: bool = False
) -> list[dict[str, object]]:
    """The output table: one dict per series with the ``OUTPUT_COLUMNS``.

    With ``details``, each row also carries the rest of the verdict (target, thresholds,
    notes, reason, projection, pace …) as in :meth:`Verdict.to_dict`.
    """
    cols = table.columns()
    out = []
    for i in range(len(table)):
        row: dict[str, object] = {k: _cell(cols[k][i]) for k in TABLE_COLUMNS}
        if sentences or details:
            verdict = table.verdict(i)
            if sentences:
                row["explanation"] = verdict.explain().get(lang)
            if details:
                more = verdict.to_dict(sentence=False)
                row.update({k: v for k, v in more.items() if k not in row})
        out.append(row)
    return out


def _cell(x: object) -> object:
    if isinstance(x, float | np.floating):
        f = float(x)
        return None if math.isnan(f) else f
    return x.item() if isinstance(x, np.generic) else x
