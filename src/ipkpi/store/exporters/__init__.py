"""Exports of the store's observations, one writer per format, in an extendable mapping.

Every format writes the same rows (:func:`export_frame`): the latest values, or those known
at ``as_of``, with series labels in Japanese and English (or in one language, ``lang``).
CSV, XLSX and SDMX-CSV read back with ``ipkpi data import``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path

import polars as pl

from ...text import Lang
from ..catalog import SeriesCatalog
from ..store import AsOf, Store
from .datapackage import write_datapackage
from .sdmx import write_sdmx
from .table import ExportContext, export_frame
from .tidy import write_csv, write_json, write_xlsx

Writer = Callable[[pl.DataFrame, Path | None, ExportContext], list[Path]]

#: Format name → writer. csv and json write to stdout without an output path; sdmx-csv and
#: datapackage write several files into an output folder.
EXPORTERS: dict[str, Writer] = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "json": write_json,
    "sdmx-csv": write_sdmx,
    "datapackage": write_datapackage,
}
#: Formats whose output is a folder.
FOLDER_FORMATS = frozenset({"sdmx-csv", "datapackage"})

__all__ = ["EXPORTERS", "FOLDER_FORMATS", "ExportContext", "export_frame", "export_observations"]


def export_observations(
    store: Store,
    catalog: SeriesCatalog,
    format: str,
    output: Path | None,
    *,
    as_of: AsOf = None,
    lang: Lang | None = None,
    series: Collection[str] | None = None,
) -> list[Path]:
    """Write the observations in ``format``; the files written (none for stdout)."""
    writer = EXPORTERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}: use {', '.join(EXPORTERS)}")
    context = ExportContext(catalog, as_of, lang, dt.datetime.now(dt.UTC))
    return writer(export_frame(store, context, series), output, context)
