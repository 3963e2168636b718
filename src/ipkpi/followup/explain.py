"""The sentence of a verdict, as the assessment words it, in the page's scale."""

from __future__ import annotations

from ..assessment.verdict import Verdict
from ..text import Text, t
from ..wording import Wording


def explanation(verdict: Verdict, wording: Wording | None = None) -> Text:
    """The verdict's own sentence, its numbers worded by ``wording``."""
    return verdict.explain(wording)


def headline_sentence(verdict: Verdict, wording: Wording | None = None) -> Text:
    """The sentence under the headline badge: the verdict's own sentence without its leading
    "method: status." (the badge beside it names both), so the box names the method once."""
    full = explanation(verdict, wording)
    label, status = verdict.method_label, verdict.status_label
    ja = full.ja.removeprefix(f"{label.ja}：").removeprefix(f"{status.ja}。")
    en = full.en.removeprefix(f"{label.en}: ").removeprefix(f"{status.en}.").lstrip()
    return t(ja, en)
