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

_ROW = (
    "      <tr{flagged}>\n"
    '        <th scope="row">{series}</th>\n'
    '        <td data-label="{role_label}">{role}</td>\n'
    '        <td data-label="{period_label}">{period}</td>\n'
    '        <td class="num" data-label="{value_label}" data-value="{value}">{value_text}</td>\n'
    '        <td data-label="{unit_label}">{unit_text}</td>\n'
    '        <td class="flags-cell" data-label="{flags_label}">{flags}</td>\n'
    '        <td class="wrap-anywhere" data-label="{source_label}">{source}</td>\n'
    '        <td data-label="{vintage_label}">{vintage}</td>\n'
    '        <td class="wrap-anywhere" data-label="{note_label}">{note}</td>\n'
    "      </tr>\n"
)
_LABELS = ("role", "period", "value", "unit", "flags", "source", "vintage", "note")


def table_rows(
    rows: Sequence[Mapping[str, Any]], ui: Mapping[str, str], local: Callable[[Any], Markup]
) -> Markup:
    """The ``<tr>`` of every row of a KPI page's data table (``page.table.rows``), each line
    indented and ended as ``kpi.html`` lays them out."""
    labels = {f"{key}_label": escape(ui[key]) for key in _LABELS}
    out: list[str] = []
    for r in rows:
        url = r["source_url"]
        if url:
            source = f'<a href="{escape(url)}">{local(r["source"] or url)}</a>'
        else:
            source = str(local(r["source"]))
        out.append(
            _ROW.format(
                flagged=' class="flagged"' if r["flags"] else "",
                series=local(r["series"]),
                role=escape(r["role"]),
                period=escape(r["period"]),
                value=escape(r["value"]),
                value_text=escape(r["value_text"]),
                unit_text=escape(r["unit_text"]),
                flags=escape(r["flags"]),
                source=source,
                vintage=escape(r["vintage"]),
                note=local(r["note"]),
                **labels,
            )
        )
    return Markup("".join(out))
