"""The sentence of a verdict, as the assessment words it."""

from __future__ import annotations

from ..assessment.verdict import Verdict
from ..text import Text


def explanation(verdict: Verdict) -> Text:
    """The verdict's own sentence; its status and reason when no sentence can be made."""
    try:
        return verdict.explain()
    except ImportError:  # the assessment's wording module is not installed
        reason = verdict.reason_text if verdict.reason else Text()
        label = verdict.status_label
        return Text(
            ja=f"{label.ja}。{reason.ja}".rstrip("。") + "。",
            en=f"{label.en}. {reason.en}".rstrip(". ") + ".",
        )
