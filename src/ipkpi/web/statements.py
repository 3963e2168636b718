"""The secretariat's statement and a milestone's completion as page data (and JSON)."""

from __future__ import annotations

from urllib.parse import urlsplit

from typing_extensions import TypedDict

from ..followup import KpiStatus
from ..followup import judgement as words
from ..text import Lang
from .models import closed


@closed
class StatementData(TypedDict):
    """The secretariat's own judgement, beside the computed verdict; ``written`` False: none
    was written (``missing_text`` says so), every other field empty."""

    written: bool
    label: str
    missing_text: str
    missing_note: str
    beside: str
    text: str
    text_ja: str
    text_en: str
    status: str | None
    status_label: str
    author_role: str
    review_date: str
    written_on: str
    recorded_at: str
    byline: str


@closed
class CompletionData(TypedDict):
    """A milestone's recorded completion: when, what was decided, the source."""

    completed_on: str
    decision: str
    source_title: str
    source_url: str
    #: The source's title (Japanese pages); on English pages its host, the title being Japanese.
    link_text: str
    text: str


def statement_data(status: KpiStatus, lang: Lang) -> StatementData:
    s = status.statement
    return {
        "written": s is not None,
        "label": words.LABEL.get(lang),
        "missing_text": words.MISSING.get(lang),
        "missing_note": words.MISSING_NOTE.get(lang),
        "beside": words.BESIDE.get(lang),
        "text": s.text(lang) if s else "",
        "text_ja": s.text_ja if s else "",
        "text_en": s.text_en if s else "",
        "status": s.status if s else None,
        "status_label": s.status_label(lang) if s else "",
        "author_role": s.role(lang) if s else "",
        "review_date": s.review_date.isoformat() if s else "",
        "written_on": s.written_on.isoformat() if s else "",
        "recorded_at": s.recorded_at.isoformat() if s and s.recorded_at else "",
        "byline": words.byline(s, lang) if s else "",
    }


def completion_data(status: KpiStatus, lang: Lang) -> CompletionData | None:
    c = status.completion
    if c is None:
        return None
    return {
        "completed_on": c.completed_on.isoformat(),
        "decision": c.decision(lang),
        "source_title": c.source_title,
        "source_url": c.source_url,
        "link_text": c.source_title
        if lang == "ja" and c.source_title
        else (urlsplit(c.source_url).hostname or c.source_url),
        "text": words.completion_line(c, lang),
    }
