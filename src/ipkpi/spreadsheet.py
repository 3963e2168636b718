"""CSV cells a spreadsheet would run: neutralised on the way out, restored on the way in.

Excel, LibreOffice and Google Sheets read a cell starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula (OWASP "CSV injection"). Every CSV ipkpi writes puts an
apostrophe before such a text — ``=HYPERLINK(…)`` is written ``'=HYPERLINK(…)`` — so the
spreadsheet shows it as text. A number (``-5``, ``+1.5e3``) is left alone: it is a number to
the spreadsheet too. A text that already starts with apostrophes before such a character gets
one more, so that reading back is exact: the importer drops one apostrophe from any cell
written that way (:func:`restore`), and the download → edit → import round trip gives the
value back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

#: The characters a spreadsheet starts a formula with (or that hide one: tab, CR).
TRIGGERS = "=+-@\t\r"
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_ESCAPED = r"^'('*[=+\-@\t\r])"
_MAY_NEED = frozenset(TRIGGERS + "'")  # the first character of any text that needs a quote


def needs_quote(text: str) -> bool:
    """Would a spreadsheet run it (or is it a cell written that way already)?"""
    body = text.lstrip("'")
    if not body or body[0] not in TRIGGERS:
        return False
    return (body == text and not _NUMBER.fullmatch(text)) or body != text


def neutralise(value: object) -> object:
    """The cell as a CSV writes it: texts a spreadsheet would run get a leading apostrophe."""
    if isinstance(value, str) and value[:1] in _MAY_NEED and needs_quote(value):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [neutralise(v) for v in values]


def safe_rows(rows: Iterable[Iterable[object]]) -> list[list[object]]:
    """:func:`safe_row` of each row, a float as its ``repr`` (every digit: what a CSV writer
    writes for it), in one pass: a KPI's table has hundreds of cells and a static site one
    table a KPI and language."""
    may_need, quote = _MAY_NEED, needs_quote
    return [
        [
            ("'" + v if v[:1] in may_need and quote(v) else v)
            if isinstance(v, str)
            else neutralise(repr(v))
            if isinstance(v, float)
            else v
            for v in row
        ]
        for row in rows
    ]


def safe_dict(row: Mapping[str, object]) -> dict[str, object]:
    return {key: neutralise(value) for key, value in row.items()}


def restore(text: str) -> str:
    """A cell as it was before :func:`neutralise`."""
    return re.sub(_ESCAPED, r"\1", text, count=1)


def neutralised(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column of ``frame`` neutralised (numbers written as text stay numbers)."""
    import polars as pl  # the data package only: the CLI does not pay for Polars at start-up

    columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not columns:
        return frame
    return frame.with_columns(
        pl.when(
            pl.col(c).str.contains(r"^'*[=+\-@\t\r]")
            & ~pl.col(c).str.contains(f"^{_NUMBER.pattern}$")
        )
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in columns
    )


def restored(column: str) -> pl.Expr:
    """The polars expression of :func:`restore` for one text column."""
    import polars as pl

    return pl.col(column).str.replace(_ESCAPED, "${1}")
