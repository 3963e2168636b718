"""The KPI page's data table rows as HTML, made here rather than in a Jinja loop.

A KPI page shows every observation of its series as a table row of nine cells; rendered by
Jinja each cell costs an attribute lookup, a filter call and an escape, ~15 % of the page's
HTML. The rows are written from one pattern per language instead, with the same escaping
(``markupsafe.escape``, and :func:`.render.local` for texts that may be in the other
language), so the page's bytes are those the template loop gave (``kpi.html`` calls it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from .escaping import escape_plain, escape_text

_LABELS = ("role", "period", "value", "unit", "flags", "source", "vintage", "note")


@lru_cache(maxsize=16)
def _row_pattern(labels: tuple[str, ...]) -> str:
    """A row with the page's column labels (``_LABELS``' texts) in place and ``{}`` for each
    cell; one per language, remembered."""
    label = {
        key: escape_text(text).replace("{", "{{").replace("}", "}}")
        for key, text in zip(_LABELS, labels, strict=True)
    }
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


def peer_series(series: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The series of a KPI page (``page.series``) shown as peers, whose rows have a tbody of
    their own: ``series|selectattr('role', 'eq', 'peer')|list`` without a filter's cost."""
    return [s for s in series if s["role"] == "peer"]


def table_rows(
    rows: Sequence[Mapping[str, Any]],
    ui: Mapping[str, str],
    local: Callable[[Any], Markup],
    *,
    only: Collection[str] | None = None,
    leave_out: Collection[str] = (),
) -> Markup:
    """The ``<tr>`` of every row of a KPI page's data table (``page.table.rows``), each line
    indented and ended as ``kpi.html`` lays them out: the rows of the series ``only`` names
    (all when None), less those of the series in ``leave_out`` (the peers have a tbody of
    their own)."""
    row = _row_pattern(tuple(ui[key] for key in _LABELS))
    out: list[str] = []
    plain: dict[str, str] = {}  # a table's cells repeat (role, unit, vintage…)
    known: dict[tuple[type, Any, Any], str] = {}

    def cell(value: Any, escaped: Callable[[Any], Markup] = escape) -> str:
        """``escaped(value)``, once per value (and type and language) in the table; a plain
        ``str`` is escaped alike by ``escape`` and ``local``."""
        if type(value) is str:
            text = plain.get(value)
            if text is None:
                text = plain[value] = escape_plain(value)
            return text
        key = (type(value), value, getattr(value, "lang", None))
        found = known.get(key)
        if found is None:
            found = known[key] = escaped(value)
        return found

    if only is not None or leave_out:
        rows = [
            r
            for r in rows
            if (only is None or r["series_id"] in only) and r["series_id"] not in leave_out
        ]
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
                escape_text(r["value"]),
                escape_text(r["value_text"]),
                cell(r["unit_text"]),
                cell(r["flags"]),
                source,
                cell(r["vintage"]),
                cell(r["note"], local),
            )
        )
    return Markup("".join(out))
