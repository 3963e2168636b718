"""Named, versioned vocabularies of the follow-up cycle: Check classes, Act directions, …

A vocabulary is named and versioned (``check@1``); a review cycle pins the versions it uses,
so a cycle judged with F keeps its F even after a later version drops it. Crosswalks map a
term to the matching term of another vocabulary (None: no counterpart). A term is read from a
filled template by its code or by its label in either language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ..text import Lang, Text

VOCABULARY_FILE = Path(__file__).with_name("vocabularies.yaml")


class Term(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    label: Text
    definition: Text


class Vocabulary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: int
    title: Text
    terms: tuple[Term, ...]
    crosswalk: dict[str, dict[str, str | None]] = {}

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"

    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def term(self, code: str) -> Term:
        return next(t for t in self.terms if t.code == code)

    def read(self, text: str) -> str | None:
        """The code a cell means: a code or a label in either language; None if no term."""
        value = text.strip()
        for term in self.terms:
            if value in (term.code, term.label.ja, term.label.en):
                return term.code
        return None

    def label(self, code: str, lang: Lang) -> str:
        return self.term(code).label.get(lang)

    def labels(self, lang: Lang) -> list[str]:
        return [t.label.get(lang) for t in self.terms]

    def map_to(self, other: str, code: str) -> str | None:
        """The term of vocabulary ``other`` (``check@2``) that ``code`` corresponds to."""
        return self.crosswalk.get(other, {}).get(code)


class UnknownVocabularyError(KeyError):
    def __str__(self) -> str:
        return f"unknown vocabulary {self.args[0]!r}: use one of {', '.join(vocabularies())}"


@cache
def vocabularies() -> dict[str, Vocabulary]:
    """Every shipped vocabulary by key (``check@1``)."""
    with VOCABULARY_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    found = [Vocabulary.model_validate(v) for v in data["vocabularies"]]
    return {v.key: v for v in found}


def vocabulary(key: str) -> Vocabulary:
    try:
        return vocabularies()[key]
    except KeyError:
        raise UnknownVocabularyError(key) from None


DEFAULT_PINS: dict[str, str] = {
    "check": "check@1",
    "act": "act@1",
    "delay": "delay@1",
    "response": "response@1",
}
