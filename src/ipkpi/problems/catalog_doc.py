"""``docs/problems.md``: every problem code with its wording in English and Japanese."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Template

_LAYERS = {
    "plan": "Plan files",
    "table": "Tables for `ipkpi assess-table`",
    "file": "Data files: the file as a whole",
    "encoding": "Data files: text encodings",
    "csv": "Data files: CSV",
    "header": "Data files: the header",
    "xlsx": "Data files: XLSX workbooks",
    "data": "Data files: rows and cells",
    "sdmx": "Data files: SDMX-CSV and series maps",
    "store": "The store and the dates of vintages",
    "withdraw": "Withdrawals",
    "period": "Periods",
    "era": "Japanese eras",
    "unit": "Units",
    "flag": "Flags",
    "hint": "Hints shared by several problems",
}


def markdown(templates: Iterable[Template]) -> str:
    """The page: one table per layer, each row a code, its wording and its hint."""
    by_layer: dict[str, list[Template]] = {}
    for template in templates:
        by_layer.setdefault(template.code.split(".")[0], []).append(template)
    lines = [
        "# Problem codes / 問題コード",
        "",
        "Every problem ipkpi reports (plan files, data files, imports, withdrawals, the",
        "`assess-table` inputs) has a stable code and its wording in English and Japanese. The",
        "command line shows the code after each problem (`[data.value.not_number]`), the import",
        "page keeps it in `data-code`, a JSON response in `code`. `{name}` stands for a value",
        "of the problem (a row number, a series id…).",
        "",
        "This page is generated from the template table (`src/ipkpi/problems/`):",
        "`python -m ipkpi.problems > docs/problems.md`; a test fails when it is out of date or",
        "when a code lacks either language.",
        "",
    ]
    for layer in sorted(by_layer, key=lambda k: list(_LAYERS).index(k) if k in _LAYERS else 99):
        lines += [f"## {_LAYERS.get(layer, layer)}", ""]
        lines += ["| code | English | 日本語 |", "|---|---|---|"]
        for t in sorted(by_layer[layer], key=lambda t: t.code):
            en = _cell(t.en, t.hint_en)
            ja = _cell(t.ja, t.hint_ja)
            lines.append(f"| `{t.code}` | {en} | {ja} |")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str, hint: str) -> str:
    return _plain(text) + (f" — *{_plain(hint)}*" if hint else "")


def _plain(text: str) -> str:
    """A template as readers see it: ``{name!r}`` as ``'{name}'``, braces unescaped."""
    text = re.sub(r"\{(\w+)!r\}", r"'{\1}'", text)
    return text.replace("|", "\\|").replace("{{", "{").replace("}}", "}")
