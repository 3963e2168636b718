"""Column headers: the tidy names and the Japanese and SDMX spellings of each."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...problems import Message, Problem
from ...problems import data_files as says
from .base import REQUIRED_COLUMNS

ALIASES: dict[str, tuple[str, ...]] = {
    "series": ("series", "series_id", "系列", "系列id", "系列コード"),
    "period": (
        "period",
        "time_period",
        "期間",
        "年度",
        "年",
        "時点",
        "期",
        "年月",
        "年月日",
        "year",
        "fiscal_year",
        "date",
    ),
    "value": ("value", "obs_value", "値", "数値", "実績", "実績値"),
    "unit": ("unit", "unit_measure", "単位"),
    "source_title": ("source_title", "source", "出典", "出典名", "出典タイトル", "資料", "資料名"),
    "source_url": ("source_url", "url", "出典url", "リンク"),
    "flags": ("flags", "flag", "フラグ"),
    "note": ("note", "notes", "note_ja", "注記", "備考", "注"),
    "note_en": ("note_en", "note_(en)", "english_note", "注記(英語)", "備考(英語)", "注(英語)"),
}
#: Period headers under which a bare year (2024) is a fiscal year.
FISCAL_HEADERS = frozenset({"年度", "fiscal_year"})
#: Columns read without a warning and not used: the label columns of ipkpi's own exports,
#: and editors' notes, which are for the editors of a file and never stored or published.
IGNORED = frozenset(
    {
        "editor_note",
        "editor_notes",
        "編集メモ",
        "編集者メモ",
        "内部メモ",
        "series_label",
        "series_label_ja",
        "series_label_en",
        "label",
        "系列名",
        "unit_label",
        "structure",
        "structure_id",
        "structure_name",
        "action",
        "dataflow",
        # the other columns of the dashboard's KPI downloads (ipkpi.web.downloads)
        "role",
        "役割",
        "flag_labels",
        "フラグの意味",
        "vintage",
        "データ版",
    }
)
_BY_NAME = {
    key: column
    for column, names in ALIASES.items()
    for name in names
    for key in (name, name.replace("_", ""))
}


def normalise(header: str) -> str:
    """A header as a lookup key: ``Source URL`` → ``source_url``, ``SERIES: 系列`` → ``series``."""
    text = unicodedata.normalize("NFKC", header).strip().lower()
    text = re.sub(r":\s.*$", "", text)  # SDMX-CSV "ID: label" headers
    return re.sub(r"\s+", "_", text)


def column_for(header: str) -> str | None:
    name = normalise(header)
    return _BY_NAME.get(name) or _BY_NAME.get(name.replace("_", ""))


@dataclass
class HeaderMap:
    """Which position holds which tidy column, and what was wrong with the header."""

    positions: dict[str, int] = field(default_factory=dict)
    bare_year_is_fiscal: bool = False
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def map_header(
    headers: list[str], file: str, row: int = 1, cells: list[str] | None = None
) -> HeaderMap:
    """Map a header row; ``cells`` gives each position's spreadsheet column letter."""
    found = HeaderMap()
    for position, header in enumerate(headers):
        if not header.strip():
            continue
        column = column_for(header)
        if column is None:
            if normalise(header) not in IGNORED:
                found.warnings.append(says.COLUMN_NOT_USED(header=header))
            continue
        if column in found.positions:
            first = headers[found.positions[column]]
            second = says.SECOND_COLUMN(column=column, first=first, second=header)
            cell = f"{cells[position]}{row}" if cells else ""
            found.problems.append(Problem(second, file, row, header, header, cell))
            continue
        found.positions[column] = position
        if column == "period" and normalise(header) in FISCAL_HEADERS:
            found.bare_year_is_fiscal = True
    for column in REQUIRED_COLUMNS:
        if column not in found.positions:
            names = " or ".join(repr(n) for n in ALIASES[column][:3])
            listed = ", ".join(map(repr, headers))
            missing = says.NO_COLUMN(column=column, names=names, headers=listed)
            found.problems.append(missing.at(file, row, column))
    return found
