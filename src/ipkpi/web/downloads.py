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

from ..spreadsheet import safe_row, safe_rows
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


_Made = tuple[Mapping[str, Any], Lang, list[list[Any]], list[tuple[str, str]]]
_last: list[_Made] = []


def _made(page: Mapping[str, Any], lang: Lang) -> tuple[list[list[Any]], list[tuple[str, str]]]:
    """The table's cells and the :func:`about` lines of ``page`` in ``lang``. The static build
    writes a page's CSV and then its Excel file from the same page data (one object, not
    changed once built): the second takes what the first made. The page is held with them,
    so no other page can be taken for it (``is``)."""
    last = _last[0] if _last else None
    if last is not None and last[0] is page and last[1] == lang:
        return last[2], last[3]
    cells = [_cells(row) for row in page["table"]["rows"]]
    lines = about(page, lang)
    _last[:] = [(page, lang, cells, lines)]
    return cells, lines


def table_csv(page: Mapping[str, Any], lang: Lang) -> bytes:
    cells, lines = _made(page, lang)
    out = io.StringIO()
    for label, text in lines:
        out.write(f"# {label}: {text}\r\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_row(headers(lang)))
    # repr keeps every digit of a float (what the JSON holds); the page rounds for reading.
    writer.writerows(safe_rows(cells))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(page: Mapping[str, Any], lang: Lang) -> bytes:
    cells, lines = _made(page, lang)
    rows = [headers(lang), *cells]
    described = [[UI["download_item"].get(lang), UI["download_text"].get(lang)]]
    described += [[label, text] for label, text in lines]
    return workbook(
        [
            Sheet(UI["download_data_sheet"].get(lang), rows, freeze_header=True),
            Sheet(
                UI["download_about_sheet"].get(lang), described, freeze_header=True, max_width=100
            ),
        ]
    )
