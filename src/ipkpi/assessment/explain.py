"""One sentence per verdict, in Japanese and English, built only from the verdict's fields."""

from __future__ import annotations

from ..text import Text
from ..units import UnitError, unit
from .verdict import Verdict
from .vocabulary import NOTES


def number(x: float | None, unit_code: str | None = None) -> tuple[str, str]:
    """A value for a sentence, (ja, en), with the unit's symbol when known."""
    if x is None:
        return "—", "—"
    if unit_code and _dimension(unit_code) == "rank":
        n = f"{x:.3g}"
        return f"{n}位", f"rank {n}"
    if float(x).is_integer() and abs(x) < 1e15:
        text = f"{int(x):,}"
    elif abs(x) >= 1000:
        text = f"{x:,.0f}"
    else:
        text = f"{x:.4g}"
    if unit_code:
        try:
            symbol = unit(unit_code).symbol
        except UnitError:
            return text, text
        return f"{text}{symbol.ja}", f"{text} {symbol.en}".rstrip()
    return text, text


def _dimension(code: str) -> str:
    try:
        return unit(code).dimension
    except UnitError:
        return ""


def rate(r: float | None, kind: str) -> str:
    """A rate a year: ``+4.0 %`` for growth, ``+0.83`` for a change."""
    if r is None:
        return "—"
    if kind == "growth":
        return f"{r * 100:+.1f} %"
    return f"{r:+,.2f}" if abs(r) < 1000 else f"{r:+,.0f}"


def probability(p: float) -> str:
    """A probability as a percentage, never a false 0 % or 100 %."""
    if p > 0.995:
        return "> 99 %"
    if p < 0.005:
        return "< 1 %"
    return f"{p * 100:.0f} %"


def _period(p: str | None, year: float | None) -> str:
    if p:
        return p
    if year is None:
        return "—"
    return str(int(year)) if float(year).is_integer() else f"{year:.2f}"


def _year(y: float | None) -> str:
    return _period(None, y)


def explain(v: Verdict) -> Text:
    if v.status == "not_available" and v.reason:
        ja = [f"{v.method_label.ja}：評価不能（{v.reason_text.ja}）。"]
        en = [f"{v.method_label.en}: not available, because {v.reason_text.en}."]
    else:
        body = _body(v)
        ja = [f"{v.method_label.ja}：{v.status_label.ja}。", body[0]]
        en = [f"{v.method_label.en}: {v.status_label.en}.", body[1]]
    if v.pace_needed is not None and v.target_year is not None:
        ty = _year(v.target_year)
        need, recent = rate(v.pace_needed, v.rate_kind), rate(v.pace_recent, v.rate_kind)
        if v.pace_recent is None:
            ja.append(f"{ty}年までに年{need}が必要。")
            en.append(f"Needs {need} a year from now to {ty}.")
        else:
            ja.append(f"{ty}年までに年{need}が必要（直近は年{recent}）。")
            en.append(f"Needs {need} a year from now to {ty}; recent pace {recent} a year.")
    if v.detail is not None:
        ja.append(v.detail.ja)
        en.append(v.detail.en)
    if v.notes:
        ja.append("注：" + "、".join(NOTES[n].ja for n in v.notes) + "。")
        en.append("Notes: " + "; ".join(NOTES[n].en for n in v.notes) + ".")
    return Text(ja="".join(ja), en=" ".join(s for s in en if s))


