"""Student's t distribution for integer degrees of freedom, exact and vectorized.

The forecast needs the t CDF and quantiles for small samples (2 to ~20 points) without SciPy.
For integer ν the CDF has a closed form (Abramowitz & Stegun 26.7.3–4): with
``θ = atan(t/√ν)``, ``P(|T| ≤ t)`` is a finite series in ``cos²θ``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

F64 = NDArray[np.float64]


def t_cdf(t: ArrayLike, df: ArrayLike) -> F64:
    """P(T ≤ t) for Student's t with integer ``df ≥ 1`` (NaN where df < 1)."""
    x = np.asarray(t, dtype=np.float64)
    nu = np.asarray(df, dtype=np.int64)
    x, nu = np.broadcast_arrays(x, nu)
    good = nu >= 1
    nu_safe = np.where(good, nu, 1)
    theta = np.arctan(x / np.sqrt(nu_safe))
    s, c = np.sin(theta), np.cos(theta)
    c2 = c * c
    odd = nu_safe % 2 == 1
    top = int(nu_safe.max()) if nu_safe.size else 1
    # Odd ν: (2/π)(θ + sinθ·cosθ·Σ_{j=0}^{(ν−3)/2} a_j cos^{2j}θ), a_0 = 1, a_j = a_{j−1}·2j/(2j+1).
    # Even ν: sinθ·Σ_{j=0}^{(ν−2)/2} b_j cos^{2j}θ, b_0 = 1, b_j = b_{j−1}·(2j−1)/(2j).
    odd_sum = np.zeros_like(theta)
    even_sum = np.zeros_like(theta)
    a = b = 1.0
    power = np.ones_like(theta)
    for j in range(0, top // 2 + 1):
        if j > 0:
            a *= 2 * j / (2 * j + 1)
            b *= (2 * j - 1) / (2 * j)
            power = power * c2
        odd_sum += np.where(odd & (2 * j + 3 <= nu_safe), a * power, 0.0)
        even_sum += np.where(~odd & (2 * j + 2 <= nu_safe), b * power, 0.0)
    inside = np.where(odd, (2 / np.pi) * (theta + s * c * odd_sum), s * even_sum)
    return np.where(good, 0.5 + 0.5 * inside, np.nan)


_QUANTILES: dict[tuple[float, int], float] = {}


def t_quantile(p: float, df: ArrayLike) -> F64:
    """The ``p`` quantile of Student's t for each integer ``df`` (bisection on :func:`t_cdf`).

    Quantiles are remembered per (p, df): a follow-up asks for the same few thousands of times.
    """
    nu = np.asarray(df, dtype=np.int64)
    unique, inverse = np.unique(nu, return_inverse=True)
    missing = np.array([d for d in unique.tolist() if (p, d) not in _QUANTILES], dtype=np.int64)
    if missing.size:
        lo = np.full(missing.shape, -1e3)
        hi = np.full(missing.shape, 1e3)
        for _ in range(80):
            mid = (lo + hi) / 2
            below = t_cdf(mid, missing) < p
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
        for d, q in zip(missing.tolist(), ((lo + hi) / 2).tolist(), strict=True):
            _QUANTILES[(p, d)] = q if d >= 1 else float("nan")
    found = np.array([_QUANTILES[(p, d)] for d in unique.tolist()], dtype=np.float64)
    return found[inverse].reshape(nu.shape)
