"""One problem model for every layer: where, a stable code, the template's values, a hint.

A :class:`Template` is one entry of the template table: a stable code (``data.value.not_number``)
with its message and hint in Japanese and English, written with ``{name}`` fields. Calling
it with the values gives a :class:`Message`; :meth:`Template.at` gives a :class:`Problem`,
a message with where it happened (file, row or line, column, cell, value, key path). The
CLI, the web pages and the JSON API render the same problem with :meth:`Problem.text` in the
reader's language, so no wording exists in one language only.

A value is text, a number, a bilingual :class:`~ipkpi.text.Text` (a word that itself needs
translating, like a period kind) or another :class:`Message` (the detail of a nested
problem, like why a period could not be read).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeAlias

from ..text import Lang, Text

Value: TypeAlias = "str | int | float | Text | Message"


def fields_of(text: str) -> frozenset[str]:
    """The ``{name}`` fields a template text uses."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


@dataclass(frozen=True)
class Template:
    """A problem's wording in both languages, under a stable code."""

    code: str
    en: str
    ja: str
    hint_en: str = ""
    hint_ja: str = ""

    @cached_property
    def fields(self) -> frozenset[str]:
        return fields_of(self.en) | fields_of(self.hint_en)

    def text(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en

    def hint(self, lang: Lang) -> str:
        return self.hint_ja if lang == "ja" else self.hint_en

    def __call__(self, *, hint: Message | None = None, **values: Value) -> Message:
        missing, extra = self.fields - set(values), set(values) - self.fields
        if missing or extra:  # a programming error: found by the first test that reaches it
            raise TypeError(f"{self.code}: missing {sorted(missing)}, unexpected {sorted(extra)}")
        return Message(self, tuple(sorted(values.items())), hint)

    def at(
        self,
        file: str = "",
        row: int = 0,
        column: str = "",
        value: str = "",
        *,
        cell: str = "",
        key: str = "",
        hint: Message | None = None,
        **values: Value,
    ) -> Problem:
        """A problem with this wording at a place."""
        return Problem(self(hint=hint, **values), file, row, column, value, cell, key)


@dataclass(frozen=True)
class Message:
    """A template with its values: what is wrong and what to do, in either language."""

    template: Template
    values: tuple[tuple[str, Value], ...] = ()
    #: Another hint than the template's own (for example a suggestion computed for this case).
    hint_message: Message | None = None

    @property
    def code(self) -> str:
        return self.template.code

    def text(self, lang: Lang = "en") -> str:
        return _format(self.template.text(lang), self.values, lang)

    def hint(self, lang: Lang = "en") -> str:
        if self.hint_message is not None:
            return self.hint_message.text(lang)
        if self.template.hint(lang):
            return _format(self.template.hint(lang), self.values, lang)
        # A wording without a hint of its own passes on the hint of the problem it wraps.
        return next((v.hint(lang) for _, v in self.values if isinstance(v, Message)), "")

    def at(
        self,
        file: str = "",
        row: int = 0,
        column: str = "",
        value: str = "",
        *,
        cell: str = "",
        key: str = "",
    ) -> Problem:
        """This message as a problem at a place."""
        return Problem(self, file, row, column, value, cell, key)

    def full(self, lang: Lang = "en") -> str:
        """The message and its hint in one line."""
        hint = self.hint(lang)
        return f"{self.text(lang)}{_DASH[lang]}{hint}" if hint else self.text(lang)

    def __str__(self) -> str:
        return self.full("en")


_DASH: dict[Lang, str] = {"en": " — ", "ja": "。"}


def _format(text: str, values: Iterable[tuple[str, Value]], lang: Lang) -> str:
    if not text:
        return ""
    return text.format_map({name: _shown(value, lang) for name, value in values})


def _shown(value: Value, lang: Lang) -> object:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Message):
        return value.text(lang)
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where: ``row`` 0 means the file (or input) as a whole.

    ``row`` is the line of a text file or the row of a table (1 = the header); ``cell`` names
    a spreadsheet cell (``C12``); ``key`` is a path inside a YAML file (``kpis.0.target``).
    """

    message: Message
    file: str = ""
    row: int = 0
    column: str = ""
    value: str = ""
    cell: str = ""
    key: str = ""

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def reason(self) -> str:
        """What is wrong, in English (logs, tests)."""
        return self.message.text("en")

    @property
    def hint(self) -> str:
        """What to do, in English."""
        return self.message.hint("en")

    def sort_key(self) -> tuple[str, int, str]:
        """File order; problems at the same place keep the order they were found in."""
        return (self.file, self.row, self.column)

    def where(self, lang: Lang = "en") -> str:
        """The place, for people: ``data.csv, row 3 (cell C3), column value``."""
        words = _WHERE[lang]
        parts = [self.file] if self.file else []
        if self.row:
            parts.append(words["row"].format(self.row))
        if self.cell:
            parts.append(words["cell"].format(self.cell))
        if self.column:
            parts.append(words["column"].format(self.column))
        if self.key:
            parts.append(f"[{self.key}]")
        return words["join"].join(parts)

    def text(self, lang: Lang = "en", *, with_where: bool = True) -> str:
        """The whole problem in one line, in ``lang``."""
        words = _WHERE[lang]
        out = self.message.text(lang)
        if self.value:
            out += words["value"].format(repr(self.value))
        hint = self.message.hint(lang)
        if hint:
            out += _DASH[lang] + hint
        place = self.where(lang) if with_where else ""
        return f"{place}: {out}" if place else out

    def __str__(self) -> str:
        return self.text("en")

    def as_dict(self, lang: Lang) -> dict[str, object]:
        """The problem for a JSON response (the same words as the page and the CLI)."""
        return {
            "code": self.code,
            "file": self.file,
            "row": self.row or None,
            "column": self.column or None,
            "cell": self.cell or None,
            "key": self.key or None,
            "value": self.value or None,
            "message": self.message.text(lang),
            "hint": self.message.hint(lang) or None,
        }


_WHERE: dict[Lang, dict[str, str]] = {
    "en": {
        "row": "row {}",
        "join": ", ",
        "cell": "cell {}",
        "column": "column {}",
        "value": " (value {})",
    },
    "ja": {
        "row": "{}行目",
        "join": "、",
        "cell": "セル {}",
        "column": "列 {}",
        "value": "（値 {}）",
    },
}


class IpkpiError(Exception):
    """The root of ipkpi's errors: every problem found, each with its code and place.

    Each layer has its own subclass (:class:`~ipkpi.plan.problems.PlanError`,
    :class:`~ipkpi.store.problems.DataFileError`, …); ``str()`` is English, :meth:`text`
    gives the reader's language.
    """

    def __init__(self, problems: Iterable[Problem] | Problem | Message) -> None:
        if isinstance(problems, Message):
            problems = Problem(problems)
        listed = [problems] if isinstance(problems, Problem) else list(problems)
        self.problems: list[Problem] = sorted(listed, key=Problem.sort_key)
        super().__init__(self.text("en"))

    @property
    def message(self) -> Message:
        """The first problem's message (an error about one value has one)."""
        return self.problems[0].message

    def text(self, lang: Lang = "en") -> str:
        """The first problem (or the first three) in one line."""
        count = len(self.problems)
        if count == 0:
            return _NONE[lang]
        if count == 1:
            return self.problems[0].text(lang)
        first = "; ".join(p.text(lang) for p in self.problems[:3])
        return _MANY[lang].format(n=f"{count:,}", first=first, more=count - 3 if count > 3 else 0)


class NotationError(IpkpiError, ValueError):
    """A value written in a way ipkpi cannot read: a period, an era year, a unit, a flag."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


_NONE: dict[Lang, str] = {"en": "invalid input", "ja": "入力に誤りがあります"}
_MANY: dict[Lang, str] = {"en": "{n} problems: {first}", "ja": "{n} 件の問題: {first}"}


@dataclass
class Catalog:
    """The template table: every code once, every code in both languages."""

    templates: dict[str, Template] = field(default_factory=dict)

    def add(self, templates: Mapping[str, object]) -> None:
        """Register the :class:`Template` constants of a module's namespace."""
        for value in templates.values():
            if isinstance(value, Template):
                known = self.templates.get(value.code)
                if known is not None and known != value:
                    raise ValueError(f"problem code {value.code} is defined twice")
                self.templates[value.code] = value

    def __iter__(self) -> Iterator[Template]:
        return iter(sorted(self.templates.values(), key=lambda t: t.code))