def _body(v: Verdict) -> tuple[str, str]:
    bp, cp = _period(v.base_period, v.base_year), _period(v.current_period, v.current_year)
    bv, cv, tg = (
        number(v.base_value, v.unit),
        number(v.current_value, v.unit),
        number(v.target, v.unit),
    )
    ty = _year(v.target_year)
    obs, req = rate(v.observed_rate, v.rate_kind), rate(v.required_rate, v.rate_kind)
    if v.method in ("pending", "milestone"):
        return "", ""
    if v.status in ("target_achieved", "target_met"):
        return (
            f"最新値{cv[0]}（{cp}）は目標{tg[0]}を満たしている。",
            f"The latest value, {cv[1]} ({cp}), meets the target of {tg[1]}.",
        )
    if v.method == "dns":
        return _dns(v, bp, cp, cv, tg, ty, obs)
    if v.method in ("forecast", "trend"):
        return _forecast(v, bp, cp, tg, ty, obs)
    moved_ja = f"{bp}（{bv[0]}）から{cp}（{cv[0]}）まで年{obs}"
    moved_en = f"{obs} a year from {bp} ({bv[1]}) to {cp} ({cv[1]})"
    if v.rule == "no_target":
        want = {"increase": ("増加", "an increase"), "decrease": ("減少", "a decrease")}
        w = want.get(v.direction or "", ("—", "—"))
        return (
            f"{moved_ja}（望ましい方向は{w[0]}）。",
            f"Observed {moved_en}; {w[1]} is desired.",
        )
    ratio = "—" if v.progress is None else f"{v.progress:.2f}"
    if v.method == "unsd":
        projected = number(v.projected_value, v.unit)
        return (
            f"{moved_ja}。この率が続けば{ty}年に{projected[0]}（目標{tg[0]}、達成度{ratio}）。",
            f"Observed {moved_en}; at that rate {projected[1]} in {ty} against a target of "
            f"{tg[1]} (ratio {ratio}).",
        )
    return (
        f"{moved_ja}。{ty}年に{tg[0]}に達するには{bp}以降年{req}が必要（比率{ratio}）。",
        f"Observed {moved_en}; {req} a year from {bp} is needed to reach {tg[1]} by {ty} "
        f"(ratio {ratio}).",
    )


def _dns(
    v: Verdict, bp: str, cp: str, cv: tuple[str, str], tg: tuple[str, str], ty: str, obs: str
) -> tuple[str, str]:
    mean_ja = f"{bp}～{cp}の平均変化は年{obs}"
    mean_en = f"mean change {obs} a year over {bp}–{cp}"
    if v.rule == "projection":
        projected = number(v.projected_value, v.unit)
        if v.progress is not None and v.progress <= 0:
            return (
                f"{mean_ja}。このペースでは{ty}年に{projected[0]}となり目標{tg[0]}に届く。",
                f"At the {mean_en}, the value would be {projected[1]} in {ty}, meeting the "
                f"target of {tg[1]}.",
            )
        share = "—" if v.progress is None else f"{v.progress * 100:.0f} %"
        return (
            f"{mean_ja}。このペースでは{ty}年に{projected[0]}（目標{tg[0]}、残りの差の{share}に届かない）。",
            f"At the {mean_en}, the value would be {projected[1]} in {ty} against a target of "
            f"{tg[1]}: {share} of the remaining gap would be missed.",
        )
    if v.rule == "hold":
        return (
            f"最新値{cv[0]}（{cp}）、維持すべき目標{tg[0]}、{mean_ja}。",
            f"Latest value {cv[1]} ({cp}) against a target of {tg[1]} to hold; {mean_en}.",
        )
    return f"{mean_ja}。", f"The {mean_en}."


def _forecast(
    v: Verdict, bp: str, cp: str, tg: tuple[str, str], ty: str, obs: str
) -> tuple[str, str]:
    model = ("対数線形", "Log-linear") if v.rate_kind == "growth" else ("線形", "Linear")
    fitted_ja = f"{bp}～{cp}の{model[0]}トレンドは年{obs}"
    fitted_en = f"{model[1]} trend over {bp}–{cp}: {obs} a year"
    if v.projected_value is None:
        return f"{fitted_ja}。", f"{fitted_en}."
    projected = number(v.projected_value, v.unit)
    if v.interval_low is None or v.probability is None:
        return (
            f"{fitted_ja}。{ty}年の予測値は{projected[0]}（目標{tg[0]}、2点のみのため区間なし）。",
            f"{fitted_en}; projected {projected[1]} in {ty} against a target of {tg[1]} "
            "(two points: no interval).",
        )
    lo, hi = number(v.interval_low, v.unit), number(v.interval_high, v.unit)
    level = f"{(v.interval_level or 0) * 100:.0f} %"
    p = probability(v.probability)
    return (
        f"{fitted_ja}。{ty}年の予測値は{projected[0]}（{level}予測区間 {lo[0]}～{hi[0]}）、"
        f"目標{tg[0]}を達成する確率は{p}。",
        f"{fitted_en}; projected {projected[1]} in {ty} ({level} interval {lo[1]} to {hi[1]}); "
        f"probability of meeting {tg[1]}: {p}.",
    )
