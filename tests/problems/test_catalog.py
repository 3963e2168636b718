"""The template table: every code in both languages, with the same values, documented, used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ipkpi
from ipkpi.problems import CATALOG, Template, fields_of
from ipkpi.problems.catalog_doc import markdown

ROOT = Path(__file__).parents[2]
TEMPLATES = list(CATALOG)
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
SOURCE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in Path(ipkpi.__file__).parent.rglob("*.py")
    if path.parent.name != "problems"
)
CONSTANTS = {
    value.code: name
    for module in ("notation", "data_files", "observations", "inputs")
    for name, value in vars(__import__(f"ipkpi.problems.{module}", fromlist=["x"])).items()
    if isinstance(value, Template)
}


def test_there_is_a_table_and_codes_are_stable_names() -> None:
    assert len(TEMPLATES) > 100
    for template in TEMPLATES:
        assert re.fullmatch(r"[a-z]+(\.[a-z0-9_]+)+", template.code), template.code


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.code)
def test_every_code_has_both_languages_with_the_same_values(template: Template) -> None:
    assert template.en.strip() and template.ja.strip()
    assert bool(template.hint_en) == bool(template.hint_ja), "a hint in one language only"
    assert fields_of(template.en) == fields_of(template.ja)
    assert fields_of(template.hint_en) == fields_of(template.hint_ja)
    if template.ja != "{detail}":  # a wrapper whose words are the wrapped problem's
        assert JAPANESE.search(template.ja), template.ja
        assert template.ja != template.en


@pytest.mark.parametrize("code", sorted(CONSTANTS))
def test_every_code_is_used_by_the_code(code: str) -> None:
    # A wording nothing raises would be a promise the program does not keep.
    assert re.search(rf"\b{CONSTANTS[code]}\b", SOURCE), code


def test_the_page_of_codes_is_up_to_date() -> None:
    page = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert page == markdown(CATALOG), "run: python -m ipkpi.problems > docs/problems.md"


def test_a_template_refuses_missing_or_unknown_values() -> None:
    template = Template("test.example", "{a} and {b}", "{a}と{b}")
    with pytest.raises(TypeError, match="missing \\['b'\\]"):
        template(a=1)
    with pytest.raises(TypeError, match="unexpected \\['c'\\]"):
        template(a=1, b=2, c=3)
