"""The tidy CSV format: ``series,period,value,unit,source_title,source_url,flags,note``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import polars as pl

from ..problems import DataFileError
from .base import ROW, RawTable, ReadOptions
from .columns import map_header
from .delimited import read_delimited


class TidyCsvReader:
    format: ClassVar[str] = "csv"
    suffixes: ClassVar[tuple[str, ...]] = (".csv", ".txt")

    @classmethod
    def handles(cls, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in cls.suffixes and not head.startswith(b"PK\x03\x04")

    def read(self, path: Path, options: ReadOptions) -> RawTable:
        header, frame, header_row = read_delimited(path, options)
        mapped = map_header(header, path.name, header_row)
        if mapped.problems:
            raise DataFileError(mapped.problems)
        columns = [pl.col(f"c{i}").alias(name) for name, i in mapped.positions.items()]
        return RawTable(
            file=path.name,
            format=self.format,
            frame=frame.select(pl.col(ROW), *columns),
            bare_year_is_fiscal=mapped.bare_year_is_fiscal,
            warnings=mapped.warnings,
        )
