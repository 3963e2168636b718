"""A Frictionless Data Package: ``datapackage.json`` describing ``observations.csv`` and
``series.csv`` with table schemas (types, required fields, keys), so ``frictionless validate``
checks the data as published.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl

from ...files import write_text
from ...spreadsheet import neutralised
from ...units import UnitError, unit
from ..observation import FLAGS, TIDY_COLUMNS
from .table import ExportContext, value_text

PERIOD_PATTERN = (
    r"\d{4}|FY\d{4}(-H[12]|-Q[1-4])?|\d{4}-H[12]|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2])(-\d{2})?"
)
FLAGS_PATTERN = rf"(({'|'.join(FLAGS)})(;({'|'.join(FLAGS)}))*)?"

_DESCRIPTIONS = {
    "series": "Series id (ipkpi plan)",
    "period": (
        "Period: 2024, FY2024 (April–March), 2024-H1, 2024-Q1, FY2024-H1 (April–September), "
        "FY2024-Q1 (April–June), 2024-03 or 2024-03-15"
    ),
    "value": "Value in the series' unit",
    "unit": "Unit code (ipkpi.units), e.g. jpy_cho = 兆円",
    "source_title": "Publication the value was read in",
    "source_url": "Address of the source",
    "flags": "Caveats, ';'-separated: " + ", ".join(FLAGS),
    "note": "Note (as written, usually Japanese)",
    "note_en": "Note in English",
    "series_label": "Series label",
    "series_label_ja": "Series label (Japanese)",
    "series_label_en": "Series label (English)",
    "vintage": "The vintage (release of data) the value comes from: vintages.csv",
}
VINTAGE_COLUMNS = ("id", "recorded_at", "files")


def write_datapackage(
    frame: pl.DataFrame, output: Path | None, context: ExportContext
) -> list[Path]:
    """Write ``datapackage.json``, ``observations.csv`` and ``series.csv`` into ``output``."""
    if output is None:
        raise ValueError("a Data Package export needs an output folder (-o DIR)")
    output.mkdir(parents=True, exist_ok=True)
    observations = output / "observations.csv"
    write_text(
        observations,
        neutralised(frame.with_columns(value_text().alias("value"))).write_csv(),
        encoding="utf-8",
    )
    series = output / "series.csv"
    write_text(series, neutralised(series_table(frame, context)).write_csv(), encoding="utf-8")
    written = [observations, series]
    if context.vintages:
        vintages = output / "vintages.csv"
        table = pl.DataFrame(
            list(context.vintages), schema=dict.fromkeys(VINTAGE_COLUMNS, pl.String)
        )
        write_text(vintages, neutralised(table).write_csv(), encoding="utf-8")
        written.append(vintages)
    descriptor = output / "datapackage.json"
    write_text(
        descriptor,
        json.dumps(package(frame, context), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return [descriptor, *written]


def series_table(frame: pl.DataFrame, context: ExportContext) -> pl.DataFrame:
    rows = []
    for code, unit_code in frame.select("series", "unit").unique().sort("series").iter_rows():
        label = context.label(code)
        info = context.catalog.get(code)
        rows.append(
            {
                "id": code,
                "label_ja": label.ja,
                "label_en": label.en,
                "unit": unit_code,
                "unit_label_ja": _unit_label(unit_code, "ja"),
                "unit_label_en": _unit_label(unit_code, "en"),
                "frequency": info.frequency if info else "",
            }
        )
    columns = ["id", "label_ja", "label_en", "unit", "unit_label_ja", "unit_label_en", "frequency"]
    return pl.DataFrame(rows, schema=dict.fromkeys(columns, pl.String))


def package(frame: pl.DataFrame, context: ExportContext) -> dict[str, Any]:
    created = context.generated_at or dt.datetime.now(dt.UTC)
    as_of = f" as known on {context.as_of}" if context.as_of else ""
    described = _package(frame, context, created, as_of)
    if context.vintages:
        described["resources"].append(_vintages_resource())
        if "vintage" in frame.columns:
            keys = described["resources"][0]["schema"]["foreignKeys"]
            keys.append(
                {"fields": ["vintage"], "reference": {"resource": "vintages", "fields": ["id"]}}
            )
    return described


def _vintages_resource() -> dict[str, Any]:
    about = {
        "id": "The vintage's name: its date, or date and time when its day has several",
        "recorded_at": "When it was recorded (UTC)",
        "files": "The files imported",
    }
    return {
        "name": "vintages",
        "path": "vintages.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": n, "type": "string", "description": about[n]} for n in VINTAGE_COLUMNS
            ],
            "missingValues": [""],
            "primaryKey": ["id"],
        },
    }


def _package(
    frame: pl.DataFrame, context: ExportContext, created: dt.datetime, as_of: str
) -> dict[str, Any]:
    return {
        "name": "ipkpi-observations",
        "title": f"知的財産推進計画 KPI observations{as_of}",
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": [
            {
                "name": "observations",
                "path": "observations.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field(name) for name in frame.columns],
                    "missingValues": [""],
                    "primaryKey": ["series", "period"],
                    "foreignKeys": [
                        {
                            "fields": ["series"],
                            "reference": {"resource": "series", "fields": ["id"]},
                        }
                    ],
                },
            },
            {
                "name": "series",
                "path": "series.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": "id", "type": "string", "constraints": {"required": True}},
                        *(
                            {"name": n, "type": "string"}
                            for n in (
                                "label_ja",
                                "label_en",
                                "unit",
                                "unit_label_ja",
                                "unit_label_en",
                                "frequency",
                            )
                        ),
                    ],
                    "missingValues": [""],
                    "primaryKey": ["id"],
                },
            },
        ],
    }


def _field(name: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": "number" if name == "value" else "string"}
    field["description"] = _DESCRIPTIONS.get(name, name)
    if name in TIDY_COLUMNS[:3]:
        field["constraints"] = {"required": True}
    if name == "period":
        field["constraints"]["pattern"] = PERIOD_PATTERN
    if name == "flags":
        field["constraints"] = {"pattern": FLAGS_PATTERN}
    return field


def _unit_label(code: str, lang: str) -> str:
    try:
        symbol = unit(code).symbol
    except UnitError:
        return code
    return symbol.ja if lang == "ja" else symbol.en
