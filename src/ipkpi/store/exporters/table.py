"""The rows every export writes: the latest (or as-of) values with labels, units and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import polars as pl

from ...periods import parse_period
from ...text import Lang, Text
from ...units import UnitError, unit
from ..catalog import SeriesCatalog
from ..observation import TIDY_COLUMNS
from ..store import AsOf, Store


@dataclass(frozen=True)
class ExportContext:
    """What an export is of: its catalog (labels), the as-of date, the language of labels."""

    catalog: SeriesCatalog
    as_of: AsOf = None
    lang: Lang | None = None
    generated_at: dt.datetime | None = None
    #: The vintages the data come from (``id``, ``recorded_at``, ``files``), for the packages
    #: that list them; each row's ``vintage`` column, when it has one, names one of them.
    vintages: tuple[dict[str, str], ...] = ()

    def label(self, series: str) -> Text:
        info = self.catalog.get(series)
        return info.label if info else Text()

    def label_columns(self) -> tuple[str, ...]:
        return ("series_label",) if self.lang else ("series_label_ja", "series_label_en")


def export_frame(
    store: Store, context: ExportContext, series: Collection[str] | None = None
) -> pl.DataFrame:
    """Tidy rows sorted by series and period start, with label columns for ``context.lang``."""
    frame = store.latest_frame(series, context.as_of)
    stored_units = store.series_units()
    codes = frame["series"].unique().to_list()
    units = {c: stored_units.get(c) or _catalog_unit(context, c) for c in codes}
    starts = {
        p: parse_period(p).sort_key()[0].toordinal() for p in frame["period"].unique().to_list()
    }
    frame = (
        frame.with_columns(
            pl.col("series")
            .replace_strict(units, default="", return_dtype=pl.String)
            .alias("unit"),
            pl.col("period").replace_strict(starts, return_dtype=pl.Int64).alias("_start"),
        )
        .sort("series", "_start", "period")
        .drop("_start")
    )
    labels: dict[str, pl.Expr] = {}
    for column in context.label_columns():
        lang: Lang = context.lang or ("ja" if column.endswith("_ja") else "en")
        by_code = {
            c: context.label(c).get(lang) if context.lang else _own(context.label(c), lang)
            for c in codes
        }
        labels[column] = pl.col("series").replace_strict(
            by_code, default="", return_dtype=pl.String
        )
    return frame.select(*TIDY_COLUMNS, *(expr.alias(name) for name, expr in labels.items()))


def _own(text: Text, lang: Lang) -> str:
    """The text in ``lang`` only (no fallback): each language has its own column."""
    return text.ja if lang == "ja" else text.en


def _catalog_unit(context: ExportContext, code: str) -> str:
    info = context.catalog.get(code)
    if info is None:
        return ""
    try:
        return unit(info.unit).code
    except UnitError:
        return info.unit


def value_text() -> pl.Expr:
    """Values as text that reads back to the same float (whole numbers without ``.0``)."""
    value = pl.col("value")
    whole = (value == value.floor()) & (value.abs() < 1e15)
    return (
        pl.when(whole).then(value.cast(pl.Int64).cast(pl.String)).otherwise(value.cast(pl.String))
    )
