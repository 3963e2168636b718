"""A goal with its deadline, as the KPI's facts, its verdicts and its chart's legend say it."""

from __future__ import annotations

from ..text import Lang, t

BY = t("{what}（{year}年まで）", "{what} by {year}")


def by_deadline(what: str, year: int | None, lang: Lang) -> str:
    """``≥ 20兆円（2033年まで）`` / ``≥ 20 trillion yen by 2033``; no year, no suffix."""
    return BY.get(lang).format(what=what, year=year) if year else what
