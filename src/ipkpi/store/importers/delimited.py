"""Reading a CSV file into text columns: fast with polars, exact with the csv module.

polars parses the file; when it refuses one (a ragged or unterminated row), the csv module
reads it again to say which rows are wrong and how. Row numbers count records from the
header (row 1); they equal line numbers unless a quoted value spans lines, in which case
they are recounted exactly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from ..limits import megabytes
from ..problems import DataFileError, DataProblem
from .base import ROW, ReadOptions
from .encoding import decode

_HEADER_CHARS = 1 << 20


def read_delimited(path: Path, options: ReadOptions) -> tuple[list[str], pl.DataFrame]:
    """The header and the rows of a CSV file; the row columns are named by position."""
    file = path.name
    size = path.stat().st_size
    limit = options.limits.max_csv_bytes
    if size > limit:
        raise _error(
            file,
            0,
            f"the file is {megabytes(size)}, over the {megabytes(limit)} limit",
            "split the file, or raise the limit with --max-file-size",
        )
    data = path.read_bytes()
    text, encoding = decode(data, file, options.encoding)
    if not text or text.isspace():
        raise _error(file, 0, "the file is empty", "give a file with a header row and data rows")
    header = next(csv.reader(io.StringIO(text[:_HEADER_CHARS])))
    _check_truncation(text, len(header), file)
    utf8 = data.removeprefix(b"\xef\xbb\xbf") if encoding.startswith("utf-8") else text.encode()
    # Only the UTF-8 bytes are kept from here on (a large file is held once, not three times);
    # the rare paths that need the text decode it again.
    del data, text
    names = [f"c{i}" for i in range(len(header))]
    try:
        frame = pl.read_csv(
            utf8,
            has_header=True,
            new_columns=names,
            infer_schema=False,
            empty_string_is_null=False,
            truncate_ragged_lines=False,
            raise_if_empty=False,
            row_index_name=ROW,
            row_index_offset=2,
        )
    except pl.exceptions.PolarsError:
        raise DataFileError(_diagnose(utf8.decode(), len(header), file)) from None
    if frame.height == 0:
        raise _error(file, 0, "the file has a header but no rows", "add the observations")
    quoted = b'"' in utf8
    if quoted and any(frame[c].str.contains("\n", literal=True).any() for c in names):
        frame = frame.with_columns(pl.Series(ROW, _record_lines(utf8.decode())[1:], pl.Int64))
    return header, frame


def _check_truncation(text: str, width: int, file: str) -> None:
    """A last row cut short without a line break: the file was most likely truncated."""
    if text.endswith(("\n", "\r")):
        return
    last_line = text[text.rfind("\n") + 1 :]
    try:
        fields = next(csv.reader([last_line], strict=True), [])
    except csv.Error:
        fields = []
    row = text.count("\n") + 1
    if 0 < len(fields) < width or (last_line.count('"') % 2 == 1):
        raise _error(
            file,
            row,
            f"the last row has {len(fields)} of {width} columns and no line "
            "break: the file looks truncated",
            "export or download the file again",
        )


def _record_lines(text: str) -> list[int]:
    """The line each record starts on."""
    reader = csv.reader(io.StringIO(text))
    starts: list[int] = []
    previous = 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _diagnose(text: str, width: int, file: str) -> list[DataProblem]:
    """Every malformed row, found by the csv module (run only when polars refused the file)."""
    problems: list[DataProblem] = []
    reader = csv.reader(io.StringIO(text), strict=True)
    line = 1
    try:
        for record in reader:
            if record and len(record) != width:
                problems.append(
                    DataProblem(
                        file,
                        line,
                        "",
                        ",".join(record)[:80],
                        f"{len(record)} fields where the header has {width}",
                        "quote values that contain commas; fill or remove the extra fields",
                    )
                )
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(
            DataProblem(
                file,
                line,
                "",
                "",
                f"unreadable CSV: {exc}",
                "close the quoted value (the file may be truncated)",
            )
        )
    if not problems:
        problems.append(
            DataProblem(
                file,
                0,
                "",
                "",
                "the CSV could not be parsed",
                "check quoting and the number of fields per row",
            )
        )
    return problems


def _error(file: str, row: int, reason: str, hint: str) -> DataFileError:
    return DataFileError([DataProblem(file, row, "", "", reason, hint)])
