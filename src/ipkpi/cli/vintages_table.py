"""What ``ipkpi data vintages`` prints: the store's imports as a table, in ja or en."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table

from ..text import Lang

if TYPE_CHECKING:
    from ..store.observation import StoredVintage

#: Each column's header (ja, en) and whether it holds a number (right-aligned).
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("番号", "No.", True),
    ("記録（UTC）", "Recorded (UTC)", False),
    ("ファイル", "File", False),
    ("形式", "Format", False),
    ("行数", "Rows", True),
    ("新規", "New", True),
    ("改訂", "Revised", True),
    ("SHA-256", "SHA-256", False),
)


def title(count: int, lang: Lang) -> str:
    """「データ版 2 件」 / "2 vintages" ("1 vintage", "No vintages yet")."""
    if lang == "ja":
        return f"データ版 {count:,} 件" if count else "データ版はまだありません"
    if count == 0:
        return "No vintages yet"
    return f"{count:,} vintage" if count == 1 else f"{count:,} vintages"


def vintages_table(found: Sequence[StoredVintage], lang: Lang) -> Table:
    table = Table(title=title(len(found), lang))
    for ja, en, number in COLUMNS:
        table.add_column(  # a narrow terminal folds a file name, it does not cut it
            ja if lang == "ja" else en, justify="right" if number else "left", overflow="fold"
        )
    table.columns[-1].no_wrap = True  # the digits shown are never folded
    for v in found:
        table.add_row(
            str(v.id),
            v.recorded_at.strftime("%Y-%m-%d %H:%M:%S"),
            v.file_name,
            v.file_format,
            f"{v.row_count:,}",
            f"{v.new_count:,}",
            f"{v.revised_count:,}",
            v.sha256[:8],
        )
    return table
