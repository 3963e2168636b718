"""Migration 0005: the service's tables (a frozen copy of :mod:`.service_schema` as first
released) and the triggers that make the audit table append-only on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

#: What a refused change to the audit says (SQLite and PostgreSQL alike).
AUDIT_APPEND_ONLY = "audit_events is append-only: its rows cannot be changed or deleted"

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    f"BEGIN SELECT RAISE(ABORT, '{AUDIT_APPEND_ONLY}'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    f"BEGIN SELECT RAISE(ABORT, '{AUDIT_APPEND_ONLY}'); END",
)
_PG_TRIGGERS = (
    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{AUDIT_APPEND_ONLY}'; END $$",
    "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
)


def apply_0005_service(conn: Connection) -> None:
    md = MetaData()
    # Only referenced: the vintages table exists since 0001.
    vintages = Table("vintages", md, Column("id", Integer, primary_key=True))
    row_id = BigInteger().with_variant(Integer, "sqlite")
    Table(
        "users",
        md,
        Column("id", Integer, primary_key=True),
        Column("email", String(254), nullable=False, unique=True),
        Column("display_name", Text, nullable=False),
        Column("password_hash", Text, nullable=False),
        Column("global_role", String(20)),
        Column("disabled", Boolean, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Column("version", Integer, nullable=False),
    )
    Table(
        "memberships",
        md,
        Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
        Column("ministry", String(40), primary_key=True),
        Column("role", String(20), nullable=False),
    )
    Table(
        "sessions",
        md,
        Column("id_hash", String(64), primary_key=True),
        Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
        Column("csrf_token", String(64), nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("expires_at", DateTime, nullable=False),
        Column("last_seen_at", DateTime, nullable=False),
    )
    Table(
        "api_tokens",
        md,
        Column("id", Integer, primary_key=True),
        Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
        Column("name", Text, nullable=False),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("prefix", String(16), nullable=False),
        Column("scopes", Text, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("expires_at", DateTime, nullable=False),
        Column("last_used_at", DateTime),
        Column("revoked_at", DateTime),
    )
    Table(
        "rate_limits",
        md,
        Column("key", String(300), primary_key=True),
        Column("window_start", DateTime, nullable=False),
        Column("count", Integer, nullable=False),
    )
    Table(
        "submissions",
        md,
        Column("id", Integer, primary_key=True),
        Column("kind", String(20), nullable=False),
        Column("ministry", String(40), nullable=False, index=True),
        Column("title", Text, nullable=False),
        Column("state", String(20), nullable=False),
        Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("updated_by", Integer, ForeignKey("users.id"), nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Column("submitted_at", DateTime),
        Column("reviewed_by", Integer, ForeignKey("users.id")),
        Column("reviewed_at", DateTime),
        Column("review_comment", Text),
        Column("published_at", DateTime),
        Column("vintage_id", Integer, ForeignKey("vintages.id")),
        Column("file_name", Text),
        Column("file_sha256", String(64)),
        Column("file_size", BigInteger),
        Column("options", Text, nullable=False),
        Column("version", Integer, nullable=False),
    )
    Table(
        "submission_files",
        md,
        Column("submission_id", Integer, ForeignKey("submissions.id"), primary_key=True),
        Column("content", LargeBinary, nullable=False),
    )
    audit = Table(
        "audit_events",
        md,
        Column("id", row_id, primary_key=True),
        Column("at", DateTime, nullable=False),
        Column("actor_id", Integer),
        Column("actor", Text),
        Column("via", String(20), nullable=False),
        Column("action", String(60), nullable=False),
        Column("object_type", String(40)),
        Column("object_id", String(80)),
        Column("ministry", String(40)),
        Column("detail", Text, nullable=False),
        Column("ip", String(64)),
    )
    Index("ix_audit_events_at", audit.c.at)
    md.create_all(conn, tables=[t for t in md.sorted_tables if t is not vintages])
    triggers = _PG_TRIGGERS if conn.dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for statement in triggers:
        conn.execute(text(statement))
