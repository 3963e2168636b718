"""What an import changes: each row of a checked file against the latest stored value.

A row is *new* when its series and period have no value yet, *revised* when its value or
flags differ from the stored ones, or when it gives a note or a source that differs from the
stored one; otherwise it is *unchanged*. A file without notes or sources (a bare 確報 table)
does not revise the provenance of values it confirms. A value equals the stored one when they
differ by no more than 1e-12 of their size (float rounding after a unit conversion is not a
revision).
"""

from __future__ import annotations

import polars as pl

NEW, REVISED, UNCHANGED = "new", "revised", "unchanged"
_COMPARED = ("flags", "note", "note_en", "source_title", "source_url")
RELATIVE_TOLERANCE = 1e-12


def diff(
    rows: pl.DataFrame, latest: pl.DataFrame, source_title: str | None, source_url: str | None
) -> pl.DataFrame:
    """``rows`` with a ``status`` column, and ``old_value`` for revised rows.

    ``latest`` holds the stored series, period, value, flags, note and sources (a row without
    a source already shows its vintage's). A row without a source takes the import's.
    """
    effective = rows.with_columns(
        pl.col("source_title").fill_null(pl.lit(source_title, pl.String)).alias("_title"),
        pl.col("source_url").fill_null(pl.lit(source_url, pl.String)).alias("_url"),
    )
    if latest.height == 0:
        return effective.drop("_title", "_url").with_columns(
            pl.lit(NEW).alias("status"), pl.lit(None, pl.Float64).alias("old_value")
        )
    old = latest.select(
        "series",
        "period",
        pl.col("value").alias("old_value"),
        *(pl.col(c).alias(f"_old_{c}") for c in _COMPARED),
    )
    joined = effective.join(old, on=["series", "period"], how="left", maintain_order="left")
    size = pl.max_horizontal(pl.col("value").abs(), pl.col("old_value").abs())
    same_value = (pl.col("value") - pl.col("old_value")).abs() <= size * RELATIVE_TOLERANCE
    same = (
        same_value
        & pl.col("flags").eq_missing(pl.col("_old_flags"))
        & _same_if_given("note", "_old_note")
        & _same_if_given("note_en", "_old_note_en")
        & _same_if_given("_title", "_old_source_title")
        & _same_if_given("_url", "_old_source_url")
    )
    status = (
        pl.when(pl.col("old_value").is_null())
        .then(pl.lit(NEW))
        .when(same)
        .then(pl.lit(UNCHANGED))
        .otherwise(pl.lit(REVISED))
    )
    return joined.with_columns(status.alias("status")).drop(
        "_title", "_url", *(f"_old_{c}" for c in _COMPARED)
    )


def _same_if_given(new: str, old: str) -> pl.Expr:
    return pl.col(new).is_null() | pl.col(new).eq_missing(pl.col(old))
