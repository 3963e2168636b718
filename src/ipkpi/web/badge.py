"""A verdict's badge (icon, label, method) as HTML, made here rather than by a Jinja macro.

Every KPI page draws five, every list one per KPI (a 10,000-KPI site ~180,000); a Jinja macro
call costs several times this function. ``_macros.html`` exports it as ``m.badge``, so the
templates read as before, and the bytes are the macro's.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .escaping import escape_text

ICONS = {"good": "✓", "fair": "↗", "poor": "→", "bad": "✗", "early": "…", "neutral": "–"}


def badge(tone: str, label: Any, method: Any = "") -> Markup:
    """``<span class="badge tone-good"><span class="icon" …>✓</span> label</span>``, then the
    method's name when one is given."""
    text = (
        f'<span class="badge tone-{escape_text(tone)}"><span class="icon" aria-hidden="true">'
        f"{escape_text(ICONS[tone])}</span> {escape_text(label)}</span>"
    )
    if method:
        text += f' <span class="method">{escape_text(method)}</span>'
    return Markup(text)
