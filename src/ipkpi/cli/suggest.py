"""'Did you mean …?' for a mistyped command, id or value."""

from __future__ import annotations

from collections.abc import Iterable

from ..plan.lookup import nearest
from ..text import Lang


def did_you_mean(text: str, candidates: Iterable[str], lang: Lang = "en") -> str:
    """`` Did you mean 'x' or 'y'?`` (a leading space), or ``""`` when nothing is close."""
    close = nearest(text, candidates)
    if not close:
        return ""
    quoted = [f"'{c}'" for c in close]
    if lang == "ja":
        return f" もしかして: {'、'.join(quoted)}"
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
    return f" Did you mean {listed}?"
