"""The sentence of a verdict, as the assessment words it, in the page's scale."""

from __future__ import annotations

from ..assessment.explain import Words
from ..assessment.verdict import Verdict
from ..assessment.vocabulary import NOTES
from ..text import Text, t
from ..wording import Wording


def explanation(verdict: Verdict, wording: Wording | None = None) -> Text:
    """The verdict's own sentence, its numbers worded by ``wording``."""
    return verdict.explain(wording)


def headline_sentence(verdict: Verdict, wording: Wording | None = None) -> Text:
    """The sentence under the headline badge: the verdict's own sentence without its leading
    "method: status." (the badge beside it names both), so the box names the method once."""
    if verdict.method == "evidence":
        return _too_early_sentence(verdict, wording)
    full = explanation(verdict, wording)
    label, status = verdict.method_label, verdict.status_label
    ja = full.ja.removeprefix(f"{label.ja}：").removeprefix(f"{status.ja}。")
    en = full.en.removeprefix(f"{label.en}: ").removeprefix(f"{status.en}.").lstrip()
    return t(ja, en)


def _too_early_sentence(v: Verdict, wording: Wording | None) -> Text:
    """ "Too early to tell" under its badge: the values it rests on and what the method alone
    would say; the count and the minimum are the evidence line's below it (one place)."""
    w = Words(v, wording)
    base, current = w.number(v.base_value), w.number(v.current_value)
    if v.current_year is None or v.current_year == v.base_year:
        ja = [f"最新値は基準（{w.base}、{base[0]}）のまま。"]
        en = [f"The latest value is still the base ({w.base}, {base[1]})."]
    else:
        ja = [f"基準は{w.base}の{base[0]}、最新は{w.current}の{current[0]}。"]
        en = [f"The base is {base[1]} ({w.base}), the latest {current[1]} ({w.current})."]
    if v.detail is not None:
        ja.append(v.detail.ja)
        en.append(v.detail.en)
    if v.notes:
        ja.append("注：" + "、".join(NOTES[n].ja for n in v.notes) + "。")
        en.append("Notes: " + "; ".join(NOTES[n].en for n in v.notes) + ".")
    return t("".join(ja), " ".join(en))
