"""The 府省庁 code list: which bodies of the Government of Japan a record may name.

The list ships as ``ministries.yaml`` beside this module, in the government's order of
precedence (建制順). :func:`ministries` loads and checks it once; every layer that names a
ministry (a measure's lead and co-ministries, a series publisher, a user's membership) takes
its codes from here, so a misspelt code is caught where it is written, with a suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..text import Lang, Text

LIST_FILE = Path(__file__).with_name("ministries.yaml")

Kind = Literal[
    "cabinet_secretariat",
    "headquarters",
    "cabinet_office",
    "secretariat",
    "commission",
    "ministry",
    "agency",
    "local_offices",
]

KIND_LABELS: dict[Kind, Text] = {
    "cabinet_secretariat": Text(ja="内閣官房", en="Cabinet Secretariat"),
    "headquarters": Text(ja="本部", en="Headquarters"),
    "cabinet_office": Text(ja="内閣府", en="Cabinet Office"),
    "secretariat": Text(ja="事務局", en="Secretariat"),
    "commission": Text(ja="委員会", en="Commission"),
    "ministry": Text(ja="省", en="Ministry"),
    "agency": Text(ja="庁", en="Agency"),
    "local_offices": Text(ja="地方支分部局", en="Regional offices"),
}

CODE_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"


class Ministry(BaseModel):
    """One body: its code, official names, kind and the body it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=CODE_PATTERN)
    name: Text
    short: Text | None = None
    kind: Kind
    parent: str | None = None
    url: str = Field(pattern=r"^https://")
    aliases: tuple[str, ...] = ()

    def label(self, lang: Lang, *, short: bool = False) -> str:
        """The name to print: the official name, or the abbreviation in tight tables."""
        if short and self.short is not None:
            return self.short.get(lang)
        return self.name.get(lang)

    def spellings(self) -> set[str]:
        """Every way a text may write this body: code, names, abbreviations, aliases."""
        names = {self.code, self.name.ja, self.name.en, *self.aliases}
        if self.short is not None:
            names |= {self.short.ja, self.short.en}
        return {n for n in names if n}


class CodeListError(ValueError):
    """The shipped list itself is broken (duplicate code, unknown parent, loop)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("府省庁コード表 / ministry code list: " + "; ".join(problems))


class UnknownMinistryError(KeyError):
    """A code that is not in the list; says which codes come closest."""

    def __init__(self, code: str, suggestions: list[str]) -> None:
        self.code = code
        self.suggestions = suggestions
        super().__init__(code)

    def message(self, lang: Lang = "ja") -> str:
        close = ", ".join(self.suggestions)
        if lang == "ja":
            text = f"府省庁コード {self.code!r} はコード表にありません"
            return text + (f"（近いもの: {close}）" if close else "（ipkpi ministries で一覧）")
        text = f"ministry code {self.code!r} is not in the code list"
        return text + (f" (did you mean {close}?)" if close else " (see `ipkpi ministries`)")

    def __str__(self) -> str:
        return self.message("en")


class MinistryList:
    """The checked code list, in order of precedence, with look-ups by code and by name."""

    def __init__(self, bodies: Iterable[Ministry]) -> None:
        self._bodies = list(bodies)
        problems = _problems(self._bodies)
        if problems:
            raise CodeListError(problems)
        self._by_code = {m.code: m for m in self._bodies}
        self._order = {m.code: i for i, m in enumerate(self._bodies)}
        self._by_spelling = {s: m for m in self._bodies for s in m.spellings()}

    def __iter__(self) -> Iterator[Ministry]:
        return iter(self._bodies)

    def __len__(self) -> int:
        return len(self._bodies)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Ministry:
        """The body with ``code``; :class:`UnknownMinistryError` (with suggestions) if none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownMinistryError(code, self.suggest(code)) from None

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Codes that ``text`` may have meant: a code, a name or an abbreviation, misspelt."""
        if text in self._by_spelling:
            return [self._by_spelling[text].code]
        upper = text.upper()

        def closeness(code: str) -> tuple[bool, float]:
            # Swapped letters (MEIT for METI) first, then by likeness.
            ratio = difflib.SequenceMatcher(None, upper, code).ratio()
            return sorted(code) == sorted(upper), ratio

        scored = [(closeness(c), c) for c in self._by_code]
        codes = [c for score, c in sorted(scored, reverse=True) if score[1] >= 0.6][:n]
        names = difflib.get_close_matches(text, list(self._by_spelling), n=n, cutoff=0.6)
        found = dict.fromkeys(codes + [self._by_spelling[s].code for s in names])
        return list(found)[:n]

    def find(self, name: str) -> Ministry | None:
        """The body a text names exactly (code, official name, abbreviation or alias)."""
        return self._by_spelling.get(name.strip())

    def parent(self, code: str) -> Ministry | None:
        parent = self.get(code).parent
        return self._by_code[parent] if parent else None

    def lineage(self, code: str) -> list[Ministry]:
        """The body and the bodies above it, nearest first (JPO → METI)."""
        chain = [self.get(code)]
        while chain[-1].parent:
            chain.append(self._by_code[chain[-1].parent])
        return chain

    def ministry_of(self, code: str) -> Ministry:
        """The 府省 a body belongs to: itself if it stands alone, else its topmost parent."""
        return self.lineage(code)[-1]

    def children(self, code: str) -> list[Ministry]:
        self.get(code)
        return [m for m in self._bodies if m.parent == code]

    def sort_key(self, code: str) -> int:
        """Position in the order of precedence (建制順); unknown codes sort last."""
        return self._order.get(code, len(self._order))

    def sorted(self, codes: Iterable[str]) -> list[str]:
        return sorted(set(codes), key=lambda c: (self.sort_key(c), c))


def _problems(bodies: list[Ministry]) -> list[str]:
    problems: list[str] = []
    listed: set[str] = set()
    owners: dict[str, str] = {}
    for m in bodies:
        if m.code in listed:
            problems.append(f"{m.code}: code listed twice")
        for spelling in sorted(m.spellings()):
            other = owners.setdefault(spelling, m.code)
            if other != m.code:
                problems.append(f"{m.code}: name {spelling!r} is also {other}'s")
        # A parent comes before its bodies (the order of precedence), so no loop can form.
        if m.parent is not None and m.parent not in listed:
            problems.append(f"{m.code}: parent {m.parent!r} is not listed before it")
        listed.add(m.code)
    return problems


def parse_list(data: Mapping[str, Any]) -> MinistryList:
    """A code list from its YAML mapping; every problem at once as :class:`CodeListError`."""
    entries = data.get("bodies")
    if not isinstance(entries, list):
        raise CodeListError(["the file needs a list under 'bodies'"])
    bodies: list[Ministry] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        try:
            bodies.append(Ministry.model_validate(entry))
        except ValidationError as exc:
            code = entry.get("code", f"entry {number}") if isinstance(entry, dict) else number
            for error in exc.errors():
                field = ".".join(str(p) for p in error["loc"])
                problems.append(f"{code}: {field}: {error['msg']}")
    if problems:
        raise CodeListError(problems)
    return MinistryList(bodies)


@cache
def ministries() -> MinistryList:
    """The shipped code list (loaded and checked once)."""
    with LIST_FILE.open(encoding="utf-8") as fh:
        return parse_list(yaml.safe_load(fh))
