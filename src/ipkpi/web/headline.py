"""Why a KPI's headline is what it is, for its page and the JSON: base, evidence, agreement."""

from __future__ import annotations

from typing_extensions import TypedDict

from ..followup import FollowUp, KpiStatus
from ..followup.agreement import agreement_of
from ..followup.awaited import awaited_text
from ..followup.headline import basis_text
from ..text import Lang
from .models import closed


@closed
class HeadlineWhy(TypedDict):
    """``basis``: what the headline is judged from and why; ``evidence``: the count behind it;
    ``awaited``: what a too-early headline waits for and when; ``agreement``: how the methods
    agree; ``differs``: whether the headline's tone is not the majority's, ``differs_text``
    the one sentence that says why."""

    basis: str
    basis_source: str
    too_early: bool
    evidence_count: int | None
    evidence_needed: int | None
    awaited: str
    agreement: str
    differs: bool
    differs_text: str


def headline_why(followup: FollowUp, status: KpiStatus, lang: Lang) -> HeadlineWhy:
    agreement = agreement_of(status)
    evidence = status.evidence
    return {
        "basis": basis_text(status.basis, status.wording, lang),
        "basis_source": status.basis.source,
        "too_early": status.too_early,
        "evidence_count": evidence.count if evidence else None,
        "evidence_needed": evidence.minimum.count if evidence else None,
        "awaited": awaited_text(followup, status, lang),
        "agreement": agreement.summary(lang) if agreement else "",
        "differs": agreement.differs if agreement else False,
        "differs_text": agreement.why(lang) if agreement else "",
    }
