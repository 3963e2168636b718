"""The evidence behind a verdict, in a newcomer's words, ja and en: one place for every view.

「根拠：基準（FY2018）以降の観測値1件・3年分（評価に必要な最低限は2件・2年分）」 /
"Evidence: 1 observation over 3 years since the baseline (FY2018); the minimum for a verdict
is 2 over 2 years". The KPI page's headline box, its numbers box, the JSON, ``ipkpi status``
and the report read these sentences; the rule itself is :mod:`ipkpi.assessment.methods.evidence`.
Here only plain numbers come in (counts, years, a period), so this sits below the assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import Lang

Pair = tuple[str, str]


def span_words(years: float) -> Pair:
    """A span of years as read: under two years and not whole, in months (4か月 / 4 months)."""
    months = round(years * 12)
    if months < 24 and abs(years - round(years)) > 1e-6:
        return f"{months}か月", f"{months} month{'s' if months != 1 else ''}"
    whole = round(years)
    return f"{whole}年", f"{whole} year{'s' if whole != 1 else ''}"


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    """What a headline rests on after its base, against the minimum for its frequency."""

    base_period: str | None
    count: int
    span: float
    need_count: int
    need_span: float
    rank_move: float | None = None
    rank_noise: float = 1.0
    plan_baseline: bool = True
    """The base is the plan's stated baseline ("baseline"), else the method's base ("base")."""

    @property
    def more_count(self) -> int:
        return max(self.need_count - self.count, 0)

    @property
    def more_span(self) -> float:
        return max(self.need_span - self.span, 0.0)

    @property
    def within_noise(self) -> bool:
        return self.rank_move is not None and abs(self.rank_move) <= self.rank_noise


def minimum_text(facts: EvidenceFacts, lang: Lang) -> str:
    """評価に必要な最低限は2件・2年分 / the minimum for a verdict is 2 over 2 years."""
    ja, en = span_words(facts.need_span)
    if lang == "ja":
        return f"評価に必要な最低限は{facts.need_count}件・{ja}分"
    return f"the minimum for a verdict is {facts.need_count} over {en}"


def _found(facts: EvidenceFacts, lang: Lang) -> str:
    base = facts.base_period or "—"
    if lang == "ja":
        if facts.count == 0:
            return f"基準（{base}）以降の観測値はまだない"
        return f"基準（{base}）以降の観測値{facts.count}件・{span_words(facts.span)[0]}分"
    since = f"since the {'baseline' if facts.plan_baseline else 'base'} ({base})"
    if facts.count == 0:
        return f"no observation yet {since}"
    noun = "observation" if facts.count == 1 else "observations"
    return f"{facts.count} {noun} over {span_words(facts.span)[1]} {since}"


def _noise(facts: EvidenceFacts, lang: Lang) -> str:
    if facts.rank_move is None or not facts.within_noise:
        return ""
    moved = round(abs(facts.rank_move))
    need = round(facts.rank_noise) + 1
    if moved == 0:
        if lang == "ja":
            return f"。順位は動いていない（{need}つ以上の動きが必要）"
        return f"; the rank has not moved ({need} or more places needed)"
    if lang == "ja":
        return f"。順位の動き{moved}つは誤差の範囲（{need}つ以上の動きが必要）"
    place = "place" if moved == 1 else "places"
    return f"; a move of {moved} {place} is within a ranking's noise ({need} or more needed)"


def basis_line(facts: EvidenceFacts, lang: Lang) -> str:
    """The evidence and the minimum, without a lead word (the numbers box's 根拠の基準 row)."""
    found, minimum = _found(facts, lang), minimum_text(facts, lang)
    if lang == "ja":
        return f"{found}（{minimum}）{_noise(facts, lang)}"
    return f"{found}; {minimum}{_noise(facts, lang)}"


def evidence_line(facts: EvidenceFacts, lang: Lang) -> str:
    """The headline box's line under the verdict sentence: 根拠：… / Evidence: …"""
    line = basis_line(facts, lang)
    if lang == "ja":
        return f"根拠：{line}"
    return f"Evidence: {line}"


def still_needed(facts: EvidenceFacts, lang: Lang) -> str:
    """What the evidence still lacks ("" when it suffices): 観測値あと1件以上、期間あと1年以上."""
    parts_ja: list[str] = []
    parts_en: list[str] = []
    if facts.more_count:
        n = facts.more_count
        parts_ja.append(f"観測値あと{n}件以上")
        parts_en.append(f"at least {n} more observation{'s' if n != 1 else ''}")
    if facts.more_span > 1e-6:
        ja, en = span_words(facts.more_span)
        amount, unit = en.split(" ", 1)
        parts_ja.append(f"期間あと{ja}以上")
        parts_en.append(f"at least {amount} more {unit}")
    if facts.within_noise:
        need = round(facts.rank_noise) + 1
        parts_ja.append(f"基準から順位が{need}つ以上動くこと")
        parts_en.append(f"a move of {need} or more places from the base")
    if lang == "ja":
        return "、".join(parts_ja)
    return "; ".join(parts_en)
