"""Readers for the data files ipkpi imports, in an extendable list.

:func:`read_table` picks the first reader in :data:`READERS` that handles the file (by its
name and first bytes) and returns its rows as a :class:`RawTable` of text cells; checking the
values is :mod:`ipkpi.store.checking`'s job, the same for every format.
"""

from __future__ import annotations

from pathlib import Path

from ...problems import data_files as says
from ..problems import file_problem
from .base import COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ROW, RawTable, Reader, ReadOptions
from .csv_file import TidyCsvReader
from .sdmx_csv import SdmxCsvReader, from_sdmx_id, to_sdmx_id
from .xlsx_file import XlsxReader

#: Tried in order; the SDMX-CSV reader looks at the first column before the tidy CSV one.
READERS: list[type[Reader]] = [SdmxCsvReader, TidyCsvReader, XlsxReader]

__all__ = [
    "COLUMNS",
    "OPTIONAL_COLUMNS",
    "READERS",
    "REQUIRED_COLUMNS",
    "ROW",
    "RawTable",
    "ReadOptions",
    "Reader",
    "from_sdmx_id",
    "read_table",
    "reader_for",
    "to_sdmx_id",
]


def reader_for(path: Path) -> Reader:
    if not path.is_file():
        raise file_problem(path.name, says.NO_SUCH_FILE(path=str(path)))
    with path.open("rb") as handle:
        head = handle.read(4096)
    for reader in READERS:
        if reader.handles(path, head):
            return reader()
    suffixes = sorted({s for r in READERS for s in r.suffixes})
    raise file_problem(
        path.name, says.UNKNOWN_TYPE(suffix=path.suffix, suffixes=", ".join(suffixes))
    )


def read_table(path: Path, options: ReadOptions | None = None) -> RawTable:
    return reader_for(path).read(path, options or ReadOptions())
