"""Migration 0006: the secretariat's statements and milestone completions (the tables of
:mod:`.statement_schema`, their one definition), append-only by trigger on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Connection, MetaData, text

from . import statement_schema

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
    statement_schema.define(md)
    md.create_all(conn)
    for table in APPEND_ONLY:
        for statement in _triggers(conn.dialect.name, table):
            conn.execute(text(statement))
