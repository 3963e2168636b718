"""Rolling measures up to sections and parts by one explicit policy, printed with every figure.

Policy ``lead-or-agreed/exclude-unjudged`` (documented in docs/cycle.md):

1. A measure's class is its lead ministry's Check class; without a lead, the co-ministries'
   class when all who reported agree. Co-ministries that disagree make it "mixed".
2. The figure is the share of measures that are A or 完了 among those classed A, B or 完了.
3. Excluded from that share, and counted beside it: F (carrying out the measure is itself
   the KPI, checked yearly), N (not yet assessable), mixed, not reported, and unassigned
   measures (no ministry owes an update).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..plan import Measure
from ..text import Lang, Text
from .model import MeasureUpdate

POLICY_ID = "lead-or-agreed/exclude-unjudged"
POLICY = Text(
    ja="集計方針：施策の区分は主担当府省の区分（主担当がなければ報告した関係府省の区分が一致する"
    "ときのみ）。A・完了の施策数÷A・B・完了の施策数。F・N・区分不一致・未報告・担当未割当は分母"
    "から除き、件数を示す。",
    en="Roll-up policy: a measure's class is its lead ministry's (without a lead, the "
    "co-ministries' when those who reported agree). Share = measures A or done ÷ measures A, B "
    "or done. F, N, mixed, not reported and unassigned measures are left out and counted.",
)
JUDGED = ("A", "B", "done")
EXCLUDED_LABELS: dict[str, Text] = {
    "F": Text(ja="F", en="F"),
    "N": Text(ja="N", en="N"),
    "mixed": Text(ja="区分不一致", en="mixed"),
    "not_reported": Text(ja="未報告", en="not reported"),
    "unassigned": Text(ja="担当未割当", en="unassigned"),
}


def measure_class(measure: Measure, updates: dict[tuple[str, str], MeasureUpdate]) -> str:
    """The class the policy gives a measure, or a reason it has none (see EXCLUDED_LABELS)."""
    if not measure.ministries:
        return "unassigned"
    lead = measure.lead
    if lead is not None:
        update = updates.get((measure.id, lead.code))
        return update.check if update is not None and update.check else "not_reported"
    given = {
        u.check for m in measure.ministries if (u := updates.get((measure.id, m.code))) and u.check
    }
    if not given:
        return "not_reported"
    return given.pop() if len(given) == 1 else "mixed"


@dataclass(frozen=True, slots=True)
class Rollup:
    counts: Counter[str]

    @property
    def judged(self) -> int:
        return sum(self.counts[c] for c in JUDGED)

    @property
    def on_track(self) -> int:
        return self.counts["A"] + self.counts["done"]

    @property
    def excluded(self) -> dict[str, int]:
        return {k: self.counts[k] for k in EXCLUDED_LABELS if self.counts[k]}

    def text(self, lang: Lang) -> str:
        """``A・完了 3/5（除外：N 1、未報告 4）`` — the figure with what it left out."""
        left = "、".join(f"{EXCLUDED_LABELS[k].get(lang)} {n}" for k, n in self.excluded.items())
        if lang == "ja":
            head = f"A・完了 {self.on_track}/{self.judged}" if self.judged else "数えられる施策なし"
            return head + (f"（除外：{left}）" if left else "")
        left = ", ".join(f"{EXCLUDED_LABELS[k].en} {n}" for k, n in self.excluded.items())
        # "A or done 0 of 0" said nothing: the count, of what, and none when there is none.
        measures = "measure" if self.judged == 1 else "measures"
        head = (
            f"{self.on_track} of {self.judged} {measures} rated A or done"
            if self.judged
            else "No measure to count yet"
        )
        return head + (f" (left out: {left})" if left else "")


def rollup(measures: Iterable[Measure], updates: Iterable[MeasureUpdate]) -> Rollup:
    found = {(u.measure_id, u.ministry): u for u in updates}
    return Rollup(Counter(measure_class(m, found) for m in measures))


def counts_by_class(
    measures: Iterable[Measure], updates: Iterable[MeasureUpdate], codes: Iterable[str]
) -> dict[str, int]:
    """Measures per Check class (and per exclusion reason), for the cycle-to-cycle table."""
    counts = rollup(measures, updates).counts
    keys = [*codes, *EXCLUDED_LABELS]
    return {k: counts[k] for k in dict.fromkeys(keys)}
