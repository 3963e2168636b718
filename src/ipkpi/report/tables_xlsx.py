"""The follow-up's tables as one XLSX: KPI進捗 (per section) and 実施状況一覧, ja or en."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..cycle.tables import KPI_KEYS

STATUS_KEYS = ("number", "measure", "ministry", "status", "check", "act")


def render_tables_xlsx(data: dict[str, Any]) -> bytes:
    """Both tables of ``report_data``: one row per KPI and per measure and ministry."""
    words = data["words"]
    kc, sc = data["annex"]["kpi_columns"], data["annex"]["status_columns"]
    book = Workbook()
    kpis = book.active
    assert kpis is not None
    kpis.title = words["kpi_table"][:31]
    section = "節" if data["lang"] == "ja" else "Section"
    kpis.append([section, *[kc[k] for k in KPI_KEYS], words["source"]])
    measures = book.create_sheet(words["measures"][:31])
    measures.append([section, *[sc[k] for k in STATUS_KEYS]])
    for page in data["pages"]:
        where = f"{page['part']} / {page['title']}"
        for row in page["kpi_table"]:
            kpis.append(
                [where, *[row[k] for k in KPI_KEYS], " / ".join(page["sources"].get(row["id"], []))]
            )
        for row in page["measures"]:
            measures.append([where, *[row[k] for k in STATUS_KEYS]])
    for sheet, widths in (
        (kpis, (30, 36, 22, 24, 30, 24, 24, 30, 50)),
        (measures, (30, 8, 60, 24, 60, 10, 12)),
    ):
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "B2"
    note = book.create_sheet(words["rollup"][:31])
    note.append([data["cycle_line"]])
    note.append([data["annex"]["policy"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
