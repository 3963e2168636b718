"""A KPI's chart spec that writes its JSON from parts written once per KPI and language.

The KPI page and its embed carry the same spec but for its size, each in its HTML (Jinja's
``tojson``); encoded whole, the spec is ~19 % of a KPI page's HTML. :class:`ChartSpec` is the
dict every reader sees (JSON encoders and templates take it as one); besides, it holds the JSON
text of each of its values (``parts``), shared by every spec made from the same drawing, so
that only its width and height are written afresh. :func:`spec_json` gives the compact JSON
``json.dumps(spec, ensure_ascii=False, separators=(",", ":"))`` gives (escaped for HTML as
``tojson`` does): a dict's JSON is its keys and values, each written alone, joined by ``,``
and ``:``. The values are written by orjson (9x the standard library on a KPI's drawing, which
a 10,000-KPI site writes 20,000 times), the same text but for what no chart holds: a float
below 1e-4 without an exponent, NaN as ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

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


_STDLIB = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # made once


def _encode(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # a key that is not a string, an integer beyond 64 bits
        return _STDLIB(value)


def spec_json(spec: ChartSpec, finish: Finish) -> str:
    """``finish(json.dumps(spec, ensure_ascii=False, separators=(",", ":")))``, from the parts
    already written.

    ``finish`` must change the text character by character (as HTML-safe escaping does), so
    that it gives the same for the whole as for its parts; the parts kept are finished ones.
    """
    parts = spec.parts
    out = []
    for key, value in spec.items():
        text = parts.get((finish, key)) if key not in SIZED else None
        if text is None:
            text = finish(f"{_encode(key)}:{_encode(value)}")
            if key not in SIZED:
                parts[finish, key] = text
        out.append(text)
    return "{" + ",".join(out) + "}"
