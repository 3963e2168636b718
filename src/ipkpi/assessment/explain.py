"""One sentence per verdict, in Japanese and English, built only from the verdict's fields.

The frame is the same for every method (its label and status, the pace, the kind's detail,
the notes); the body between is the method's own (``Method.explain``), written in its module.
"""

from __future__ import annotations

from ..text import Text
from ..wording import Wording, pace_kind, probability, rate
from .verdict import Verdict
from .vocabulary import NOTES

Pair = tuple[str, str]
"""A sentence or a number, (Japanese, English)."""


class Words:
    """The numbers of one verdict, worded in the scale of its series on the page."""

    def __init__(self, v: Verdict, wording: Wording | None = None) -> None:
        self.kind = pace_kind(v.rate_kind, v.unit or "")
        self.wording = wording or Wording.of(
            v.unit or "", [v.base_value, v.current_value, v.target]
        )
        self.base = period(v.base_period, v.base_year)
        self.current = period(v.current_period, v.current_year)
        self.target_year = period(None, v.target_year)

    def number(self, x: float | None) -> Pair:
        return self.wording.quantity(x, "ja"), self.wording.quantity(x, "en")

    def rate(self, r: float | None) -> Pair:
        return rate(r, self.kind, self.wording, "ja"), rate(r, self.kind, self.wording, "en")

    @staticmethod
    def probability(p: float | None) -> Pair:
        return probability(p, "ja"), probability(p, "en")


def period(p: str | None, year: float | None) -> str:
    if p:
        return p
    if year is None:
        return "—"
    return str(int(year)) if float(year).is_integer() else f"{year:.2f}"


def explain(v: Verdict, wording: Wording | None = None) -> Text:
    """The verdict's sentence; ``wording`` words its numbers in the page's scale."""
    from .registry import method_of

    w = Words(v, wording)
    method = method_of(v.method)
    if v.status == "not_available" and v.reason:
        ja = [f"{v.method_label.ja}：評価不能（{v.reason_text.ja}）。"]
        en = [f"{v.method_label.en}: not available, because {v.reason_text.en}."]
    else:
        body = met_sentence(v, w) if method.status(v.status).met else method.explain(v, w)
        ja = [f"{v.method_label.ja}：{v.status_label.ja}。", body[0]]
        en = [f"{v.method_label.en}: {v.status_label.en}.", body[1]]
    if v.pace_needed is not None and v.target_year is not None:
        need, recent = w.rate(v.pace_needed), w.rate(v.pace_recent)
        ty = w.target_year
        if v.pace_recent is None:
            ja.append(f"{ty}年までに{need[0]}が必要。")
            en.append(f"Needs {need[1]} from now to {ty}.")
        else:
            ja.append(f"{ty}年までに{need[0]}が必要（直近は{recent[0]}）。")
            en.append(f"Needs {need[1]} from now to {ty}; recent pace {recent[1]}.")
    if v.detail is not None:
        ja.append(v.detail.ja)
        en.append(v.detail.en)
    if v.notes:
        ja.append("注：" + "、".join(NOTES[n].ja for n in v.notes) + "。")
        en.append("Notes: " + "; ".join(NOTES[n].en for n in v.notes) + ".")
    return Text(ja="".join(ja), en=" ".join(s for s in en if s))


def met_sentence(v: Verdict, w: Words) -> Pair:
    cv, tg = w.number(v.current_value), w.number(v.target)
    return (
        f"最新値{cv[0]}（{w.current}）は目標{tg[0]}を満たしている。",
        f"The latest value, {cv[1]} ({w.current}), meets the target of {tg[1]}.",
    )


def moved(v: Verdict, w: Words) -> Pair:
    """How the value moved from the base to the latest: ``2019（3.9兆円）から…まで年率+10.4%``."""
    bv, cv, obs = w.number(v.base_value), w.number(v.current_value), w.rate(v.observed_rate)
    return (
        f"{w.base}（{bv[0]}）から{w.current}（{cv[0]}）まで{obs[0]}",
        f"{obs[1]} from {w.base} ({bv[1]}) to {w.current} ({cv[1]})",
    )


def trend_sentence(v: Verdict, w: Words) -> Pair:
    """Without a target: how it moved, and which way is desired."""
    m = moved(v, w)
    want = {"increase": ("増加", "an increase"), "decrease": ("減少", "a decrease")}
    d = want.get(v.direction or "", ("—", "—"))
    return f"{m[0]}（望ましい方向は{d[0]}）。", f"Observed {m[1]}; {d[1]} is desired."


def ratio_sentence(v: Verdict, w: Words) -> Pair:
    """A ratio of the observed to the required rate (Open SDG, Eurostat, the linear rule)."""
    if v.rule == "no_target":
        return trend_sentence(v, w)
    m, tg, req = moved(v, w), w.number(v.target), w.rate(v.required_rate)
    ratio = "—" if v.progress is None else f"{v.progress:.2f}"
    ty = w.target_year
    return (
        f"{m[0]}。{ty}年に{tg[0]}に達するには{w.base}以降{req[0]}が必要（比率{ratio}）。",
        f"Observed {m[1]}; {req[1]} from {w.base} is needed to reach {tg[1]} by {ty} "
        f"(ratio {ratio}).",
    )
