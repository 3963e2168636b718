"""How the methods agree on a KPI, and why the headline is what it is.

Every view (KPI page, progress summary, report, JSON, CLI) says it in the same words: how many
of the methods that could judge the KPI give each tone ("評価できた4手法中2手法が達成・順調…"),
what the headline rests on, and — where the headline's tone is not the majority's — one
sentence saying why (docs/assessment.md, "3. Agreement across methods").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..assessment.registry import compared, method_of, tone
from ..assessment.verdict import Verdict
from ..text import Lang
from .evidence import computed_headline
from .model import KpiStatus
from .tone import TONE_LABELS, TONES

# The methods compared, each by its own rules, are the registry's ``compared`` ones: the four
# published ones, the linear rule that stands in for the growth methods on ranks and counts,
# and the trend forecast (each unit says where it stands: ``Method.compared``).


@dataclass(frozen=True, slots=True)
class Agreement:
    """The methods' verdicts on one KPI grouped by tone, against the headline's tone."""

    verdicts: tuple[Verdict, ...]
    """Each compared method's own verdict (available or not), in ``registry.compared()`` order."""
    tones: tuple[str, ...]
    """Each verdict's tone, for the KPI's desired direction."""
    headline_tone: str
    headline: Verdict
    computed: Verdict

    @property
    def judged(self) -> tuple[tuple[Verdict, str], ...]:
        """The methods that gave a verdict (not ``not_available`` nor a neutral "no clear
        trend"), with their tones."""
        pairs = zip(self.verdicts, self.tones, strict=True)
        return tuple((v, t) for v, t in pairs if v.available and t != "neutral")

    @property
    def counts(self) -> Counter[str]:
        return Counter(t for _, t in self.judged)

    @property
    def majority(self) -> str | None:
        """The tone most methods give, when more give it than any other; else None."""
        return _majority(self.counts)

    @property
    def differs(self) -> bool:
        """The headline's tone is not the majority's (and there is a majority of two or more)."""
        counts = self.counts
        top = _majority(counts)
        return top is not None and counts[top] >= 2 and top != self.headline_tone

    def summary(self, lang: Lang) -> str:
        """5手法中2手法が達成・順調（Eurostat法、…）、1手法が停滞（…）。評価なし：… / 2 of 5 …"""
        judged = self.judged
        counts = Counter(t for _, t in judged)  # (self.counts would work out judged again)
        total = len(self.verdicts)
        parts = []
        for tone_ in sorted(counts, key=lambda t: (-counts[t], TONES.index(t))):
            names = [_short(v, lang) for v, t in judged if t == tone_]
            label = TONE_LABELS[tone_].get(lang)
            if lang == "ja":
                parts.append(f"{len(names)}手法が{label}（{'、'.join(names)}）")
            else:
                says = "says" if len(names) == 1 else "say"
                parts.append(f"{len(names)} {says} {label.lower()} ({', '.join(names)})")
        seen = {id(p[0]) for p in judged}
        idle = [_short(v, lang) for v in self.verdicts if id(v) not in seen]
        if lang == "ja":
            text = f"{total}手法中" + "、".join(parts) + "。" if parts else ""
            if idle:
                text += f"評価なし：{'、'.join(idle)}。"
            return text
        text = f"Of {total} methods, " + "; ".join(parts) + "." if parts else ""
        if idle:
            text += f" No verdict: {', '.join(idle)}."
        return text.strip()

    def why(self, lang: Lang) -> str:
        """One sentence when the headline and the majority differ; "" when they agree."""
        if not self.differs:
            return ""
        top = self.majority or ""
        head = self.headline.status_label.get(lang)
        most = TONE_LABELS[top].get(lang)
        if self.headline.method == "evidence":
            ja = "計画の基準値以降の根拠が足りないため"
            en = "there is too little evidence since the base"
        elif self.computed.headline_rule:
            ja = "見出しは計画の基準値から判断し、各手法はそれぞれの基準年から判断するため"
            en = "the headline is judged from the plan's baseline, each method from its own base"
        else:
            name = self.computed.method_label
            ja, en = f"見出しは{name.ja}による", f"the headline is {name.en}'s verdict"
        if lang == "ja":
            return f"見出し（{head}）は多くの手法（{most}）と異なる：{ja}。"
        return f"The headline ({head}) differs from most methods ({most.lower()}): {en}."


def _majority(counts: Counter[str]) -> str | None:
    ranked = counts.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _short(v: Verdict, lang: Lang) -> str:
    label = method_of(v.method).label.get(lang)
    return label.split("（")[0] if lang == "ja" else label.split(" (")[0]


def agreement_of(status: KpiStatus) -> Agreement | None:
    """The methods' agreement on a KPI worked out by every method (None for a kind's own
    verdict: a milestone, a pending or monitored KPI)."""
    computed = computed_headline(status.verdicts)
    if computed.method in ("pending", "milestone", "trend") or not status.complete:
        return None
    found = [v for m in compared() if (v := status.by_method(m)) is not None]
    if not found:
        return None
    direction = computed.direction
    tones = tuple(tone(v.method, v.status, v.direction or direction) for v in found)
    return Agreement(tuple(found), tones, status.tone, status.headline, computed)
