"""Every method and every KPI kind, found in their own modules, and what the code asks of them.

A method is a ``METHODS`` record in a module of ``assessment/methods`` (or of ``assessment/
kinds``, for a kind's own verdicts); a kind is a ``KINDS`` record in ``assessment/kinds``.
Nothing is listed by hand here, so a new method or kind touches only its own module, its
documentation and its tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any, Final

from ..plan.kpi import KpiBase
from ..text import Text
from . import kinds, methods
from .kind import Kind
from .method import Method


def _collect(package: ModuleType, attribute: str) -> list[Any]:
    found: list[Any] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found.extend(getattr(module, attribute, ()))
    return found


METHOD_UNITS: Final[dict[str, Method]] = {
    m.name: m
    for m in sorted(_collect(methods, "METHODS") + _collect(kinds, "METHODS"), key=lambda m: m.rank)
}
KIND_UNITS: Final[dict[str, Kind]] = {k.name: k for k in _collect(kinds, "KINDS")}

METHODS: Final = tuple(name for name, m in METHOD_UNITS.items() if m.kernel is not None)
"""Methods with a vectorized kernel (``assess``, ``assess-table``)."""
HEADLINE_METHODS: Final = tuple(name for name, m in METHOD_UNITS.items() if m.headline)
"""Methods a plan KPI's headline verdict can be given by."""
METHOD_LABELS: Final[dict[str, Text]] = {name: m.label for name, m in METHOD_UNITS.items()}
STATUS_LABELS: Final[dict[str, dict[str, Text]]] = {
    name: {s.code: s.label for s in m.statuses} for name, m in METHOD_UNITS.items()
}
STATUSES: Final[dict[str, tuple[str, ...]]] = {n: m.codes for n, m in METHOD_UNITS.items()}
STATUS_ORDER: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    n: m.order for n, m in METHOD_UNITS.items() if m.order
}


def headline_methods() -> tuple[str, ...]:
    """:data:`HEADLINE_METHODS`, asked at call time (a unit found after import is among them)."""
    return tuple(name for name, m in METHOD_UNITS.items() if m.headline)


def compared() -> tuple[str, ...]:
    """The methods the headline box compares, in their ``compared`` order, asked at call time
    (so a unit found after this module was first imported is among them)."""
    units = [m for m in METHOD_UNITS.values() if m.compared is not None]
    return tuple(m.name for m in sorted(units, key=lambda m: (m.compared, m.rank)))


def method_of(name: str) -> Method:
    try:
        return METHOD_UNITS[name]
    except KeyError:
        raise ValueError(f"unknown method {name!r}: use one of {', '.join(METHODS)}") from None


def kind_of(kpi: KpiBase | str) -> Kind:
    name = kpi if isinstance(kpi, str) else str(getattr(kpi, "kind", ""))
    try:
        return KIND_UNITS[name]
    except KeyError:
        raise TypeError(f"no assessment rule for KPI kind {name!r}") from None


def status_label(method: str, status: str) -> Text:
    """The bilingual label of a status; an unknown pair is an error, not a blank."""
    return method_of(method).status(status).label


def tone(method: str, status: str, direction: str | None = None) -> str:
    """good | fair | poor | bad | early | neutral: how a reader should take ``status``.

    A rise or a fall is good or bad only when the KPI wants one way: rising toward it is
    progress (fair), away from it is bad; with no desired direction it is neutral.
    """
    found = method_of(method).status(status).tone
    if found in ("rising", "falling"):
        if direction is None:
            return "neutral"
        wanted = "rising" if direction == "increase" else "falling"
        return "fair" if found == wanted else "bad"
    return found
