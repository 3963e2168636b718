"""A KPI's chart spec that writes its JSON from parts written once per KPI and language.

The KPI page and its embed carry the same spec but for its size, each in its HTML (Jinja's
``tojson``); encoded whole, the spec is ~19 % of a KPI page's HTML. :class:`ChartSpec` is the
dict every reader sees (JSON encoders and templates take it as one); besides, it holds the JSON
text of each of its values (``parts``), shared by every spec made from the same drawing, so
that only its width and height are written afresh. :func:`spec_json` gives the bytes
``json.dumps(spec, ensure_ascii=False)`` gives (escaped for HTML as ``tojson`` does): a dict's
JSON is its keys and values, each written alone, joined by ``", "`` and ``": "``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

SIZED = ("width", "height")
"""The keys that differ between specs of one drawing."""

Finish = Callable[[str], str]
Parts = dict[tuple[Finish, str], str]


class ChartSpec(dict[str, Any]):
    """A chart spec (a plain dict to its readers) with the JSON of its shared values."""

    __slots__ = ("parts",)

    def __init__(self, drawn: dict[str, Any], parts: Parts, **sized: Any) -> None:
        super().__init__(drawn, **sized)
        self.parts = parts
        """(finish, key) -> finished JSON text of ``"key": value`` for every key but
        :data:`SIZED`, filled on use: a part finished one way is never given for another."""


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps makes one a call


def spec_json(spec: ChartSpec, finish: Finish) -> str:
    """``finish(json.dumps(spec, ensure_ascii=False))``, from the parts already written.

    ``finish`` must change the text character by character (as HTML-safe escaping does), so
    that it gives the same for the whole as for its parts; the parts kept are finished ones.
    """
    parts = spec.parts
    out = []
    for key, value in spec.items():
        text = parts.get((finish, key)) if key not in SIZED else None
        if text is None:
            text = finish(f"{_ENCODE(key)}: {_ENCODE(value)}")
            if key not in SIZED:
                parts[finish, key] = text
        out.append(text)
    return "{" + ", ".join(out) + "}"
