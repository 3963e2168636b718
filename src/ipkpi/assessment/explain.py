"""One sentence per verdict, in Japanese and English, built only from the verdict's fields.

The frame is the same for every method (its label and status, the pace, the kind's detail,
the notes); the body between is the method's own (``Method.explain``), written in its module.
"""

from __future__ import annotations

from ..text import Text
from ..wording import Wording, number, percent, probability, rate
from .pace import Pace, Which, pace_of_verdict
from .verdict import PeerGap, Verdict
from .vocabulary import NOTES

Pair = tuple[str, str]
"""A sentence or a number, (Japanese, English)."""


class Words:
    """The numbers of one verdict, worded in the scale of its series on the page."""

    def __init__(self, v: Verdict, wording: Wording | None = None) -> None:
        self.pace: Pace = pace_of_verdict(v)
        self.kind = self.pace.kind
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

    def paced(self, which: Which) -> Pair:
        """A rate of the verdict's one pace, worded in its kind."""
        p = self.pace
        return p.text(which, self.wording, "ja"), p.text(which, self.wording, "en")

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
    elif method.status(v.status).met:
        body = met_sentence(v, w)
        ja = [f"{v.method_label.ja}：{v.status_label.ja}。", body[0]]
        en = [f"{v.method_label.en}: {v.status_label.en}.", body[1]]
    else:
        body = peer_sentence(v, w) if v.peer_gaps else method.explain(v, w)
        ja = [f"{v.method_label.ja}：{v.status_label.ja}。", body[0]]
        en = [f"{v.method_label.en}: {v.status_label.en}.", body[1]]
    if w.pace.needed is not None and v.target_year is not None and not v.peer_gaps:
        need = w.paced("needed")
        ty = w.target_year
        ja.append(f"最新値（{w.current}）から{ty}年までには{need[0]}が必要。")
        en.append(f"From the latest value ({w.current}), {need[1]} is needed to {ty}.")
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
    bv, cv, obs = w.number(v.base_value), w.number(v.current_value), w.paced("achieved")
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
    m, tg, req = moved(v, w), w.number(v.target), w.paced("needed_from_base")
    ratio = "—" if v.progress is None else f"{v.progress:.2f}"
    ty = w.target_year
    return (
        f"{m[0]}。{ty}年に{tg[0]}に達するには{w.base}以降{req[0]}が必要（比率{ratio}）。",
        f"Observed {m[1]}; {req[1]} from {w.base} is needed to reach {tg[1]} by {ty} "
        f"(ratio {ratio}).",
    )


def _peer(g: PeerGap) -> Pair:
    label = g.benchmark_label
    if label is None:
        return g.benchmark_series, g.benchmark_series
    return label.ja, label.en


def _ratio_rate(v: Verdict, r: float | None) -> Pair:
    """A rate of the ratio to the peers: growth in %, a change in points of the percentage."""
    if r is None:
        return "—", "—"
    if v.rate_kind == "growth":
        return f"年率{percent(r)}", f"{percent(r)} a year"
    points = number(r * 100, sign=True)
    return f"年{points}ポイント", f"{points} points a year"


def peer_sentence(v: Verdict, w: Words) -> Pair:
    """A KPI judged by its ratio to its peers, told in the KPI's own unit with peers by name.

    The method's numbers are the ratio's (1 = the peers' level); the sentence gives the KPI's
    value and the peer's in the KPI's unit, and the ratio as a share of the peer's level.
    """
    gaps = v.peer_gaps
    first = next((g for g in gaps if g.period == v.base_period), gaps[0])
    last = gaps[-1]
    fp, lp = _peer(first), _peer(last)
    fv, fb, lv, lb = (
        w.number(x) for x in (first.value, first.benchmark, last.value, last.benchmark)
    )
    fr, lr = percent(first.ratio, sign=False), percent(last.ratio, sign=False)
    obs, req = _ratio_rate(v, v.observed_rate), _ratio_rate(v, v.required_rate)
    ratio = "—" if v.progress is None else number(v.progress, 3)
    ty = w.target_year
    return (
        f"{first.period}の{fv[0]}は比較対象の水準（{fp[0]} {fb[0]}）の{fr}、"
        f"{last.period}の{lv[0]}は{lp[0]} {lb[0]}の{lr}。比較対象の水準に対する割合は"
        f"{first.period}以降{obs[0]}で推移し、{ty}年に100%に達するには{req[0]}が必要"
        f"（比率{ratio}）。",
        f"In {first.period}, {fv[1]} was {fr} of the peers' level ({fp[1]}, {fb[1]}); in "
        f"{last.period}, {lv[1]} is {lr} of {lp[1]}'s {lb[1]}. The share of the peers' level "
        f"moved {obs[1]} since {first.period}; reaching 100% by {ty} needs {req[1]} "
        f"(ratio {ratio}).",
    )
