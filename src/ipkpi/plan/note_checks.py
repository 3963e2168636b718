"""Checks on what the plan tells the public: public texts, releases, sub-items, observations.

A public text may not name the editors' files or working (that goes to an editor's note); a
series' release and a release's publisher must exist; a measure's parent must be an earlier
measure of its section; a shipped observation's public note is written in both languages,
and a value read in a secondary copy says why.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..problems import Message
from ..problems import plan_notes as says
from ..text import Text
from .public_text import internal_reference
from .release import Release
from .series import Series
from .structure import Section
from .yamlfile import PathKey

_LANGUAGES = {"en": Text(ja="英語", en="English"), "ja": Text(ja="日本語", en="Japanese")}


def check_public_text(name: str, text: Text) -> list[Message]:
    """A public text that names an internal file or working word, language by language."""
    out = []
    for lang, words in (("ja", text.ja), ("en", text.en)):
        found = internal_reference(words)
        if found:
            out.append(
                says.PLAN_INTERNAL_REFERENCE(field=name, language=_LANGUAGES[lang], found=found)
            )
    return out


def check_references(
    model: BaseModel, releases: set[str], publishers: set[str]
) -> list[tuple[PathKey, Message]]:
    """A series' release and a release's publisher, where the model has them."""
    if isinstance(model, Series) and model.release and model.release not in releases:
        return [(("release",), says.PLAN_UNKNOWN_RELEASE(release=model.release))]
    if isinstance(model, Release) and model.publisher not in publishers:
        return [(("publisher",), says.PLAN_UNKNOWN_PUBLISHER(publisher=model.publisher))]
    return []


def check_sub_items(section: Section) -> list[tuple[int, Message]]:
    """Each measure with a parent names an earlier measure of the section (by index)."""
    out = []
    earlier: set[str] = set()
    for index, measure in enumerate(section.measures):
        if measure.parent is not None and measure.parent not in earlier:
            out.append((index, says.PLAN_BAD_PARENT(measure=measure.id, parent=measure.parent)))
        earlier.add(measure.id)
    return out


def check_observation_notes(row: dict[str, str]) -> list[Message]:
    """The public note of a shipped observation row and the reason for a secondary value."""
    out = []
    ja, en = (row.get("note") or "").strip(), (row.get("note_en") or "").strip()
    if bool(ja) != bool(en):
        language = _LANGUAGES["ja" if ja else "en"]
        out.append(says.PLAN_OBSERVATION_NOTE_ONE_LANGUAGE(language=language))
    for column, words in (("note", ja), ("note_en", en)):
        found = internal_reference(words)
        if found:
            out.append(says.PLAN_OBSERVATION_NOTE_INTERNAL(column=column, found=found))
    flags = {f.strip() for f in (row.get("flags") or "").split(";")}
    if "secondary" in flags and not (row.get("editor_note") or "").strip():
        out.append(says.PLAN_OBSERVATION_SECONDARY_WITHOUT_REASON())
    return out
