"""The tidy CSV format: ``series,period,value,unit,source_title,source_url,flags,note``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import polars as pl

from ...problems import data_files as says
from ...text import Text
from ..problems import DataFileError, file_problem
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
        if mapped.problems and len(header) == 1:
            _refuse_other_delimiter(header[0], path.name)
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


#: Separators that are not commas, as they are named in problems.
_DELIMITERS = {
    "\t": Text(ja="タブ", en="tabs"),
    ";": Text(ja="セミコロン", en="semicolons"),
    "|": Text(ja="縦線", en="bars"),
}


def _refuse_other_delimiter(header: str, file: str) -> None:
    """A one-column header holding a separator: a TSV or a ``;``-separated file."""
    found = [(header.count(d), d) for d in _DELIMITERS if d in header]
    if found:
        name = _DELIMITERS[max(found)[1]]
        raise file_problem(file, says.OTHER_DELIMITER(name=name), row=1)
