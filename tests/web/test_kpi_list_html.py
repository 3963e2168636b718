"""The KPI lists written in Python (web/kpi_list_html.py) give the bytes the Jinja macros gave.

``fixtures/old_kpi_list_macros.html`` holds ``kpi_table``, ``spark`` and ``kpi_tiles`` as they
stood in ``_macros.html`` before they were moved to Python (main 86565f7), copied verbatim.
Every row of the test plan in both languages, and rows made to hit each branch (escaping, a
title in the other language, flags, no data yet, an agreement, no rows), are rendered by both
and compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.text import Lang
from ipkpi.web.pages.common import kpi_row
from ipkpi.web.present import LocalText
from ipkpi.web.render import environment, local
from ipkpi.web.ui_strings import ui_strings
from ipkpi.web.urls import StaticUrls

OLD_MACROS = (Path(__file__).parent / "fixtures" / "old_kpi_list_macros.html").read_text()


def _rows(provider: FollowUpProvider, lang: Lang) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [dict(kpi_row(s, lang)) for s in provider.get(None).kpis()]
    first = rows[0]
    odd = {
        **first,
        "title": LocalText('R&D <研究> "x"', "en" if lang == "ja" else "ja"),
        "part_title": LocalText("Part & <b>", "ja"),
        "goal": "≥ 5 & < 9",
        "kind_label": "<kind>",
        "latest": "1 < 2",
        "latest_period": "2024 & 2025",
        "latest_flags": ["速報値 <p>", "a & b"],
        "awaiting": True,
        "agreement": "3 of 4 <agree>",
        "spark": "0.0,1.0 100.0,23.0",
        "status_label": "on <track>",
        "method_label": "linear & co",
    }
    bare = {**first, "latest_period": "", "latest_flags": [], "awaiting": False}
    bare |= {"agreement": "", "spark": ""}
    return [*rows, odd, bare]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_kpi_tables_and_tiles_are_the_bytes_of_the_old_macros(
    provider: FollowUpProvider, lang: Lang
) -> None:
    urls = StaticUrls(StaticUrls.file("part", lang, None, "html", {"part_id": "p1"}))

    def link(name: str, **params: str) -> str:
        return urls.page(name, lang, None, "html", None, **params)

    context = {"ui": ui_strings(lang), "link": link, "local": local, "lang": lang}
    env = environment()
    old = env.from_string(
        OLD_MACROS + "{{ kpi_table(rows, caption, show_part, caption_hidden) }}|"
        "{{ kpi_tiles(rows) }}"
    )
    new = env.from_string(
        '{% import "_macros.html" as m with context %}'
        "{{ m.kpi_table(rows, caption, show_part, caption_hidden) }}|{{ m.kpi_tiles(rows) }}"
    )
    rows = _rows(provider, lang)
    assert len(rows) == 7  # the test plan's five KPIs and the two made here
    for chosen in (rows, rows[-2:], []):
        for show_part in (False, True):
            for hidden in (False, True):
                given = {"rows": chosen, "show_part": show_part, "caption_hidden": hidden}
                given["caption"] = "KPIs & <more>"
                made = new.render(**context, **given)
                # (the old source's blank lines between its macros print before them)
                assert made == old.render(**context, **given).lstrip("\n")
    sample = new.render(**context, rows=rows[-2:], caption="c", show_part=True, caption_hidden=True)
    assert "R&amp;D &lt;研究&gt; &#34;x&#34;" in sample  # escaped as Jinja escapes
    assert '<span class="flags">速報値 &lt;p&gt;; a &amp; b</span>' in sample
    assert 'class="fallback">Part &amp; &lt;b&gt;</span>' in sample
