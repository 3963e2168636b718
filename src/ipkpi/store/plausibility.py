"""What a value of each kind can be: ranks, counts, shares, amounts (by the series' unit).

A rule belongs to a unit's dimension and is checked on the value in the dimension's base
unit (a count kept in 万件 is a whole number of 件). Every value also has a magnitude: zero,
or between :data:`SMALLEST` and :data:`LARGEST` base units; beyond that the number is a typo
in an exponent or a unit, not a measurement. docs/data.md lists the rules with their words.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from ..problems import Message
from ..problems import observations as says
from ..text import Text
from ..units import UNITS, unit
from .catalog import SeriesCatalog
from .importers.base import ROW
from .problems import RowProblems

#: The largest magnitude of any value, in its dimension's base unit (1京: 10¹⁶ yen, persons…).
LARGEST = 1e16
#: The smallest non-zero magnitude, in base units; below it the digits are noise.
SMALLEST = 1e-12
#: How far from a whole number a whole-number value may be (relative, for unit conversions).
WHOLE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Rule:
    """The range (in base units) of a dimension's values, and whether they are whole."""

    minimum: float | None
    maximum: float | None
    whole: bool
    message: Message


_COUNT = "count"
RULES: dict[str, Rule] = {
    "rank": Rule(1.0, None, True, says.RANK_NOT_POSITIVE_WHOLE()),
    "share": Rule(0.0, 100.0, False, says.SHARE_OUT_OF_RANGE()),
    "share_change": Rule(-100.0, 100.0, False, says.POINTS_OUT_OF_RANGE()),
    "accesses_month": Rule(
        0.0, None, False, says.NEGATIVE(what=Text(ja="アクセス数", en="a number of accesses"))
    ),
    "per_million": Rule(
        0.0,
        None,
        False,
        says.NEGATIVE(what=Text(ja="人口当たりの人数", en="a number per population")),
    ),
}
#: Dimensions whose values are counted: whole numbers, 0 or more.
COUNTED: dict[str, Text] = {
    "count": Text(ja="件数", en="a count"),
    "persons": Text(ja="人数", en="a number of persons"),
    "enterprises": Text(ja="企業数", en="a number of enterprises"),
}


def rule_for(dimension: str, series_unit: str) -> Rule | None:
    counted = COUNTED.get(dimension)
    if counted is not None:
        return Rule(0.0, None, True, says.COUNT_NOT_WHOLE(what=counted, series_unit=series_unit))
    return RULES.get(dimension)


def check_plausible(frame: pl.DataFrame, catalog: SeriesCatalog, problems: RowProblems) -> None:
    """Rows whose ``_value`` (in the series' unit) a value of its kind cannot be.

    Checked once per unit (the rules and the messages depend on the unit only), over the rows
    of all its series at once; the problems are added in the order a loop over the series
    (sorted by code) would meet them, so that each code's example message stays the same.
    """
    unit_of = {c: catalog[c].unit for c in frame["series"].unique().to_list() if c in catalog}
    if not unit_of:
        return
    rows = frame.select(ROW, "series", "value", "_value").filter(
        pl.col("series").is_in(list(unit_of)) & pl.col("_value").is_finite()
    )
    units = pl.col("series").replace_strict(unit_of, return_dtype=pl.String).alias("_unit")
    found: list[tuple[str, int, pl.DataFrame, Message]] = []
    for (code,), of_unit in rows.with_columns(units).partition_by("_unit", as_dict=True).items():
        for order, (wrong, message) in enumerate(_unit_checks(str(code))):
            failing = of_unit.filter(wrong)
            if failing.height:
                found.append((str(failing["series"].min()), order, failing, message))
    for _first, _order, failing, message in sorted(found, key=lambda item: item[:2]):
        problems.add(failing, "value", message)


def _unit_checks(code: str) -> list[tuple[pl.Expr, Message]]:
    """The conditions a value kept in unit ``code`` fails, each with its message."""
    series_unit = unit(code)
    symbol = series_unit.symbol.ja or series_unit.code
    base = pl.col("_value") * series_unit.factor
    size = base.abs()
    base_unit = _base_symbol(series_unit.dimension)
    checks = [
        (size > LARGEST, says.IMPLAUSIBLY_LARGE(limit="1e16", unit=base_unit, series_unit=symbol)),
        (
            (size > 0) & (size < SMALLEST),
            says.IMPLAUSIBLY_SMALL(limit="1e-12", unit=base_unit, series_unit=symbol),
        ),
    ]
    rule = rule_for(series_unit.dimension, symbol)
    if rule is None:
        return checks
    wrong = pl.lit(False)
    if rule.minimum is not None:
        wrong = wrong | (base < rule.minimum)
    if rule.maximum is not None:
        wrong = wrong | (base > rule.maximum)
    if rule.whole:
        off = (base - base.round(0)).abs()
        wrong = wrong | (off > WHOLE_TOLERANCE * pl.max_horizontal(size, pl.lit(1.0)))
    checks.append(((size.is_between(SMALLEST, LARGEST) | (size == 0)) & wrong, rule.message))
    return checks


def _base_symbol(dimension: str) -> str:
    """The symbol of the dimension's unit of factor 1 (円, 人, 件…)."""
    for candidate in UNITS.values():
        if candidate.dimension == dimension and candidate.factor == 1.0:
            return candidate.symbol.ja or candidate.code
    return ""
