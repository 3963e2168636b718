"""Reading a CSV file into text columns: fast with polars, exact with the csv module.

polars parses the file; when it refuses one (a ragged or unterminated row), the csv module
reads it again to say which rows are wrong and how. Row numbers are line numbers (the header
is row 1 unless comment lines come before it), recounted exactly when a quoted value spans
lines.

Line breaks are LF, CRLF or CR alone (old Mac OS and some exports write bare CR).

Lines starting with ``#`` before the header are comments: the dashboard's CSV downloads carry
the KPI's wording, target, verdict, date and sources there, and send back as they are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from ...problems import Problem
from ...problems import data_files as says
from ..limits import megabytes
from ..problems import DataFileError, file_problem
from .base import ROW, ReadOptions
from .encoding import decode

_HEADER_CHARS = 1 << 20


def read_delimited(path: Path, options: ReadOptions) -> tuple[list[str], pl.DataFrame, int]:
    """The header, the rows (columns named by position) and the header's line number."""
    file = path.name
    size = path.stat().st_size
    limit = options.limits.max_csv_bytes
    if size > limit:
        raise file_problem(file, says.TOO_LARGE(size=megabytes(size), limit=megabytes(limit)))
    data = path.read_bytes()
    text, encoding = decode(data, file, options.encoding)
    bare_cr = text.count("\r") != text.count("\r\n")
    if bare_cr:  # classic Mac OS line endings (CR alone): read as line breaks
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise file_problem(file, says.EMPTY())
    comments, text = _leading_comments(text)
    if not text or text.isspace():
        raise file_problem(file, says.EMPTY())
    header = next(csv.reader(io.StringIO(text[:_HEADER_CHARS])))
    _check_truncation(text, len(header), file, comments)
    if comments or bare_cr:
        utf8 = text.encode()
    else:
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
            row_index_offset=2 + comments,
        )
    except pl.exceptions.PolarsError:
        raise DataFileError(_diagnose(utf8.decode(), len(header), file, comments)) from None
    if frame.height == 0:
        raise file_problem(file, says.HEADER_ONLY())
    quoted = b'"' in utf8
    if quoted and any(frame[c].str.contains("\n", literal=True).any() for c in names):
        lines = [comments + n for n in _record_lines(utf8.decode())[1:]]
        frame = frame.with_columns(pl.Series(ROW, lines, pl.Int64))
    return header, frame, comments + 1


def _leading_comments(text: str) -> tuple[int, str]:
    """How many lines before the header start with ``#``, and the text without them."""
    count = start = 0
    while text.startswith("#", start):
        end = text.find("\n", start)
        if end < 0:
            return count + 1, ""
        count, start = count + 1, end + 1
    return count, text[start:] if count else text


def _check_truncation(text: str, width: int, file: str, skipped: int = 0) -> None:
    """A last row cut short without a line break: the file was most likely truncated."""
    if text.endswith(("\n", "\r")):
        return
    last_line = text[text.rfind("\n") + 1 :]
    try:
        fields = next(csv.reader([last_line], strict=True), [])
    except csv.Error:
        fields = []
    row = text.count("\n") + 1 + skipped
    if 0 < len(fields) < width or (last_line.count('"') % 2 == 1):
        raise file_problem(file, says.TRUNCATED(fields=len(fields), width=width), row=row)


def _record_lines(text: str) -> list[int]:
    """The line each record starts on."""
    reader = csv.reader(io.StringIO(text))
    starts: list[int] = []
    previous = 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _diagnose(text: str, width: int, file: str, skipped: int = 0) -> list[Problem]:
    """Every malformed row, found by the csv module (run only when polars refused the file)."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text), strict=True)
    line = 1 + skipped
    try:
        for record in reader:
            if record and len(record) != width:
                ragged = says.RAGGED(fields=len(record), width=width)
                problems.append(ragged.at(file, line, value=",".join(record)[:80]))
            line = reader.line_num + 1 + skipped
    except csv.Error as exc:
        problems.append(says.UNREADABLE_CSV.at(file, line, detail=str(exc)))
    if not problems:
        problems.append(says.UNPARSEABLE_CSV.at(file))
    return problems
