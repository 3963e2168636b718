"""Checks on an XLSX file's ZIP archive before anything inflates it.

A zip bomb declares (or hides) a huge uncompressed size behind a tiny file. The central
directory's declared sizes are checked here: each member's size and compression ratio, the
total, the number of members. Python's zipfile never inflates a member past its declared
size (and fails on a CRC mismatch), so a member that lies about its size cannot get past
the declared total either.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..limits import ImportLimits, megabytes
from ..problems import DataFileError, DataProblem

_HINT = "this is not a normal spreadsheet; save the data again from Excel, or export CSV"


def check_archive(path: Path, limits: ImportLimits) -> None:
    file = path.name
    size = path.stat().st_size
    if size > limits.max_xlsx_bytes:
        raise _error(
            file,
            f"the file is {megabytes(size)}, over the "
            f"{megabytes(limits.max_xlsx_bytes)} limit for XLSX",
            "export the data as CSV, or raise the limit with --max-file-size",
        )
    if size == 0:
        raise _error(file, "the file is empty", "give a saved XLSX workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise _error(
            file,
            "not a readable XLSX file (the ZIP archive is damaged or truncated)",
            "save or download the workbook again",
        ) from None
    if len(members) > limits.max_archive_members:
        raise _error(file, f"the archive has {len(members):,} members", _HINT)
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            member.file_size >= limits.ratio_check_from_bytes
            and ratio > limits.max_compression_ratio
        ):
            raise _error(
                file,
                f"{member.filename} inflates {ratio:,.0f}-fold "
                f"({megabytes(member.compress_size)} → {megabytes(member.file_size)}): "
                "a zip bomb",
                _HINT,
            )
        if total > limits.max_unpacked_bytes:
            raise _error(
                file,
                f"the archive unpacks to more than {megabytes(limits.max_unpacked_bytes)}",
                _HINT,
            )


def _error(file: str, reason: str, hint: str) -> DataFileError:
    return DataFileError([DataProblem(file, 0, "", "", reason, hint)])
