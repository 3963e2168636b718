"""One sentence per verdict, in Japanese and English, built only from the verdict's fields."""

from __future__ import annotations

from ..text import Text
from ..wording import Wording, pace_kind, probability, rate
from .verdict import Verdict
from .vocabulary import NOTES

Pair = tuple[str, str]


class _Words:
    """The numbers of one verdict, worded in the scale of its series on the page."""

    def __init__(self, v: Verdict, wording: Wording | None) -> None:
        self.kind = pace_kind(v.rate_kind, v.unit or "")
        self.wording = wording or Wording.of(
            v.unit or "", [v.base_value, v.current_value, v.target]
        )

    def number(self, x: float | None) -> Pair:
        return self.wording.quantity(x, "ja"), self.wording.quantity(x, "en")

    def rate(self, r: float | None) -> Pair:
        return rate(r, self.kind, self.wording, "ja"), rate(r, self.kind, self.wording, "en")


def _probability(p: float) -> Pair:
    return probability(p, "ja"), probability(p, "en")


def _period(p: str | None, year: float | None) -> str:
    if p:
        return p
    if year is None:
        return "—"
    return str(int(year)) if float(year).is_integer() else f"{year:.2f}"


def _year(y: float | None) -> str:
    return _period(None, y)


def explain(v: Verdict, wording: Wording | None = None) -> Text:
    """The verdict's sentence; ``wording`` words its numbers in the page's scale."""
    w = _Words(v, wording)
    if v.status == "not_available" and v.reason:
        ja = [f"{v.method_label.ja}：評価不能（{v.reason_text.ja}）。"]
        en = [f"{v.method_label.en}: not available, because {v.reason_text.en}."]
    else:
        body = _body(v, w)
        ja = [f"{v.method_label.ja}：{v.status_label.ja}。", body[0]]
        en = [f"{v.method_label.en}: {v.status_label.en}.", body[1]]
    if v.pace_needed is not None and v.target_year is not None:
        ty = _year(v.target_year)
        need, recent = w.rate(v.pace_needed), w.rate(v.pace_recent)
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


def _body(v: Verdict, w: _Words) -> Pair:
    bp, cp = _period(v.base_period, v.base_year), _period(v.current_period, v.current_year)
    bv, cv, tg = w.number(v.base_value), w.number(v.current_value), w.number(v.target)
    ty = _year(v.target_year)
    obs, req = w.rate(v.observed_rate), w.rate(v.required_rate)
    if v.method in ("pending", "milestone"):
        return "", ""
    if v.status in ("target_achieved", "target_met"):
        return (
            f"最新値{cv[0]}（{cp}）は目標{tg[0]}を満たしている。",
            f"The latest value, {cv[1]} ({cp}), meets the target of {tg[1]}.",
        )
    if v.method == "dns":
        return _dns(v, w, bp, cp, cv, tg, ty, obs)
    if v.method in ("forecast", "trend"):
        return _forecast(v, w, bp, cp, tg, ty, obs)
    moved_ja = f"{bp}（{bv[0]}）から{cp}（{cv[0]}）まで{obs[0]}"
    moved_en = f"{obs[1]} from {bp} ({bv[1]}) to {cp} ({cv[1]})"
    if v.rule == "no_target":
        want = {"increase": ("増加", "an increase"), "decrease": ("減少", "a decrease")}
        d = want.get(v.direction or "", ("—", "—"))
        return (
            f"{moved_ja}（望ましい方向は{d[0]}）。",
            f"Observed {moved_en}; {d[1]} is desired.",
        )
    ratio = "—" if v.progress is None else f"{v.progress:.2f}"
    if v.method == "unsd":
        projected = w.number(v.projected_value)
        return (
            f"{moved_ja}。この率が続けば{ty}年に{projected[0]}（目標{tg[0]}、達成度{ratio}）。",
            f"Observed {moved_en}; at that rate {projected[1]} in {ty} against a target of "
            f"{tg[1]} (ratio {ratio}).",
        )
    return (
        f"{moved_ja}。{ty}年に{tg[0]}に達するには{bp}以降{req[0]}が必要（比率{ratio}）。",
        f"Observed {moved_en}; {req[1]} from {bp} is needed to reach {tg[1]} by {ty} "
        f"(ratio {ratio}).",
    )


def _dns(v: Verdict, w: _Words, bp: str, cp: str, cv: Pair, tg: Pair, ty: str, obs: Pair) -> Pair:
    mean_ja = f"{bp}～{cp}の平均変化は{obs[0]}"
    mean_en = f"mean change {obs[1]} over {bp}–{cp}"
    if v.rule == "projection":
        projected = w.number(v.projected_value)
        if v.progress is not None and v.progress <= 0:
            return (
                f"{mean_ja}。このペースでは{ty}年に{projected[0]}となり目標{tg[0]}に届く。",
                f"At the {mean_en}, the value would be {projected[1]} in {ty}, meeting the "
                f"target of {tg[1]}.",
            )
        gap = "—" if v.progress is None else f"{v.progress * 100:.0f}%"
        return (
            f"{mean_ja}。このペースでは{ty}年に{projected[0]}（目標{tg[0]}、残りの差の{gap}に届かない）。",
            f"At the {mean_en}, the value would be {projected[1]} in {ty} against a target of "
            f"{tg[1]}: {gap} of the remaining gap would be missed.",
        )
    if v.rule == "hold":
        return (
            f"最新値{cv[0]}（{cp}）、維持すべき目標{tg[0]}、{mean_ja}。",
            f"Latest value {cv[1]} ({cp}) against a target of {tg[1]} to hold; {mean_en}.",
        )
    return f"{mean_ja}。", f"The {mean_en}."


def _forecast(v: Verdict, w: _Words, bp: str, cp: str, tg: Pair, ty: str, obs: Pair) -> Pair:
    model = ("対数線形", "Log-linear") if v.rate_kind == "growth" else ("線形", "Linear")
    fitted_ja = f"{bp}～{cp}の{model[0]}トレンドは{obs[0]}"
    fitted_en = f"{model[1]} trend over {bp}–{cp}: {obs[1]}"
    if v.projected_value is None:
        return f"{fitted_ja}。", f"{fitted_en}."
    projected = w.number(v.projected_value)
    if v.interval_low is None or v.probability is None:
        return (
            f"{fitted_ja}。{ty}年の予測値は{projected[0]}（目標{tg[0]}、2点のみのため区間なし）。",
            f"{fitted_en}; projected {projected[1]} in {ty} against a target of {tg[1]} "
            "(two points: no interval).",
        )
    lo, hi = w.number(v.interval_low), w.number(v.interval_high)
    level = f"{(v.interval_level or 0) * 100:.0f}%"
    p = _probability(v.probability)
    return (
        f"{fitted_ja}。{ty}年の予測値は{projected[0]}（{level}予測区間 {lo[0]}～{hi[0]}）、"
        f"目標{tg[0]}を達成する確率は{p[0]}。",
        f"{fitted_en}; projected {projected[1]} in {ty} ({level} interval {lo[1]} to {hi[1]}); "
        f"probability of meeting {tg[1]}: {p[1]}.",
    )
