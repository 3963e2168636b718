"""Exports in the tidy format: CSV, XLSX and JSON (grouped by series)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import polars as pl

from ...files import atomic_path, write_text
from ...spreadsheet import neutralised
from ...units import UnitError, unit
from .table import ExportContext, value_text


def write_csv(frame: pl.DataFrame, output: Path | None, context: ExportContext) -> list[Path]:
    """UTF-8 CSV (no BOM), readable back by ``ipkpi data import``; stdout when no path."""
    text = neutralised(frame.with_columns(value_text().alias("value"))).write_csv()
    if output is None:
        sys.stdout.write(text)
        return []
    write_text(output, text, encoding="utf-8")
    return [output]


def write_xlsx(frame: pl.DataFrame, output: Path | None, context: ExportContext) -> list[Path]:
    import openpyxl

    if output is None:
        raise ValueError("an XLSX export needs an output file (-o FILE.xlsx)")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("observations")
    sheet.append(frame.columns)
    for row in frame.iter_rows():
        sheet.append(list(row))
    with atomic_path(output) as temp:
        workbook.save(temp)
    return [output]


def write_json(frame: pl.DataFrame, output: Path | None, context: ExportContext) -> list[Path]:
    text = json.dumps(json_document(frame, context), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return []
    write_text(output, text, encoding="utf-8")
    return [output]


def json_document(frame: pl.DataFrame, context: ExportContext) -> dict[str, Any]:
    """``{"as_of", "generated_at", "series": [{id, label, unit, observations: [...]}]}``."""
    series: list[dict[str, Any]] = []
    for (code,), rows in frame.group_by("series", maintain_order=True):
        label = context.label(str(code))
        first = rows.row(0, named=True)
        series.append(
            {
                "id": code,
                "label": label.get(context.lang)
                if context.lang
                else {"ja": label.ja, "en": label.en},
                "unit": first["unit"],
                "unit_label": _unit_label(first["unit"], context),
                "observations": [
                    {
                        "period": r["period"],
                        "value": r["value"],
                        "flags": r["flags"].split(";") if r["flags"] else [],
                        "note": r["note"],
                        "note_en": r["note_en"],
                        "source_title": r["source_title"],
                        "source_url": r["source_url"],
                    }
                    for r in rows.iter_rows(named=True)
                ],
            }
        )
    return {
        "as_of": str(context.as_of) if context.as_of else None,
        "generated_at": context.generated_at.isoformat() if context.generated_at else None,
        "series": series,
    }


def _unit_label(code: str, context: ExportContext) -> Any:
    try:
        symbol = unit(code).symbol
    except UnitError:
        return code
    return symbol.get(context.lang) if context.lang else {"ja": symbol.ja, "en": symbol.en}
