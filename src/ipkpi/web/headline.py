"""Why a KPI's headline is what it is, for its page and the JSON: base, evidence, agreement."""

from __future__ import annotations

from typing_extensions import TypedDict

from ..followup import FollowUp, KpiStatus
from ..followup.agreement import Agreement, agreement_of
from ..followup.awaited import awaited_text
from ..followup.evidence_text import EvidenceWords, evidence_words
from ..followup.explain import headline_sentence
from ..followup.headline import basis_text
from ..text import Lang
from .models import closed


@closed
class HeadlineWhy(TypedDict):
    """``sentence``: the headline's sentence without its leading "method: status." (the badge
    names both: the box names the method once); ``basis``: what the headline is judged from
    and why; ``evidence_count`` and ``evidence_needed``: the count behind it;
    ``evidence_text``: the line under the verdict sentence (根拠：…), ``evidence_basis`` and
    ``evidence_still_needed`` the numbers box's rows (:mod:`ipkpi.followup.evidence_text`);
    ``awaited``: what a too-early headline waits for and when; ``agreement``: how the methods
    agree; ``differs``: whether the headline's tone is not the majority's, ``differs_text``
    the one sentence that says why."""

    sentence: str
    basis: str
    basis_source: str
    too_early: bool
    evidence_count: int | None
    evidence_needed: int | None
    evidence_text: str
    evidence_basis: str
    evidence_still_needed: str
    awaited: str
    agreement: str
    differs: bool
    differs_text: str


def agreement(status: KpiStatus) -> Agreement | None:
    """:func:`~ipkpi.followup.agreement.agreement_of`, worked out once per status (the KPI's
    page and list row read it in both languages)."""
    return status.remembered(("agreement",), lambda: agreement_of(status))


def agreement_words(status: KpiStatus, lang: Lang) -> tuple[str, str]:
    """The agreement's summary and, when the headline differs from the majority, why (""
    without an agreement), once per status and language (its page and its list row)."""

    def words() -> tuple[str, str]:
        agreed = agreement(status)
        return (agreed.summary(lang), agreed.why(lang)) if agreed else ("", "")

    return status.remembered(("agreement_words", lang), words)


def headline_evidence(status: KpiStatus, lang: Lang) -> EvidenceWords | None:
    """:func:`~ipkpi.followup.evidence_text.evidence_words`, once per status and language
    (the headline box and the numbers of one or two verdicts read them)."""
    return status.remembered(("evidence_words", lang), lambda: evidence_words(status, lang))


def headline_why(followup: FollowUp, status: KpiStatus, lang: Lang) -> HeadlineWhy:
    agreed = agreement(status)
    summary, why = agreement_words(status, lang)
    evidence = status.evidence
    words = headline_evidence(status, lang)
    sentence = status.remembered(
        ("headline_sentence",), lambda: headline_sentence(status.headline, status.wording)
    )
    return {
        "sentence": sentence.get(lang),
        "basis": basis_text(status.basis, status.wording, lang),
        "basis_source": status.basis.source,
        "too_early": status.too_early,
        "evidence_count": evidence.count if evidence else None,
        "evidence_needed": evidence.minimum.count if evidence else None,
        "evidence_text": words.line if words else "",
        "evidence_basis": words.basis if words else "",
        "evidence_still_needed": words.needed if words else "",
        "awaited": awaited_text(followup, status, lang),
        "agreement": summary,
        "differs": agreed.differs if agreed else False,
        "differs_text": why,
    }
