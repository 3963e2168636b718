"""The tables of the secretariat's statements and of milestone completions (migration 0006).

Both are kept like observations: a file imported is one row of ``statement_imports``; each of
its rows is a new row, never an update. The statement in force for a KPI and review date is
the row of the latest import; an earlier one stays readable as of its import. Triggers refuse
any change to a recorded row (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from .schema import RowId, metadata


def define(md: MetaData) -> tuple[Table, Table, Table]:
    """``statement_imports``, ``statements`` and ``milestone_completions`` in ``md``."""
    statement_imports = Table(
        "statement_imports",
        md,
        Column("id", Integer, primary_key=True),
        Column("recorded_at", DateTime, nullable=False),
        #: ``statements`` (the secretariat's judgement) or ``milestones`` (completions).
        Column("kind", String(20), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("file_format", String(20), nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("row_count", Integer, nullable=False),
    )

    statements = Table(
        "statements",
        md,
        Column("id", RowId, primary_key=True),
        Column("import_id", Integer, ForeignKey("statement_imports.id"), nullable=False),
        Column("kpi_id", String(120), nullable=False),
        #: The review (follow-up) date the judgement is about.
        Column("review_date", Date, nullable=False),
        #: One word of :data:`ipkpi.store.statement.STATUSES`, or NULL.
        Column("status", String(20)),
        Column("text_ja", Text, nullable=False),
        Column("text_en", Text, nullable=False),
        Column("author_role", Text, nullable=False),
        Column("author_role_en", Text),
        Column("written_on", Date, nullable=False),
    )
    Index(
        "ix_statements_key", statements.c.kpi_id, statements.c.review_date, statements.c.import_id
    )

    milestone_completions = Table(
        "milestone_completions",
        md,
        Column("id", RowId, primary_key=True),
        Column("import_id", Integer, ForeignKey("statement_imports.id"), nullable=False),
        Column("kpi_id", String(120), nullable=False),
        Column("completed_on", Date, nullable=False),
        Column("decision_ja", Text, nullable=False),
        Column("decision_en", Text, nullable=False),
        Column("source_title", Text),
        Column("source_url", Text, nullable=False),
    )
    Index(
        "ix_milestone_completions_key",
        milestone_completions.c.kpi_id,
        milestone_completions.c.import_id,
    )
    return statement_imports, statements, milestone_completions


statement_imports, statements, milestone_completions = define(metadata)
