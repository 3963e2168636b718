"""Small builders shared by the assessment tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ipkpi.assessment import SeriesBatch, Verdict, assess_series
from ipkpi.assessment.table_io import build_batch, read_csv

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_batch(name: str) -> SeriesBatch:
    """The batch of ``fixtures/<name>_observations.csv`` with ``<name>_targets.csv``."""
    obs_cols, obs = read_csv(FIXTURES / f"{name}_observations.csv", "observations")
    tgt_cols, tgt = read_csv(FIXTURES / f"{name}_targets.csv", "targets")
    return build_batch(obs_cols, obs, tgt_cols, tgt)


def one(
    method: str, years: Sequence[float], values: Sequence[float], direction: str | None, **kw: Any
) -> Verdict:
    """One series assessed by ``method``."""
    return assess_series((years, values), method, direction=direction, **kw)


def first_status(bands: list[tuple[np.ndarray, str]]) -> list[str]:
    """The status each element gets from a list of (mask, status) bands, first match wins."""
    n = bands[0][0].size
    out = []
    for i in range(n):
        out.append(next(status for mask, status in bands if mask[i]))
    return out
