"""The sentence of a verdict, as the assessment words it, in the page's scale."""

from __future__ import annotations

from ..assessment.verdict import Verdict
from ..text import Text
from ..wording import Wording


def explanation(verdict: Verdict, wording: Wording | None = None) -> Text:
    """The verdict's own sentence, its numbers worded by ``wording``."""
    return verdict.explain(wording)
