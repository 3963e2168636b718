"""Verdicts kept between two builds, keyed by what they are worked out from.

A static rebuild after one observation changed needs every KPI's headline verdict again for
the lists (home, progress, search); assessing the 10,000 unchanged KPIs again is most of such
a rebuild. :class:`VerdictCache` keeps each KPI's verdicts under the hash of

- the KPI's definition as the follow-up assesses it (its plan entry, a recorded milestone
  completion included: :func:`~.build.with_completion`),
- its data (every field of the observations of each of its series at the follow-up's date:
  :func:`data_digest`),
- the date the verdicts are given at and whether every method was asked for,
- the method registry's version (:func:`registry_version`: the source of every assessment
  and follow-up module, so any change to a method, a kind or the headline rule invalidates all).

The file is JSON (:meth:`VerdictCache.save`); a file that cannot be read, or of another
registry version, is ignored (every KPI is assessed again), never trusted in part.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import operator
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

from ..assessment.verdict import Verdict
from ..files import write_text
from ..plan import KpiBase
from .model import Observation, SeriesData

CACHE_FILE = ".ipkpi-verdicts.json"
"""The cache's file name, beside the static site's manifest."""

_VERDICTS = TypeAdapter(
    dict[str, tuple[Verdict, ...]], config=ConfigDict(ser_json_inf_nan="constants")
)


@cache
def registry_version() -> str:
    """The hash of every module verdicts are made by (``assessment`` and ``followup``)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("assessment", "followup"):
        for path in sorted((root / folder).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Observation)))


def data_digest(series: Sequence[SeriesData]) -> str:
    """The hash of every field of every observation of a KPI's series, in order: what its
    verdicts (this cache) and its pages (the site's manifest) are made from. The fields are
    read as plain tuples (their ``repr`` is C code: 3x faster than the dataclasses' own)."""
    text = repr(tuple(tuple(map(_FIELDS, s.observations)) for s in series))
    return hashlib.sha256(text.encode()).hexdigest()


class VerdictCache:
    """KPI verdicts by key; counts its hits and misses (the rebuild reports them)."""

    def __init__(self, version: str | None = None) -> None:
        self.version = version if version is not None else registry_version()
        self._held: dict[str, tuple[Verdict, ...]] = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self._source: Path | None = None
        """The file the verdicts were read from, while they are all it holds."""

    def keys(self, kpi: KpiBase, data: str, at: dt.date) -> tuple[str, str]:
        """The KPI's keys at ``at``, ``data`` its :func:`data_digest`: for its verdicts by
        every method, and headline only."""
        digest = hashlib.sha256(self.version.encode())
        digest.update(kpi.model_dump_json().encode())
        digest.update(data.encode())
        digest.update(at.isoformat().encode())
        every, headline = digest.copy(), digest
        every.update(b"|every")
        headline.update(b"|headline")
        return every.hexdigest(), headline.hexdigest()

    def get(self, key: str) -> tuple[Verdict, ...] | None:
        found = self._held.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
            self._used.add(key)
        return found

    def put(self, key: str, verdicts: tuple[Verdict, ...]) -> None:
        self._held[key] = verdicts
        self._used.add(key)
        self._source = None  # the file no longer holds what this cache would write

    def __len__(self) -> int:
        return len(self._held)

    def save(self, path: Path) -> None:
        """Write the verdicts this run used or made (older ones are dropped). Nothing is
        written when ``path`` is the file this cache was read from and every verdict in it
        was used and none added (a rebuild with nothing changed): it holds them already."""
        if self._source == path and len(self._used) == len(self._held) and path.is_file():
            return
        kept = {k: self._held[k] for k in sorted(self._used)}
        body = _VERDICTS.dump_json(kept).decode()
        text = f'{{"version": "{self.version}", "verdicts": {body}}}'
        write_text(path, text, encoding="utf-8", sync=False)

    @classmethod
    def load(cls, path: Path, version: str | None = None) -> VerdictCache:
        """The cache in ``path``; empty when missing, unreadable or of another version."""
        found = cls(version)
        try:
            raw = path.read_bytes()
        except OSError:
            return found
        head = f'{{"version": "{found.version}", "verdicts": '.encode()
        if raw.startswith(head) and raw.endswith(b"}"):
            # As :meth:`save` writes it: the verdicts parsed and checked in one pass by
            # pydantic (0.25–0.57 s for 10k KPIs' 22 MB, against 0.54–1.13 s for json.loads
            # and then checking the objects).
            try:
                found._held = _VERDICTS.validate_json(raw[len(head) : -1])
            except ValidationError:
                found._held = {}
                return found
            found._source = path
            return found
        try:
            data: Any = json.loads(raw)
        except ValueError:
            return found
        if not isinstance(data, dict) or data.get("version") != found.version:
            return found
        try:
            found._held = _VERDICTS.validate_python(data.get("verdicts"))
        except ValidationError:
            found._held = {}
            return found
        found._source = path
        return found
