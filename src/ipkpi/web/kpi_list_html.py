"""The KPI lists of the home, progress, part and section pages as HTML, made here rather than
by the Jinja macros ``kpi_table`` and ``kpi_tiles`` (``_macros.html`` calls these).

A 10,000-KPI site lists every KPI on its home page (a tile), its progress page and its part
and section pages (a table row), in both languages: ~80,000 rows, each a dozen attribute
lookups, filters and escapes in Jinja. One pattern per table and language is filled here
instead, with the same escaping (``markupsafe.escape``, and :func:`.render.local` for texts
that may be in the other language), so the bytes are those the macros gave
(``tests/web/test_kpi_list_html.py`` renders both and compares).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from .badge import badge

Local = Callable[[Any], Markup]
Link = Callable[..., str]


def _label(ui: Mapping[str, str], key: str) -> str:
    """A label put into a pattern: escaped, its braces doubled for ``str.format``."""
    return str(escape(ui[key])).replace("{", "{{").replace("}", "}}")


def _latest(row: Mapping[str, Any], awaiting: str | None) -> str:
    """The latest value and its period; in a table (``awaiting``: the label of a KPI with
    no data yet) also its flags and that label; a tile (None) shows neither."""
    text = f'<span class="value">{escape(row["latest"])}</span>'
    if row["latest_period"]:
        text += f' <span class="period">({escape(row["latest_period"])})</span>'
    if awaiting is None:
        return text
    if row["latest_flags"]:
        text += f' <span class="flags">{"; ".join(escape(f) for f in row["latest_flags"])}</span>'
    if row["awaiting"]:
        text += f' <span class="awaiting">{awaiting}</span>'
    return text


def kpi_table(
    rows: Sequence[Mapping[str, Any]],
    caption: Any,
    ui: Mapping[str, str],
    link: Link,
    local: Local,
    show_part: bool = False,
    caption_hidden: bool = False,
) -> Markup:
    """The table of ``rows`` (:func:`.pages.common.kpi_row`), as the ``kpi_table`` macro."""
    label = {k: _label(ui, k) for k in ("part", "kind", "latest", "target", "verdict")}
    hidden = ' class="visually-hidden"' if caption_hidden else ""
    # (a part's cell opens its line: Jinja's lstrip_blocks took the indent before its {% if %})
    part_head = f'<th scope="col" class="opt">{escape(ui["part"])}</th>' if show_part else ""
    out = [
        '<div class="table-scroll">\n<table class="kpis stack">\n'
        f"  <caption{hidden}>{escape(caption)}</caption>\n"
        "  <thead><tr>\n"
        f'    <th scope="col">{escape(ui["kpi"])}</th>\n'
        f'{part_head}    <th scope="col" class="opt">{escape(ui["kind"])}</th>\n'
        f'    <th scope="col">{escape(ui["latest"])}</th>\n'
        f'    <th scope="col">{escape(ui["target"])}</th>\n'
        f'    <th scope="col" class="verdict-col">{escape(ui["verdict"])}</th>\n'
        "  </tr></thead>\n  <tbody>\n"
    ]
    part_cell = f'<td class="opt" data-label="{label["part"]}">{{}}</td>' if show_part else ""
    pattern = (
        '    <tr data-part="{}" data-kind="{}" data-tone="{}">\n'
        '      <th scope="row"><a href="{}">{}</a></th>\n'
        f'{part_cell}      <td class="opt" data-label="{label["kind"]}">{{}}</td>\n'
        f'      <td class="latest" data-label="{label["latest"]}">{{}}</td>\n'
        f'      <td data-label="{label["target"]}">{{}}</td>\n'
        f'      <td data-label="{label["verdict"]}">{{}}{{}}</td>\n'
        "    </tr>\n"
    )
    awaiting = str(escape(ui["data_wait"]))
    for k in rows:
        cells: list[Any] = [
            escape(k["part_id"]),
            escape(k["kind"]),
            escape(k["tone"]),
            escape(link("kpi", kpi_id=k["id"])),
            local(k["title"]),
        ]
        if show_part:
            cells.append(local(k["part_title"]))
        agreement = k["agreement"]
        cells += [
            escape(k["kind_label"]),
            _latest(k, awaiting),
            local(k["goal"]),
            badge(k["tone"], k["status_label"], k["method_label"]),
            f'<p class="agreement">{escape(agreement)}</p>' if agreement else "",
        ]
        out.append(pattern.format(*cells))
    if not rows:
        columns = 6 if show_part else 5
        out.append(f'    <tr><td colspan="{columns}">{escape(ui["none"])}</td></tr>\n')
    out.append("  </tbody>\n</table>\n</div>")
    return Markup("".join(out))


def spark(points: str) -> Markup:
    """A sparkline's ``<svg>`` from its polyline points ("" for none), as the macro."""
    if not points:
        return Markup("")
    return Markup(
        '<svg class="spark" viewBox="0 0 100 24" width="100" height="24" aria-hidden="true" '
        'focusable="false" preserveAspectRatio="none"><polyline points="{}" fill="none" '
        'stroke="#0b5cad" stroke-width="2" vector-effect="non-scaling-stroke"/></svg>'
    ).format(points)


def kpi_tiles(rows: Sequence[Mapping[str, Any]], link: Link, local: Local) -> Markup:
    """The home page's tiles of ``rows``, as the ``kpi_tiles`` macro."""
    out = ['<ul class="tiles">\n']
    for k in rows:
        out.append(
            f'  <li class="tile tone-{escape(k["tone"])}">\n'
            f'    <a class="tile-title" href="{escape(link("kpi", kpi_id=k["id"]))}">'
            f"{local(k['title'])}</a>\n"
            f'    <span class="tile-verdict">{badge(k["tone"], k["status_label"])}</span>\n'
            f'    <span class="tile-latest">{_latest(k, None)}</span>\n'
            f"    {spark(k['spark'])}\n"
            "  </li>\n"
        )
    out.append("</ul>")
    return Markup("".join(out))
