"""The KPI page's data table rows as HTML, made here rather than in a Jinja loop.

A KPI page shows every observation of its series as a table row of nine cells; rendered by
Jinja each cell costs an attribute lookup, a filter call and an escape, ~15 % of the page's
HTML. The rows are written from one pattern per language instead, with the same escaping
(``markupsafe.escape``, and :func:`.render.local` for texts that may be in the other
language), so the page's bytes are those the template loop gave (``kpi.html`` calls it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

_LABELS = ("role", "period", "value", "unit", "flags", "source", "vintage", "note")


def _row_pattern(ui: Mapping[str, str]) -> str:
    """A row with the page's column labels in place and ``{}`` for each cell."""
    label = {key: str(escape(ui[key])).replace("{", "{{").replace("}", "}}") for key in _LABELS}
    return (
        "      <tr{}>\n"
        '        <th scope="row">{}</th>\n'
        f'        <td data-label="{label["role"]}">{{}}</td>\n'
        f'        <td data-label="{label["period"]}">{{}}</td>\n'
        f'        <td class="num" data-label="{label["value"]}" data-value="{{}}">{{}}</td>\n'
        f'        <td data-label="{label["unit"]}">{{}}</td>\n'
        f'        <td class="flags-cell" data-label="{label["flags"]}">{{}}</td>\n'
        f'        <td class="wrap-anywhere" data-label="{label["source"]}">{{}}</td>\n'
        f'        <td data-label="{label["vintage"]}">{{}}</td>\n'
        f'        <td class="wrap-anywhere" data-label="{label["note"]}">{{}}</td>\n'
        "      </tr>\n"
    )


def table_rows(
    rows: Sequence[Mapping[str, Any]], ui: Mapping[str, str], local: Callable[[Any], Markup]
) -> Markup:
    """The ``<tr>`` of every row of a KPI page's data table (``page.table.rows``), each line
    indented and ended as ``kpi.html`` lays them out."""
    row = _row_pattern(ui)
    out: list[str] = []
    known: dict[tuple[type, Any, Any], str] = {}  # a table's cells repeat (role, unit, vintage…)

    def cell(value: Any, escaped: Callable[[Any], Markup] = escape) -> str:
        """``escaped(value)``, once per value (and type and language) in the table."""
        key = (type(value), value, getattr(value, "lang", None))
        found = known.get(key)
        if found is None:
            found = known[key] = escaped(value)
        return found

    for r in rows:
        url = r["source_url"]
        if url:
            source = f'<a href="{cell(url)}">{cell(r["source"] or url, local)}</a>'
        else:
            source = cell(r["source"], local)
        out.append(
            row.format(
                ' class="flagged"' if r["flags"] else "",
                cell(r["series"], local),
                cell(r["role"]),
                cell(r["period"]),
                escape(r["value"]),
                escape(r["value_text"]),
                cell(r["unit_text"]),
                cell(r["flags"]),
                source,
                cell(r["vintage"]),
                cell(r["note"], local),
            )
        )
    return Markup("".join(out))
