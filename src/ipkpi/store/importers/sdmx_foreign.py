"""SDMX-CSV from other producers (UNSD, OECD, Eurostat, ESCAP…), read through a series map.

Their files name a series by its key, the values of the dimension columns before
``TIME_PERIOD`` (``A.JP.SE_TOT_PRFL``), in their own code lists. A map file says which keys
are ipkpi series::

    key,series,unit
    A.JPN.GB_XPD_RSDV,ipx.rd_share,percent

``unit`` (optional) is the ipkpi unit the file's values are in after ``UNIT_MULT`` is applied
(``UNIT_MULT`` 8 on yen values and unit ``jpy`` gives yen; the store converts to the series'
unit); blank means the series' own unit. Rows of keys not in the map are skipped and counted,
so a file of every country can be imported for Japan's rows. ``OBS_STATUS`` (the SDMX
cross-domain code list) becomes ipkpi flags; a value missing with status ``M``, ``L``, ``O``
or ``Z`` (missing, not collected, not applicable) is skipped, any other missing value is an
error like in every other file.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import polars as pl

from ...problems import Message, Problem
from ...problems import observations as says
from ...text import Text
from ..problems import DataFileError, file_problem
from .base import ROW
from .columns import normalise

#: SDMX cross-domain OBS_STATUS codes and the ipkpi flags they carry (A, normal: none).
OBS_STATUS_FLAGS: dict[str, str] = {
    "A": "",
    "B": "break_in_series",
    "D": "uncertain",  # definition differs
    "E": "estimate",
    "F": "estimate",  # forecast
    "I": "estimate",  # imputed
    "P": "provisional",
    "U": "uncertain",  # low reliability
}
#: Statuses of a value that is absent: such rows are skipped, not refused.
ABSENT_STATUSES = frozenset({"M", "L", "O", "Z"})
#: Columns that describe the message, not a dimension of the series key.
_NOT_DIMENSIONS = frozenset(
    {"structure", "structure_id", "structure_name", "action", "dataflow", "dataflow_name"}
)
_NOTE_COLUMNS = ("obs_comment", "comment", "comment_obs", "note")
_SHOWN_KEYS = 5
#: UNIT_MULT is a power of ten; SDMX's code list (CL_UNIT_MULT) stays well within ±30.
MAX_UNIT_MULT = 30


@dataclass(frozen=True)
class MappedSeries:
    series: str
    unit: str | None = None


@dataclass(frozen=True)
class SdmxSeriesMap:
    """SDMX series keys → ipkpi series, read from a ``key,series[,unit]`` CSV file."""

    file: str
    entries: Mapping[str, MappedSeries]
    sha256: str

    @classmethod
    def read(cls, path: Path | str) -> SdmxSeriesMap:
        path = Path(path)
        if not path.is_file():
            raise file_problem(path, says.SDMX_MAP_MISSING(path=str(path)))
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:  # a map saved by Excel on a Japanese Windows, like the data files
                text = data.decode("cp932")
            except UnicodeDecodeError:
                raise file_problem(path, says.SDMX_MAP_ENCODING()) from None
        rows = list(csv.reader(io.StringIO(text)))
        if not rows:
            raise file_problem(path, says.SDMX_MAP_EMPTY())
        header = [normalise(h) for h in rows[0]]
        missing = [c for c in ("key", "series") if c not in header]
        if missing:
            listed = ", ".join(map(repr, rows[0]))
            raise file_problem(
                path, says.SDMX_MAP_NO_COLUMN(columns=_joined(missing), headers=listed)
            )
        at = {name: header.index(name) for name in ("key", "series", "unit") if name in header}
        problems: list[Problem] = []
        entries: dict[str, MappedSeries] = {}
        first_row: dict[str, int] = {}
        for number, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            cells = {name: (row[i].strip() if i < len(row) else "") for name, i in at.items()}
            key, series = cells["key"], cells["series"]
            if not key or not series:
                empty = "key" if not key else "series"
                problems.append(says.SDMX_MAP_BLANK.at(path.name, number, empty, name=empty))
                continue
            if key in entries:
                again = says.SDMX_MAP_REPEATED(first=first_row[key])
                problems.append(Problem(again, path.name, number, "key", key))
                continue
            entries[key] = MappedSeries(series, cells.get("unit") or None)
            first_row[key] = number
        if problems:
            raise DataFileError(problems)
        if not entries:
            raise file_problem(path, says.SDMX_MAP_NO_ROWS())
        return cls(path.name, entries, hashlib.sha256(data).hexdigest())


def dimension_positions(header: list[str]) -> list[int]:
    """The dimension columns of an SDMX-CSV header: those before TIME_PERIOD."""
    names = [normalise(h) for h in header]
    end = names.index("time_period") if "time_period" in names else len(names)
    return [i for i in range(end) if names[i] not in _NOT_DIMENSIONS]


def is_own_structure(header: list[str]) -> bool:
    """ipkpi's own SDMX-CSV has exactly one dimension, SERIES, and needs no map."""
    names = [normalise(h) for h in header]
    if "time_period" not in names:  # not SDMX-shaped: the header check says what is missing
        return "series" in names
    return [names[i] for i in dimension_positions(header)] == ["series"]


