"""The tables of the review cycle: cycles, update batches, measure updates, findings.

Append-only like the observations: a later batch for the same cycle, measure and ministry
adds rows and supersedes the earlier ones by ``recorded_at``; nothing is updated in place
except a cycle's state times (``locked_at``, ``published_at``), each set once. What was known
at a moment is therefore the rows recorded by then (migration 0003).
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, String, Table, Text

from .schema import RowId, metadata

review_cycles = Table(
    "review_cycles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(60), nullable=False, unique=True),
    Column("plan_id", String(60), nullable=False),
    Column("name_ja", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("cutoff", Date, nullable=False),
    Column("due", Date, nullable=False),
    #: The pinned vocabulary versions, as JSON {"check": "check@1", ...}.
    Column("vocabularies", Text, nullable=False),
    Column("opened_at", DateTime, nullable=False),
    Column("locked_at", DateTime),
    Column("published_at", DateTime),
)

update_batches = Table(
    "update_batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
    Column("ministry", String(40), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("row_count", Integer, nullable=False),
)

measure_updates = Table(
    "measure_updates",
    metadata,
    Column("id", RowId, primary_key=True),
    Column("batch_id", Integer, ForeignKey("update_batches.id"), nullable=False),
    Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
    Column("measure_id", String(120), nullable=False),
    Column("ministry", String(40), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    #: The whole update (status texts, Check and Act, suggestion, evidence, delay) as JSON.
    Column("body", Text, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(60), nullable=False, unique=True),
    Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
    Column("measure_id", String(120), nullable=False),
    Column("source", String(40), nullable=False),
    Column("text_ja", Text, nullable=False),
    Column("text_en", Text, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
)

finding_responses = Table(
    "finding_responses",
    metadata,
    Column("id", RowId, primary_key=True),
    Column("batch_id", Integer, ForeignKey("update_batches.id"), nullable=False),
    Column("finding_id", Integer, ForeignKey("findings.id"), nullable=False),
    Column("cycle_id", Integer, ForeignKey("review_cycles.id"), nullable=False),
    Column("ministry", String(40), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("body", Text, nullable=False),
)
