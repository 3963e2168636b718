"""Size limits for data files: a hostile or broken file is refused before it is read."""

from __future__ import annotations

from dataclasses import dataclass, replace

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """Limits checked before a file is parsed.

    An XLSX file is a ZIP archive: its members' declared sizes and compression ratios are
    checked before openpyxl opens it (Python's zipfile never inflates a member past its
    declared size), and the sheet's declared dimensions before its rows are read.
    """

    max_csv_bytes: int = 200 * MB
    max_xlsx_bytes: int = 50 * MB
    #: Total of the uncompressed sizes of an XLSX archive's members.
    max_unpacked_bytes: int = 1024 * MB
    #: Uncompressed/compressed size of one member; real sheets stay well below 100.
    max_compression_ratio: float = 200.0
    #: Members smaller than this are not ratio-checked (tiny XML parts compress oddly).
    ratio_check_from_bytes: int = 1 * MB
    max_archive_members: int = 10_000
    max_cells: int = 10_000_000

    def with_max_file_bytes(self, size: int) -> ImportLimits:
        """The same limits with one maximum file size for CSV and XLSX (``--max-file-size``)."""
        return replace(self, max_csv_bytes=size, max_xlsx_bytes=size)


def megabytes(size: int) -> str:
    """A size for people: ``200.0 MB``, ``5.4 KB``, ``312 bytes``."""
    if size >= MB:
        return f"{size / MB:,.1f} MB"
    if size >= 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size:,} bytes"
