"""Rendered pages kept in memory, keyed by route, parameters, language, date and format."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from .dashboard import Rendered


@dataclass(frozen=True, slots=True)
class Cached:
    rendered: Rendered
    etag: str


class PageCache:
    """A bounded least-recently-used map of rendered pages."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Cached] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Cached | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, rendered: Rendered, *, keep: bool = True) -> Cached:
        etag = '"' + hashlib.blake2b(rendered.body, digest_size=12).hexdigest() + '"'
        cached = Cached(rendered, etag)
        if keep:
            with self._lock:
                self._items[key] = cached
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return cached

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
