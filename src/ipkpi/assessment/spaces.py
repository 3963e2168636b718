"""The spaces a trend is fitted in so that its projection respects the quantity's bounds.

A share lives between 0 and 100 %, a rank is at least 1, counts and amounts are at least 0.
A straight line in the value itself ignores that; the forecast fits its line in a space where
the bounds are out of reach and maps the point and the interval back:

- ``LOGIT`` for a quantity bounded on both sides (``lo < y < hi``):
  ``z = ln((y − lo) / (hi − y))``, back ``y = lo + (hi − lo) / (1 + e^−z)``;
- ``LOG`` for a positive quantity: ``z = ln y``, back ``y = e^z`` (a rank's lower bound of 1
  is below reach of the fit only through the cut that follows);
- ``LINEAR`` otherwise: ``z = y``.

A series whose values touch a bound (a 0 % share, a zero count) cannot be carried into its
space; it is fitted linearly, and what leaves the bounds is cut at them
(:func:`cut`, the note ``interval_cut_at_bound``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .batch import F64

LINEAR: Final = 0
LOG: Final = 1
LOGIT: Final = 2

Map = Callable[[F64, F64, F64], F64]


@dataclass(frozen=True)
class Transform:
    """One space: its code, its name, the way in (``forward``) and the way back (``back``).

    Both maps take the values and the lower and upper bounds (broadcast to the values).
    """

    code: int
    name: str
    forward: Map
    back: Map


TRANSFORMS: Final = (
    Transform(LINEAR, "linear", lambda y, lo, hi: y, lambda z, lo, hi: z),
    Transform(LOG, "log", lambda y, lo, hi: np.log(y), lambda z, lo, hi: np.exp(z)),
    Transform(
        LOGIT,
        "logit",
        lambda y, lo, hi: np.log((y - lo) / (hi - y)),
        lambda z, lo, hi: lo + (hi - lo) / (1.0 + np.exp(-z)),
    ),
)

SPACE_NAMES: Final = {t.code: t.name for t in TRANSFORMS}


def per_series(values: ArrayLike | None, n: int, name: str) -> F64:
    """Bounds given for every series (a scalar applies to all; None: no bound, NaN)."""
    if values is None:
        return np.full(n, np.nan)
    out = np.asarray(values, dtype=np.float64)
    if out.ndim == 0:
        return np.full(n, float(out))
    if out.shape != (n,):
        raise ValueError(f"{name} must have one entry per series ({n}), not shape {out.shape}")
    return out


def forward(y: F64, space: NDArray[np.int8], lo: F64, hi: F64) -> F64:
    """``y`` (rows of series, or one value per series) in each series' space."""
    return _apply(y, space, lo, hi, lambda t: t.forward)


def back(z: F64, space: NDArray[np.int8], lo: F64, hi: F64) -> F64:
    """``z`` of each series' space back in the quantity's own terms."""
    return _apply(z, space, lo, hi, lambda t: t.back)


def _apply(
    x: F64, space: NDArray[np.int8], lo: F64, hi: F64, way: Callable[[Transform], Map]
) -> F64:
    """Each series mapped by its own space's transform (a batch is mostly of one space: the
    transforms absent from it are skipped, and one present alone maps the whole batch)."""
    s, a, b = _shape(space, lo, hi, x)
    counts = np.bincount(space.ravel(), minlength=len(TRANSFORMS))
    present = [t for t in TRANSFORMS if counts[t.code]]
    with np.errstate(all="ignore"):
        if len(present) <= 1:
            return way(present[0] if present else TRANSFORMS[LINEAR])(x, a, b).copy()
        out = x.copy()
        for t in present:
            if t.code != LINEAR:
                np.copyto(out, way(t)(x, a, b), where=np.broadcast_to(s == t.code, out.shape))
    return out


def _shape(
    space: NDArray[np.int8], lo: F64, hi: F64, like: F64
) -> tuple[NDArray[np.int8], F64, F64]:
    if like.ndim == 2:
        return space[:, None], lo[:, None], hi[:, None]
    return space, lo, hi


def cut(x: F64, lo: F64, hi: F64) -> tuple[F64, NDArray[np.bool_]]:
    """``x`` kept within the bounds that are given, and where it had to be cut."""
    below = x < lo  # NaN bounds compare False: no bound, no cut
    above = x > hi
    cut_any = below | above
    if not cut_any.any():
        return x, cut_any
    return np.where(below, lo, np.where(above, hi, x)), cut_any
