"""Downloads of a KPI's data table, exactly as the page shows it: CSV and Excel.

The header row is in the page's language; the CSV starts with a byte-order mark so that Excel
opens the Japanese text correctly.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .xlsx import workbook

DOWNLOAD_COLUMNS = (
    "series_id",
    "series",
    "role",
    "period",
    "value",
    "unit",
    "flags",
    "source",
    "source_url",
    "vintage",
    "note",
)


def _header(table: dict[str, Any], series_id_label: str) -> list[str]:
    labels = {c["key"]: c["label"] for c in table["columns"]}
    labels["series_id"] = series_id_label
    return [labels[key] for key in DOWNLOAD_COLUMNS]


def table_csv(table: dict[str, Any], series_id_label: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_header(table, series_id_label))
    for row in table["rows"]:
        writer.writerow([_csv_cell(row[key]) for key in DOWNLOAD_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: Any) -> Any:
    # repr keeps every digit of a float (what the JSON holds); the page rounds for reading.
    return repr(value) if isinstance(value, float) else value


def table_xlsx(table: dict[str, Any], series_id_label: str, title: str) -> bytes:
    rows = [_header(table, series_id_label)]
    rows.extend([row[key] for key in DOWNLOAD_COLUMNS] for row in table["rows"])
    return workbook(_sheet_title(title), rows)


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "data"
