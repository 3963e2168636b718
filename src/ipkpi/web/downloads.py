"""Downloads of a KPI's data that keep their meaning when forwarded and that come back.

Both files hold the page's data table, one row per observation, under headers the importer
knows (``系列ID, 期間, 値, 単位, フラグ, 出典, 出典URL, 備考, 備考(英語)`` in Japanese; ``series,
period, value, unit, flags, source_title, source_url, note_ja, note_en`` in English) or reads
past without a warning (the series' name, its role, the flags' meaning, the vintage). So a
downloaded file, corrected and sent back (``ipkpi data import`` or the import page), changes
exactly the values that were edited: every other row is unchanged, values are written with
all their digits, units as the page shows them (百万アクセス/月), flags by their names.

What the numbers are travels with them: the KPI's wording, target, deadline, headline
verdict, the data's date and the sources. The CSV has them in comment lines (``# …``) before
the header (the importer skips them); the Excel file on a second sheet (説明 / about). The
CSV starts with a byte-order mark so that Excel opens the Japanese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from ..spreadsheet import neutralise, safe_row
from ..text import Lang
from .ui_strings import UI
from .xlsx import Sheet, workbook

#: (row key, Japanese header, English header), in the file's order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("series_id", "系列ID", "series"),
    ("series", "系列名", "series_label"),
    ("role", "役割", "role"),
    ("period", "期間", "period"),
    ("value", "値", "value"),
    ("unit", "単位", "unit"),
    ("flag_ids", "フラグ", "flags"),
    ("flags", "フラグの意味", "flag_labels"),
    ("source", "出典", "source_title"),
    ("source_url", "出典URL", "source_url"),
    ("note_ja", "備考", "note_ja"),
    ("note_en", "備考(英語)", "note_en"),
    ("vintage", "データ版", "vintage"),
)


def headers(lang: Lang) -> list[str]:
    return [ja if lang == "ja" else en for _key, ja, en in COLUMNS]


def _cells(row: Mapping[str, Any]) -> list[Any]:
    return [";".join(row[key]) if key == "flag_ids" else row[key] for key, _ja, _en in COLUMNS]


def about(page: Mapping[str, Any], lang: Lang) -> list[tuple[str, str]]:
    """What the file holds, as (label, text) lines in the page's language."""
    kpi, headline = page["kpi"], page["headline"]
    word = {key: UI[f"download_{key}"].get(lang) for key in _ABOUT_KEYS}
    lines = [
        (word["kpi"], f"{kpi['title']} ({kpi['id']})"),
        (word["plan"], page["plan"]["title"]),
        (word["wording"], kpi["wording"]),
        *((f["label"], f["value"]) for f in kpi["facts"]),
        (word["latest"], " ".join(x for x in (kpi["latest"], kpi["latest_period"]) if x)),
        (word["verdict"], f"{headline['status_label']} ({headline['method_label']})"),
        (word["why"], headline["explanation"]),
        (word["as_of"], _as_of(page, lang)),
        (word["sources"], "; ".join(_source(s) for s in page["sources"])),
        (word["how"], word["how_text"]),
    ]
    return [(label, " ".join(str(text).split())) for label, text in lines]


_ABOUT_KEYS = [
    "kpi",
    "plan",
    "wording",
    "latest",
    "verdict",
    "why",
    "as_of",
    "sources",
    "how",
    "how_text",
]


def _as_of(page: Mapping[str, Any], lang: Lang) -> str:
    vintage = page["vintage"]
    if vintage is None:
        return UI["download_no_data"].get(lang)
    latest = page["vintages"][0]["id"] if page["vintages"] else vintage
    note = "" if vintage == latest else f" ({UI['download_past'].get(lang)} {latest})"
    return str(vintage).replace("T", " ") + note


def _source(source: Mapping[str, Any]) -> str:
    return f"{source['title']} <{source['url']}>" if source["url"] else str(source["title"])


def table_csv(page: Mapping[str, Any], lang: Lang) -> bytes:
    out = io.StringIO()
    for label, text in about(page, lang):
        out.write(f"# {label}: {text}\r\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_row(headers(lang)))
    # repr keeps every digit of a float (what the JSON holds); the page rounds for reading.
    writer.writerows(
        [neutralise(repr(v) if isinstance(v, float) else v) for v in _cells(row)]
        for row in page["table"]["rows"]
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(page: Mapping[str, Any], lang: Lang) -> bytes:
    rows = [headers(lang), *(_cells(row) for row in page["table"]["rows"])]
    described = [[UI["download_item"].get(lang), UI["download_text"].get(lang)]]
    described += [[label, text] for label, text in about(page, lang)]
    return workbook(
        [
            Sheet(UI["download_data_sheet"].get(lang), rows, freeze_header=True),
            Sheet(
                UI["download_about_sheet"].get(lang), described, freeze_header=True, max_width=100
            ),
        ]
    )
