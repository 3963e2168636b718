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

from ...problems import data_files as says
from ..limits import ImportLimits, megabytes
from ..problems import file_problem


def check_archive(path: Path, limits: ImportLimits) -> None:
    file = path.name
    size = path.stat().st_size
    if size > limits.max_xlsx_bytes:
        limit = megabytes(limits.max_xlsx_bytes)
        raise file_problem(file, says.XLSX_TOO_LARGE(size=megabytes(size), limit=limit))
    if size == 0:
        raise file_problem(file, says.EMPTY_XLSX())
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise file_problem(file, says.ZIP_DAMAGED()) from None
    if len(members) > limits.max_archive_members:
        raise file_problem(file, says.XLSX_MEMBERS(count=f"{len(members):,}"))
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            member.file_size >= limits.ratio_check_from_bytes
            and ratio > limits.max_compression_ratio
        ):
            bomb = says.ZIP_BOMB(
                member=member.filename,
                ratio=f"{ratio:,.0f}",
                packed=megabytes(member.compress_size),
                unpacked=megabytes(member.file_size),
            )
            raise file_problem(file, bomb)
        if total > limits.max_unpacked_bytes:
            limit = megabytes(limits.max_unpacked_bytes)
            raise file_problem(file, says.UNPACKS_TOO_LARGE(limit=limit))
