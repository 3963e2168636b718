"""A progress method as one record: its kernel, words, statuses in order, tones and sentence.

Every method (Open SDG, Eurostat, …) and every kind's own verdict (pending, milestone) is a
:class:`Method`, defined in the module of its rule (``assessment/methods/*.py`` and
``assessment/kinds/*.py``) and found by :mod:`.registry`. The rest of the code asks the record
(its label, whether a status is good news, how it explains itself), never compares method
names. A status cannot be declared without a tone, so none can silently show as neutral.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from ..text import Text, t

if TYPE_CHECKING:
    from .explain import Pair, Words
    from .table import VerdictTable
    from .verdict import Verdict

Tone = Literal["good", "fair", "poor", "bad", "early", "neutral", "rising", "falling"]
"""``rising``/``falling``: good or bad only against a desired direction (a monitored trend)."""

TONES: Final = ("good", "fair", "poor", "bad", "early", "neutral")
"""The tones a reader sees, in the order lists are sorted: met or on track first."""


PROGRESS_RATIO: Final = t("進捗比率（実績÷必要）", "Progress ratio (observed ÷ required)")
"""Most methods' ``progress``: the pace achieved over the pace needed."""


@dataclass(frozen=True, slots=True)
class Status:
    """One status of a method: a stable code, its words in ja and en, and its tone."""

    code: str
    label: Text
    tone: Tone
    met: bool = False
    """The latest value meets the target (a fact, whatever the trend: no evidence rule)."""


Kernel = Callable[..., "VerdictTable"]
Explainer = Callable[["Verdict", "Words"], "Pair"]


def no_sentence(verdict: Verdict, words: Words) -> Pair:
    """The body of a kind's own verdict: its detail says it all."""
    return "", ""


@dataclass(frozen=True)
class Method:
    """A method of assessment, or the verdict vocabulary of a KPI kind."""

    name: str
    label: Text
    statuses: tuple[Status, ...]
    """Every status, ``not_available`` included; the order of the codes in a verdict table."""
    order: tuple[tuple[str, ...], ...]
    """Best first, per scale (with a target, without one, …): what monotonicity is tested on."""
    explain: Explainer = no_sentence
    """The sentence's body, from the verdict's numbers (the label and notes are added around)."""
    kernel: Kernel | None = None
    """The vectorized rule; None for a kind's own verdicts (pending, milestone)."""
    headline: bool = False
    """Whether a plan KPI can be given its headline verdict by this method."""
    rate_kind: str = "growth"
    pace: bool = True
    """Whether the verdict carries the pace needed and achieved (a method with targets)."""
    rank: int = 100
    """Where the method is listed (the CLI's choices, the page's order)."""
    compared: int | None = None
    """Where the method stands among those the headline box compares (followup.agreement),
    each by its own rules; None: not compared (a kind's own verdict, the evidence rule)."""
    progress: Text | None = PROGRESS_RATIO
    """What the verdict's ``progress`` number is, as the numbers box labels it; None: not shown
    (another row already gives it)."""
    progress_as_share: bool = False
    """Whether ``progress`` reads as a percentage (a share of a gap) rather than a ratio."""

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.statuses)

    def status(self, code: str) -> Status:
        for status in self.statuses:
            if status.code == code:
                return status
        raise KeyError(f"no status {code!r} for method {self.name!r}")
