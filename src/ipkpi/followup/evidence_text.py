"""The headline's evidence as every view says it: the page's headline and numbers boxes, the
JSON, ``ipkpi status`` and the report read :func:`evidence_words` (wording:
:mod:`ipkpi.wording.evidence`; rule: :mod:`ipkpi.assessment.methods.evidence`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..assessment.methods.evidence import RANK_NOISE, Evidence
from ..text import Lang
from ..wording.evidence import EvidenceFacts, basis_line, evidence_line, still_needed
from .model import KpiStatus


def facts_of(evidence: Evidence, *, plan_baseline: bool) -> EvidenceFacts:
    return EvidenceFacts(
        base_period=evidence.base_period,
        count=evidence.count,
        span=evidence.span,
        need_count=evidence.minimum.count,
        need_span=evidence.minimum.span,
        rank_move=evidence.rank_move,
        rank_noise=RANK_NOISE,
        plan_baseline=plan_baseline,
    )


@dataclass(frozen=True, slots=True)
class EvidenceWords:
    """``line``: under the verdict sentence (根拠：…); ``basis`` and ``needed``: the numbers
    box's rows 根拠の基準 / Basis and 今後必要な根拠 / Evidence still needed ("" if none)."""

    line: str
    basis: str
    needed: str


def evidence_words(status: KpiStatus, lang: Lang) -> EvidenceWords | None:
    """The words of ``status``'s headline evidence; None where the headline has no base."""
    evidence = status.evidence
    if evidence is None:
        return None
    facts = facts_of(evidence, plan_baseline=status.basis.source == "plan_baseline")
    return EvidenceWords(
        line=evidence_line(facts, lang),
        basis=basis_line(facts, lang),
        needed=still_needed(facts, lang),
    )
