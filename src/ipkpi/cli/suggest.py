"""'Did you mean …?' for a mistyped command, id or value."""

from __future__ import annotations

from collections.abc import Iterable

from ..plan.lookup import nearest
from ..text import Lang
from .choice import you_meant


def did_you_mean(text: str, candidates: Iterable[str], lang: Lang = "en") -> str:
    """`` Did you mean 'x' or 'y'?`` or `` 「x」または「y」のことですか？`` (a leading space), or
    ``""`` when nothing is close."""
    return you_meant(nearest(text, candidates), lang)
