"""What every reader produces: a table of text cells in the tidy columns, with row numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

import polars as pl

from ...problems import Message
from ..limits import ImportLimits

if TYPE_CHECKING:
    from .sdmx_foreign import SdmxSeriesMap

#: The tidy format's columns; the first three are required.
REQUIRED_COLUMNS: tuple[str, ...] = ("series", "period", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "unit",
    "source_title",
    "source_url",
    "flags",
    "note",
    "note_en",
)
COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: The column holding each row's number in the file (1 = the header).
ROW = "_row"


@dataclass(frozen=True)
class ReadOptions:
    sheet: str | None = None
    encoding: str | None = None
    limits: ImportLimits = field(default_factory=ImportLimits)
    #: SDMX-CSV of another structure: which of its series keys are which ipkpi series.
    sdmx_map: SdmxSeriesMap | None = None


@dataclass
class RawTable:
    """A data file's rows as text, in the tidy columns (missing optional columns are absent).

    ``cells`` maps a column to its spreadsheet letter, so problems can name the cell.
    ``bare_year_is_fiscal`` is set when the period column is headed 年度 (fiscal year).
    """

    file: str
    format: str
    frame: pl.DataFrame
    bare_year_is_fiscal: bool = False
    cells: dict[str, str] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)


class Reader(Protocol):
    """A file format ipkpi imports. Add a class to :data:`ipkpi.store.importers.READERS`."""

    format: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    @classmethod
    def handles(cls, path: Path, head: bytes) -> bool:
        """Whether this reader reads ``path``, whose first bytes are ``head``."""
        ...

    def read(self, path: Path, options: ReadOptions) -> RawTable: ...