def read_foreign(
    file: str, header: list[str], frame: pl.DataFrame, series_map: SdmxSeriesMap | None
) -> tuple[pl.DataFrame, list[Message]]:
    """The tidy text columns of a foreign SDMX-CSV table, and warnings."""
    names = [normalise(h) for h in header]
    dimensions = dimension_positions(header)
    if series_map is None:
        shown = ", ".join(header[i] for i in dimensions)
        example = _example_key(frame, dimensions)
        raise file_problem(file, says.SDMX_OTHER_STRUCTURE(dimensions=shown, example=example))
    problems: list[Problem] = []
    for needed in ("time_period", "obs_value"):
        if needed not in names:
            column = needed.upper()
            problems.append(says.SDMX_NO_COLUMN.at(file, 1, column, name=column))
    if problems:
        raise DataFileError(problems)

    def col(name: str) -> pl.Expr:
        return pl.col(f"c{names.index(name)}").fill_null("").str.strip_chars()

    def code(position: int) -> pl.Expr:  # "A: Annual" (labels=both) → "A"
        cell = pl.col(f"c{position}").fill_null("").str.strip_chars()
        return cell.str.split(":").list.first().str.strip_chars()

    key = pl.concat_str([code(i) for i in dimensions], separator=".") if dimensions else pl.lit("")
    status = col("obs_status") if "obs_status" in names else pl.lit("")
    multiplier = col("unit_mult") if "unit_mult" in names else pl.lit("")
    note_name = next((n for n in _NOTE_COLUMNS if n in names), None)
    table = frame.select(
        pl.col(ROW),
        key.alias("key"),
        col("time_period").alias("period"),
        col("obs_value").alias("value"),
        status.str.split(":").list.first().str.strip_chars().str.to_uppercase().alias("status"),
        multiplier.alias("unit_mult"),
        (col(note_name) if note_name else pl.lit(None, pl.String)).alias("note"),
    )
    keys_in_file = table["key"].unique()
    mapped_keys = [k for k in keys_in_file.to_list() if k in series_map.entries]
    if not mapped_keys:
        first = sorted(keys_in_file.to_list())[:_SHOWN_KEYS]
        none = says.SDMX_NO_KEY_MAPPED(
            count=keys_in_file.len(), map=series_map.file, keys=", ".join(first)
        )
        raise file_problem(file, none)
    skipped_keys = keys_in_file.len() - len(mapped_keys)
    table_all = table
    table = table.filter(pl.col("key").is_in(mapped_keys))
    is_absent = (pl.col("value") == "") & pl.col("status").is_in(sorted(ABSENT_STATUSES))
    absent = table.filter(is_absent)
    table = table.filter(~is_absent)

    known = sorted(OBS_STATUS_FLAGS)
    unknown = table.filter((pl.col("status") != "") & ~pl.col("status").is_in(known))
    problems += [
        Problem(says.SDMX_UNKNOWN_STATUS(known=", ".join(known)), file, row, "OBS_STATUS", code)
        for row, code in unknown.select(ROW, "status").iter_rows()
    ]
    # Only the rows with a multiplier go through exact decimal scaling, one by one.
    multiplied = table.filter(pl.col("unit_mult") != "").select(ROW, "value", "unit_mult")
    scaled = {
        row: _scaled(file, row, value, mult, problems)
        for row, value, mult in multiplied.iter_rows()
    }
    if problems:
        raise DataFileError(problems)
    flag_of = {code: flag or None for code, flag in OBS_STATUS_FLAGS.items()}
    table = table.with_columns(
        pl.col("status")
        .replace_strict(flag_of, default=None, return_dtype=pl.String)
        .alias("flags"),
        pl.col(ROW)
        .replace_strict(scaled, default=pl.col("value"), return_dtype=pl.String)
        .alias("value")
        if scaled
        else pl.col("value"),
    )
    units = {k: series_map.entries[k].unit for k in mapped_keys}
    tidy = table.select(
        pl.col(ROW),
        pl.col("key")
        .replace_strict({k: series_map.entries[k].series for k in mapped_keys})
        .alias("series"),
        pl.col("period"),
        pl.col("value"),
        pl.col("flags"),
        pl.col("note"),
    )
    if any(units.values()):
        tidy = tidy.with_columns(
            table["key"].replace_strict(units, return_dtype=pl.String).alias("unit")
        )
    warnings: list[Message] = []
    if skipped_keys:
        skipped_rows = table_all.height - table.height - absent.height
        rows, keys = _count(skipped_rows, "row"), _count(skipped_keys, "series key")
        warnings.append(says.SDMX_SKIPPED_KEYS(rows=rows, keys=keys))
    if absent.height:
        warnings.append(says.SDMX_SKIPPED_ABSENT(rows=_count(absent.height, "row")))
    return tidy, warnings


