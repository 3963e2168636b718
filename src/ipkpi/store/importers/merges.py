"""Merged cells of a worksheet, which openpyxl's read-only mode does not report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import range_boundaries

_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


def read_merges(workbook: Any, worksheet: Any) -> list[Merge]:
    """The merged ranges of a read-only worksheet, read from its XML part.

    Uses openpyxl's private archive and part path: the read-only worksheet keeps both.
    """
    archive = getattr(workbook, "_archive", None)
    part = getattr(worksheet, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    merges: list[Merge] = []
    with archive.open(part) as source:
        for _event, element in ET.iterparse(source, events=("end",)):
            if element.tag == _MERGE_TAG:
                ref = element.get("ref")
                if ref and ":" in ref:
                    min_col, min_row, max_col, max_row = range_boundaries(ref)
                    merges.append(Merge(min_row - 1, min_col - 1, max_row - 1, max_col - 1))
            element.clear()
    return merges


def apply_merges(grid: list[list[str]], merges: list[Merge]) -> None:
    """Write each merged range's top-left value into its other cells (within the grid)."""
    for m in merges:
        if m.first_row >= len(grid) or m.first_col >= len(grid[m.first_row]):
            continue
        value = grid[m.first_row][m.first_col]
        for r in range(m.first_row, min(m.last_row, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(m.first_col, min(m.last_col, len(row) - 1) + 1):
                if not row[c]:
                    row[c] = value
