"""The secretariat's statements and milestone completions, as recorded, and reading them.

A :class:`Statement` is the secretariat's written judgement of one KPI at one review date (ja
and en, its author's role, the day it was written, optionally a word of :data:`STATUSES`). A
:class:`Completion` records that a milestone's deliverable was done: the date, the decision
and its source. Both are read as observations are: the latest import's row for a key, or the
row of the latest import recorded by a moment (``as_of``); an earlier row stays readable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, Select, select

from ..text import Lang, Text, t
from .statement_schema import milestone_completions, statement_imports, statements

#: The secretariat's status words: a small vocabulary, documented in docs/statements.md.
STATUSES: dict[str, Text] = {
    "on_track": t("順調", "On track"),
    "progressing": t("進展あり", "Progressing"),
    "delayed": t("遅れ", "Delayed"),
    "needs_review": t("要検討", "Needs review"),
}


@dataclass(frozen=True, slots=True)
class Statement:
    """The secretariat's judgement of a KPI at a review date, as one import recorded it."""

    kpi_id: str
    review_date: dt.date
    text_ja: str
    text_en: str
    author_role: str
    written_on: dt.date
    status: str | None = None
    author_role_en: str = ""
    recorded_at: dt.datetime | None = None
    file_name: str = ""

    def text(self, lang: Lang) -> str:
        return self.text_en if lang == "en" else self.text_ja

    def role(self, lang: Lang) -> str:
        return (self.author_role_en or self.author_role) if lang == "en" else self.author_role

    def status_label(self, lang: Lang) -> str:
        return STATUSES[self.status].get(lang) if self.status in STATUSES else ""


@dataclass(frozen=True, slots=True)
class Completion:
    """A milestone's deliverable done: when, by what decision, and where that is published."""

    kpi_id: str
    completed_on: dt.date
    decision_ja: str
    decision_en: str
    source_url: str
    source_title: str = ""
    recorded_at: dt.datetime | None = None
    file_name: str = ""

    def decision(self, lang: Lang) -> str:
        return self.decision_en if lang == "en" else self.decision_ja


def _until(query: Select, moment: dt.datetime | None) -> Select:  # type: ignore[type-arg]
    return query if moment is None else query.where(statement_imports.c.recorded_at <= moment)


def read_statements(
    conn: Connection,
    kpi_ids: Collection[str] | None = None,
    moment: dt.datetime | None = None,
    *,
    history: bool = False,
) -> list[Statement]:
    """The statement in force for each KPI and review date at ``moment`` (latest when None);
    with ``history`` every revision, oldest import first."""
    joined = statements.join(statement_imports, statements.c.import_id == statement_imports.c.id)
    columns = [
        *[c for c in statements.c if c.name not in ("id", "import_id")],
        statement_imports.c.recorded_at,
        statement_imports.c.file_name,
    ]
    query = _until(select(*columns).select_from(joined), moment)
    if kpi_ids is not None:
        query = query.where(statements.c.kpi_id.in_(list(kpi_ids)))
    rows = conn.execute(
        query.order_by(statements.c.kpi_id, statements.c.review_date, statements.c.import_id)
    ).all()
    found = [Statement(**row._asdict()) for row in rows]
    return found if history else _last_per_key(found)


def _last_per_key(found: list[Statement]) -> list[Statement]:
    """Of rows ordered by key then import, the last of each (KPI, review date)."""
    out: dict[tuple[str, dt.date], Statement] = {}
    for statement in found:
        out[(statement.kpi_id, statement.review_date)] = statement
    return list(out.values())


def read_completions(conn: Connection, moment: dt.datetime | None = None) -> list[Completion]:
    """Each milestone's completion as recorded by the latest import at ``moment``."""
    joined = milestone_completions.join(
        statement_imports, milestone_completions.c.import_id == statement_imports.c.id
    )
    columns = [
        *[c for c in milestone_completions.c if c.name not in ("id", "import_id")],
        statement_imports.c.recorded_at,
        statement_imports.c.file_name,
    ]
    query = _until(select(*columns).select_from(joined), moment)
    rows = conn.execute(
        query.order_by(milestone_completions.c.kpi_id, milestone_completions.c.import_id)
    ).all()
    out: dict[str, Completion] = {}
    for row in rows:
        out[row.kpi_id] = Completion(**row._asdict())
    return list(out.values())
