"""Checks on an XLSX file's ZIP archive before anything inflates it.

A zip bomb declares (or hides) a huge uncompressed size behind a tiny file. The central
directory's declared sizes are checked here: each member's size and compression ratio, the
total, the number of members. Python's zipfile never inflates a member past its declared
size (and fails on a CRC mismatch), so a member that lies about its size cannot get past
the declared total either. Every member is then read once, in chunks, so a bad CRC or damaged
compressed data is named (with the member) before openpyxl starts; an archive without
``[Content_Types].xml`` is not a workbook.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ...problems import data_files as says
from ...text import Text
from ..limits import ImportLimits, megabytes
from ..problems import file_problem

CONTENT_TYPES = "[Content_Types].xml"
_CHUNK = 1 << 20


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
    if CONTENT_TYPES not in {m.filename for m in members}:
        raise file_problem(file, says.XLSX_NOT_WORKBOOK())
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
    _check_members(path, file)


def _check_members(path: Path, file: str) -> None:
    """Every member inflates and matches its CRC (read in chunks, within the sizes checked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                try:
                    with archive.open(member) as stream:
                        while stream.read(_CHUNK):
                            pass
                except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                    detail = _damage(exc)
                    damaged = says.XLSX_MEMBER_DAMAGED(member=member.filename, detail=detail)
                    raise file_problem(file, damaged) from None
    except (zipfile.BadZipFile, OSError):
        raise file_problem(file, says.ZIP_DAMAGED()) from None


def _damage(exc: Exception) -> Text:
    if "CRC" in str(exc):
        return Text(ja="CRC が合いません", en="its CRC does not match")
    if isinstance(exc, NotImplementedError):
        return Text(ja="未対応の圧縮方式です", en="an unsupported compression method")
    return Text(ja="圧縮データを展開できません", en="its compressed data cannot be inflated")
