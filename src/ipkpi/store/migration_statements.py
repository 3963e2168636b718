"""Migration 0006: the secretariat's statements and milestone completions (a frozen copy of
:mod:`.statement_schema` as first released), append-only by trigger on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

#: The tables whose rows, once recorded, can be neither changed nor deleted.
APPEND_ONLY = ("statement_imports", "statements", "milestone_completions")


def append_only_message(table: str) -> str:
    return f"{table} is append-only: import a new file to revise a statement"


def _triggers(dialect: str, table: str) -> list[str]:
    message = append_only_message(table)
    if dialect == "postgresql":
        return [
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$",
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
        ]
    return [
        f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        for event in ("UPDATE", "DELETE")
    ]


def apply_0006_statements(conn: Connection) -> None:
    md = MetaData()
    row_id = BigInteger().with_variant(Integer, "sqlite")
    Table(
        "statement_imports",
        md,
        Column("id", Integer, primary_key=True),
        Column("recorded_at", DateTime, nullable=False),
        Column("kind", String(20), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("file_format", String(20), nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("row_count", Integer, nullable=False),
    )
    statements = Table(
        "statements",
        md,
        Column("id", row_id, primary_key=True),
        Column("import_id", Integer, ForeignKey("statement_imports.id"), nullable=False),
        Column("kpi_id", String(120), nullable=False),
        Column("review_date", Date, nullable=False),
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
    completions = Table(
        "milestone_completions",
        md,
        Column("id", row_id, primary_key=True),
        Column("import_id", Integer, ForeignKey("statement_imports.id"), nullable=False),
        Column("kpi_id", String(120), nullable=False),
        Column("completed_on", Date, nullable=False),
        Column("decision_ja", Text, nullable=False),
        Column("decision_en", Text, nullable=False),
        Column("source_title", Text),
        Column("source_url", Text, nullable=False),
    )
    Index("ix_milestone_completions_key", completions.c.kpi_id, completions.c.import_id)
    md.create_all(conn)
    for table in APPEND_ONLY:
        for statement in _triggers(conn.dialect.name, table):
            conn.execute(text(statement))
