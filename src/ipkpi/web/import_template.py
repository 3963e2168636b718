"""The data templates the import page offers: one row per series of the plan, values blank.

The tidy columns (``series,period,value,unit,source_title,source_url,flags,note``) come first;
the series' names follow in ``series_label_ja`` and ``series_label_en``, columns the importer
skips without a warning, so a filled-in template imports as it is. Nothing is made up: only the
series id, its unit and its names are filled in.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ..plan import Plan
from ..spreadsheet import safe_row
from ..units import UnitError, unit

COLUMNS = ("series", "period", "value", "unit", "source_title", "source_url", "flags", "note")
LABEL_COLUMNS = ("series_label_ja", "series_label_en")
HEADER = (*COLUMNS, *LABEL_COLUMNS)
_GUIDE = (
    ("このファイルの使い方", "How to use this file"),
    (
        "1. シート「data」の value 列に値を、period 列に期間を記入します（値の無い行は削除）。",
        "1. On the sheet 'data', write each value and its period (delete rows without a value).",
    ),
    (
        "2. 期間: 2024（暦年）、2024年度・FY2024・令和6年度（年度）、"
        "2024年3月、2024年第1四半期など。",
        "2. Periods: 2024 (calendar year), 2024年度, FY2024 or 令和6年度 (fiscal year), "
        "2024年3月, 2024Q1…",
    ),
    (
        "3. 単位: 系列の単位のままか、同じ種類の別の単位（兆円の系列に億円など）。換算されます。",
        "3. Units: the series' unit, or another of the same kind (億円 for a 兆円 series): "
        "values are converted.",
    ),
    (
        "4. ダッシュボードの「データ取込」ページから送信し、確認してから取り込みます。",
        "4. Upload it on the dashboard's Import data page, check the preview, then import.",
    ),
)


def unit_text(code: str) -> str:
    """The Japanese symbol of a unit (兆円) when it reads back as the same unit, else its code."""
    try:
        symbol = unit(code).symbol.ja
        return symbol if symbol and unit(symbol).code == unit(code).code else code
    except UnitError:
        return code


def template_rows(plan: Plan) -> list[tuple[str, ...]]:
    """One row per series of the plan, in the plan's order; each series once."""
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for _kpi, series in plan.all_series():
        if series.id in seen:
            continue
        seen.add(series.id)
        blank = ("",) * (len(COLUMNS) - 4)  # source_title … note
        rows.append(
            (series.id, "", "", unit_text(series.unit), *blank, series.label.ja, series.label.en)
        )
    return rows


def template_csv(plan: Plan) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Japanese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(safe_row(row) for row in template_rows(plan))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def template_xlsx(plan: Plan) -> bytes:
    """The same table on the sheet ``data`` (read first), a short guide on ``使い方``."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in template_rows(plan):
        sheet.append([value or None for value in row])
    widths = {"A": 34, "B": 12, "C": 12, "D": 10, "E": 24, "F": 30, "G": 12, "H": 20}
    for letter, width in {**widths, "I": 36, "J": 36}.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("使い方")
    for ja, en in _GUIDE:
        guide.append([ja])
        guide.append([en])
        guide.append([])
    guide.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