def _joined(columns: list[str]) -> Text:
    return Text(ja="・".join(columns), en=" and no ".join(columns))


def _count(number: int, noun: str) -> Text:
    """``3 rows`` in English, ``3`` in Japanese (the wording says what is counted)."""
    return Text(ja=f"{number:,}", en=f"{number:,} {noun}" + ("" if number == 1 else "s"))


def _scaled(file: str, row: int, value: str, mult: str, problems: list[Problem]) -> str:
    """``value`` × 10^``mult``, exactly (decimal), as text; problems are collected."""
    if not mult or not value:
        return value
    try:
        power = int(mult)
    except ValueError:
        power = MAX_UNIT_MULT + 1
    if abs(power) > MAX_UNIT_MULT:
        problems.append(Problem(says.SDMX_BAD_UNIT_MULT(), file, row, "UNIT_MULT", mult))
        return value
    try:
        return format(Decimal(value).scaleb(power), "f")
    except InvalidOperation:
        return value  # reported as a non-numeric value by the checks, like in any file


def _example_key(frame: pl.DataFrame, dimensions: list[int]) -> str:
    if frame.height == 0 or not dimensions:
        return "A.JPN.X"
    first = frame.row(0, named=True)
    return ".".join(str(first[f"c{i}"] or "").split(":")[0].strip() for i in dimensions)


def combined_sha256(file_sha256: str, series_map: SdmxSeriesMap | None) -> str:
    """A vintage's identity: the file, and the map it was read through (another map, another
    reading of the same file)."""
    if series_map is None:
        return file_sha256
    return hashlib.sha256(f"{file_sha256}+sdmx-map:{series_map.sha256}".encode()).hexdigest()
