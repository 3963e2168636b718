"""The shipped stylesheet parses as its author meant: every block it opens, it closes.

A ``@media`` block left open is silently closed by the browser at the end of the file, so every
rule written after it applies only at that width (the home page's tiles were once a bare bullet
list at 1366 px because the data-due block for narrow screens never closed).
"""

from __future__ import annotations

import re
from importlib import resources


def _depths(css: str) -> list[int]:
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    text = re.sub(r'"[^"]*"', '""', text)
    depth, seen = 0, []
    for char in text:
        if char in "{}":
            depth += 1 if char == "{" else -1
            seen.append(depth)
    return seen


def test_every_block_in_style_css_is_closed() -> None:
    css = resources.files("ipkpi.web").joinpath("static/style.css").read_text(encoding="utf-8")
    depths = _depths(css)
    assert min(depths) >= 0
    assert depths[-1] == 0


def test_an_unclosed_media_block_is_caught() -> None:
    assert _depths("@media (max-width: 40rem) { a { color: red; }\n.b { color: blue; }")[-1] == 1
