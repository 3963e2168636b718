"""The assessment on a data frame: pandas in, pandas out; Polars in, Polars out.

``assess_frame(observations, targets, method)`` reads the same columns as ``ipkpi
assess-table`` (observations ``series, year, value``; targets ``series, direction, target,
target_year, base_year, limit``), validates them the same way, and returns one row per series
with the columns of the output table.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from ..text import Lang
from .run import assess
from .table import verdict_rows
from .table_io import OUTPUT_COLUMNS, Row, build_batch

FrameT = TypeVar("FrameT")


def _is_polars(frame: object) -> bool:
    return type(frame).__module__.split(".")[0] == "polars"


def _is_pandas(frame: object) -> bool:
    return type(frame).__module__.split(".")[0] == "pandas"


def _rows(frame: Any, name: str) -> tuple[list[str], list[Row]]:
    if _is_polars(frame):
        records = frame.to_dicts()
        columns = list(frame.columns)
    elif _is_pandas(frame):
        records = frame.to_dict("records")
        columns = [str(c) for c in frame.columns]
    else:
        raise TypeError(f"{name} must be a pandas or Polars DataFrame, not {type(frame).__name__}")
    lowered = [c.strip().lower() for c in columns]
    rows: list[Row] = [
        ((name, i + 1), {k.strip().lower(): v for k, v in rec.items()})
        for i, rec in enumerate(records)
    ]
    return lowered, rows


def assess_frame(
    observations: FrameT,
    targets: Any,
    method: str = "opensdg",
    *,
    lang: Lang = "ja",
    sentences: bool = True,
    **options: Any,
) -> FrameT:
    """Assess every series of ``observations``; returns a frame of the type given."""
    obs_columns, obs_rows = _rows(observations, "observations")
    target_columns, target_rows = _rows(targets, "targets")
    batch = build_batch(obs_columns, obs_rows, target_columns, target_rows)
    rows = verdict_rows(assess(batch, method, **options), lang, sentences=sentences)
    columns = [c for c in OUTPUT_COLUMNS if sentences or c != "explanation"]
    data = {c: [r[c] for r in rows] for c in columns}
    if _is_polars(observations):
        import polars as pl

        return cast("FrameT", pl.DataFrame(data, schema={c: _polars_type(pl, c) for c in columns}))
    import pandas as pd

    numeric = {c: "float64" for c in columns if _polars_type(None, c) != "text"}
    return cast("FrameT", pd.DataFrame(data, columns=columns).astype(numeric))


def _polars_type(pl: Any, column: str) -> Any:
    text = column in ("series", "method", "status", "explanation")
    if pl is None:
        return "text" if text else "number"
    return pl.Utf8 if text else pl.Float64
