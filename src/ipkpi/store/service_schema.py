"""The service's tables: people, roles, sign-in, tokens, rate limits, submissions, the audit.

They live in the store so that every process and host serving the same store agrees on them
(no state in a process). Secrets are never stored: a session or an API token is kept as the
SHA-256 of its random value, a password as its Argon2 hash. The audit table is append-only:
triggers refuse UPDATE and DELETE on SQLite and on PostgreSQL (migration 0005).

Times are naive UTC, as everywhere in the store.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from .schema import RowId, metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    #: Lower-cased; the sign-in name.
    Column("email", String(254), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    #: None, ``secretariat`` (reviews and publishes) or ``admin`` (manages people).
    Column("global_role", String(20)),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),
)

memberships = Table(
    "memberships",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    #: A code of the 府省庁 code list (not a foreign key: the list ships with the plan).
    Column("ministry", String(40), primary_key=True),
    #: ``viewer``, ``editor`` or ``approver``.
    Column("role", String(20), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    #: SHA-256 of the cookie's value (256 random bits): a copy of the table opens no session.
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    #: The synchronizer token of the session's forms (not a credential by itself).
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    #: The token's first characters, to tell tokens apart in a list (never enough to use).
    Column("prefix", String(16), nullable=False),
    #: Space-separated scopes (``read``, ``submit``): they only narrow the user's rights.
    Column("scopes", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("revoked_at", DateTime),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    #: ``bucket:subject`` (``signin-ip:203.0.113.9``).
    Column("key", String(300), primary_key=True),
    Column("window_start", DateTime, nullable=False),
    Column("count", Integer, nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    #: ``data_file`` (a data file to import) or ``measure_updates``.
    Column("kind", String(20), nullable=False),
    Column("ministry", String(40), nullable=False, index=True),
    Column("title", Text, nullable=False),
    #: draft → submitted → returned | accepted → published (or withdrawn).
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
    #: The vintage the publication wrote (the pinned, immutable version).
    Column("vintage_id", Integer, ForeignKey("vintages.id")),
    Column("file_name", Text),
    Column("file_sha256", String(64)),
    Column("file_size", BigInteger),
    #: The import options as JSON (sheet, source title and URL).
    Column("options", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

submission_files = Table(
    "submission_files",
    metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", RowId, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("actor_id", Integer),
    #: The actor's e-mail at the time (the user row may change later).
    Column("actor", Text),
    #: ``session``, ``token``, ``cli`` or ``anonymous``.
    Column("via", String(20), nullable=False),
    Column("action", String(60), nullable=False),
    Column("object_type", String(40)),
    Column("object_id", String(80)),
    Column("ministry", String(40)),
    #: JSON: what changed (never a password, a token or a session id).
    Column("detail", Text, nullable=False),
    Column("ip", String(64)),
)
Index("ix_audit_events_at", audit_events.c.at)

#: The service's tables, in the order a backup writes them (parents first).
SERVICE_TABLES = (
    users,
    memberships,
    sessions,
    api_tokens,
    rate_limits,
    submissions,
    submission_files,
    audit_events,
)
