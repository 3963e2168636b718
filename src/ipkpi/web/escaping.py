"""HTML escaping to plain text: markupsafe's ``escape`` without the Markup it returns.

A page's parts are joined into one ``str`` at once, so the :class:`~markupsafe.Markup` that
``escape`` makes for each value (its ``__new__`` is Python), and the copy of a Markup it
makes when given one, cost time and change no character.
"""

from __future__ import annotations

from typing import Any, cast

try:
    from markupsafe._speedups import _escape_inner
except ImportError:  # markupsafe without its C part (it falls back the same way)
    from markupsafe._native import _escape_inner

__all__ = ["escape_plain", "escape_text"]

escape_plain = _escape_inner
"""``str(escape(text))`` of a plain ``str`` (not a subclass: a Markup is already escaped)."""


def escape_text(value: Any) -> str:
    """The characters of ``markupsafe.escape(value)``, as a ``str``."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return cast("str", value.__html__())
    return _escape_inner(str(value))
