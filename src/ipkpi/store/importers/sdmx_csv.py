"""SDMX-CSV (2.0, and 1.0's ``DATAFLOW`` first column): ipkpi's own, and others' with a map.

The columns are SERIES, TIME_PERIOD, OBS_VALUE and the attributes UNIT_MEASURE, FLAGS, NOTE,
SOURCE_TITLE and SOURCE_URL. SDMX ids may not contain ``.``, so a series id is written with
``@`` for each dot (``ipx.content_overseas`` → ``ipx@content_overseas``). Rows whose ACTION
is ``D`` (delete) are refused: the store never deletes a value; an ACTION other than
``I``, ``A``, ``R`` (or blank) is refused too. Files of another structure
(more dimensions than SERIES) are read through a series map: :mod:`.sdmx_foreign`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import polars as pl

from ...problems import Problem
from ...problems import observations as says
from ..problems import DataFileError
from .base import ROW, RawTable, ReadOptions
from .columns import map_header, normalise
from .delimited import read_delimited
from .sdmx_foreign import is_own_structure, read_foreign

#: The SDMX-CSV actions that add or replace values (information, append, replace).
_ACTIONS = ("", "I", "A", "R")
_FIRST_COLUMN = re.compile(rb'^(?:\xef\xbb\xbf)?"?(STRUCTURE(\[.\])?|DATAFLOW)"?[,;]')
SDMX_ID_DOT = "@"


def to_sdmx_id(series: str) -> str:
    return series.replace(".", SDMX_ID_DOT)


def from_sdmx_id(code: str) -> str:
    return code.replace(SDMX_ID_DOT, ".")


class SdmxCsvReader:
    format: ClassVar[str] = "sdmx-csv"
    suffixes: ClassVar[tuple[str, ...]] = (".csv",)

    @classmethod
    def handles(cls, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in cls.suffixes and bool(_FIRST_COLUMN.match(head))

    def read(self, path: Path, options: ReadOptions) -> RawTable:
        header, frame, header_row = read_delimited(path, options)
        foreign = options.sdmx_map is not None or not is_own_structure(header)
        problems: list[Problem] = []
        actions = [i for i, name in enumerate(header) if normalise(name) == "action"]
        if actions:
            action = pl.col(f"c{actions[0]}").fill_null("").str.strip_chars().str.to_uppercase()
            odd = frame.filter(~action.is_in(_ACTIONS)).select(ROW, action.alias("action"))
            problems += [
                Problem(
                    says.SDMX_DELETION() if code == "D" else says.SDMX_UNKNOWN_ACTION(),
                    path.name,
                    row,
                    "ACTION",
                    code,
                )
                for row, code in odd.head(1000).iter_rows()
            ]
        if problems:
            raise DataFileError(problems)
        if foreign:
            tidy, warnings = read_foreign(path.name, header, frame, options.sdmx_map)
            return RawTable(path.name, self.format, tidy, warnings=warnings)
        mapped = map_header(header, path.name, header_row)
        if mapped.problems:
            raise DataFileError(mapped.problems)
        columns = [pl.col(f"c{i}").alias(name) for name, i in mapped.positions.items()]
        table = frame.select(pl.col(ROW), *columns)
        table = table.with_columns(pl.col("series").str.replace_all(SDMX_ID_DOT, ".", literal=True))
        return RawTable(path.name, self.format, table, warnings=mapped.warnings)
