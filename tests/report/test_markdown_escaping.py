"""The Markdown report copies plan text as text: a hostile plan yields no raw HTML or links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.markdown_text import block, inline
from ipkpi.plan.loader import load_plan
from ipkpi.report import render_markdown, report_data

from ..web.conftest import WEBPLAN, make_store

ATTACK = "<script>alert(1)</script> [x](javascript:alert(1)) **b** | c"


def _poison(node: Any) -> Any:
    """Every Japanese and English text of the plan with the attack appended."""
    if isinstance(node, dict):
        return {
            k: (v + ATTACK if k in ("ja", "en") and isinstance(v, str) else _poison(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_poison(v) for v in node]
    return node


def test_a_hostile_plan_gives_no_raw_script(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(WEBPLAN, folder)
    for path in folder.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_poison(data), allow_unicode=True), encoding="utf-8")
    plan = load_plan(folder)
    store = make_store(tmp_path / "r.db", plan, folder)
    try:
        provider = FollowUpProvider(plan, StoreSource(store, plan))
        for lang in ("ja", "en"):
            text = render_markdown(report_data(provider.get(), provider.changes(), lang))
            assert "alert(1)&lt;/script&gt;" in text  # the plan's text is there, as text
            assert re.findall(r"<script", text, re.IGNORECASE) == []
            assert re.findall(r"(?<!\\)\]\(javascript:", text) == []  # only escaped brackets
    finally:
        store.close()


def test_inline_and_block_escape_markup() -> None:
    assert inline("a <b> & [c](d) *e* R&D") == r"a &lt;b&gt; & \[c\](d) \*e\* R&D"
    assert inline("x &amp; y\nz") == "x &amp;amp; y z"
    assert block("# title\n1. one\n- item") == "\\# title\n1\\. one\n\\- item"
