"""Every UI word is defined once (issue 13): the same Japanese and English text under two keys
or two modules is one word written twice, and a change of wording would miss one of them.

The modules that hold the words of the pages, the service pages, the import and data pages, the
CLI, the report and the follow-up are read; a word that one table takes from another (the same
:class:`~ipkpi.text.Text` object) is one definition. A pair of equal texts that mean different
things goes in :data:`DELIBERATE` with its reason.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Mapping

from ipkpi.text import Text

MODULES = (
    "ipkpi.web.ui_strings",
    "ipkpi.web.service_strings",
    "ipkpi.web.data_strings",
    "ipkpi.web.import_strings",
    "ipkpi.web.verdicts",
    "ipkpi.cli.plan_cmd",
    "ipkpi.cli.statement_cmd",
    "ipkpi.cli.status_cmd",
    "ipkpi.report.content",
    "ipkpi.followup.judgement",
    "ipkpi.followup.due",
    "ipkpi.followup.flags",
    "ipkpi.followup.model",
    "ipkpi.followup.tone",
)

#: (ja, en) defined twice on purpose, with the reason. Empty: every repeat found was mended.
DELIBERATE: dict[tuple[str, str], str] = {}


def definitions() -> dict[int, tuple[str, Text]]:
    """Every word of :data:`MODULES` once per object: where it is first found, and the word."""
    found: dict[int, tuple[str, Text]] = {}
    for name in MODULES:
        for attr, value in vars(importlib.import_module(name)).items():
            if isinstance(value, Text):
                found.setdefault(id(value), (f"{name}.{attr}", value))
            elif isinstance(value, Mapping) and not attr.startswith("__"):
                for key, word in value.items():
                    if isinstance(word, Text):
                        found.setdefault(id(word), (f"{name}.{attr}[{key}]", word))
    return found


def test_every_ui_word_is_defined_once() -> None:
    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    for where, word in definitions().values():
        if word.ja or word.en:
            places[(word.ja, word.en)].append(where)
    twice = {k: v for k, v in places.items() if len(v) > 1 and k not in DELIBERATE}
    assert twice == {}


def test_the_walk_sees_the_tables() -> None:
    # The probe must read the real tables (else the test above passes on nothing): the UI table
    # alone holds a few hundred words, the tone labels are among them.
    found = definitions()
    assert len(found) > 400
    labels = {(w.ja, w.en) for _, w in found.values()}
    assert ("達成・順調", "Met or on track") in labels
    assert all(k in {(w.ja, w.en) for _, w in found.values()} for k in DELIBERATE)
