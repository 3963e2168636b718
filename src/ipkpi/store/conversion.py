"""Units: a file's values converted to their series' units, or refused when incompatible.

A value in 億円 for a series kept in 兆円 is divided by 10⁴; a unit of another dimension
(persons for a yen series) is an error. Rows with no unit are taken to be in the series' unit.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from ..problems import observations as says
from ..units import UnitError, unit
from .catalog import SeriesCatalog
from .importers.base import ROW
from .problems import RowProblems


def check_units(frame: pl.DataFrame, catalog: SeriesCatalog, problems: RowProblems) -> pl.DataFrame:
    """``_value`` (in the file's unit) converted to each row's series unit."""
    target = {c: unit(catalog[c].unit) for c in frame["series"].unique().to_list() if c in catalog}
    given = frame.select(ROW, "series", "unit", "_known").filter(
        pl.col("_known") & (pl.col("unit") != "")
    )
    factors: dict[str, float] = {}
    rescale = False
    for name, codes in (
        given.group_by("unit").agg(pl.col("series").unique()).sort("unit").iter_rows()
    ):
        try:
            source = unit(name)
        except UnitError as exc:
            rows = given.filter(pl.col("unit") == name)
            problems.add(rows, "unit", says.UNKNOWN_UNIT(hint=exc.message))
            continue
        factors[name] = source.factor
        for code in sorted(codes):
            wanted = target[code]
            rescale |= source.factor != wanted.factor
            if source.dimension != wanted.dimension:
                rows = given.filter((pl.col("unit") == name) & (pl.col("series") == code))
                message = says.INCOMPATIBLE_UNIT(
                    series=code,
                    symbol=wanted.symbol.ja or wanted.code,
                    code=wanted.code,
                    given=name,
                )
                problems.add(rows, "unit", message)
    if not rescale:
        return frame
    to = frame["series"].replace_strict(
        {code: u.factor for code, u in target.items()}, default=1.0, return_dtype=pl.Float64
    )
    source_factor = frame["unit"].replace_strict(factors, default=None, return_dtype=pl.Float64)
    values = convert(
        frame["_value"].to_numpy(), source_factor.fill_null(to).to_numpy(), to.to_numpy()
    )
    return frame.with_columns(pl.Series("_value", values, pl.Float64))


def convert(values: np.ndarray, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``values`` from units of size ``source`` to units of size ``target``, rounding once.

    One multiplication or one division by a whole power of ten: 15073 億円 is exactly
    1.5073 兆円, where × 1e-4, or × 1e8 then ÷ 1e12, would round twice. numpy, not a polars
    expression: polars may turn a division by a constant into a multiplication.
    """
    up = source >= target
    with np.errstate(divide="ignore", invalid="ignore"):
        converted: np.ndarray = np.where(up, values * (source / target), values / (target / source))
    return converted
