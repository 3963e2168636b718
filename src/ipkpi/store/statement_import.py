"""Recording a statement file or a milestone completion file: all rows or none.

The same content imported again is reported, not recorded twice. A later file with a row for
a KPI and review date already recorded supersedes it (a revision); the earlier row stays, and
reads as of any moment before the later import (:mod:`.statement`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, insert, select

from .database import write_transaction
from .files import file_sha256
from .statement import Completion, Statement, read_completions, read_statements
from .statement_schema import milestone_completions, statement_imports, statements
from .store import Store, utc_naive

ImportKind = Literal["statements", "milestones"]


@dataclass(frozen=True)
class StatementImport:
    """What an import did: ``recorded`` (with how many rows are new or revise one) or
    ``already_imported``."""

    file_name: str
    kind: ImportKind
    outcome: str
    rows: int = 0
    new: int = 0
    revised: int = 0
    recorded_at: dt.datetime | None = None


def is_recorded(store: Store, sha256: str, kind: ImportKind) -> bool:
    """Whether a file with this content was recorded as ``kind`` already."""
    query = select(statement_imports.c.id).where(
        statement_imports.c.sha256 == sha256, statement_imports.c.kind == kind
    )
    with store.engine.connect() as conn:
        return conn.execute(query).first() is not None


def record(
    store: Store,
    path: Path,
    kind: ImportKind,
    file_format: str,
    rows: Sequence[Statement] | Sequence[Completion],
    *,
    recorded_at: dt.datetime | None = None,
) -> StatementImport:
    """Record the checked rows of ``path`` in one transaction."""
    sha256 = file_sha256(path)
    moment = utc_naive(recorded_at or dt.datetime.now(dt.UTC))
    with write_transaction(store.engine) as conn:
        seen = conn.execute(
            select(statement_imports.c.recorded_at).where(
                statement_imports.c.sha256 == sha256, statement_imports.c.kind == kind
            )
        ).first()
        if seen is not None:
            return StatementImport(path.name, kind, "already_imported", recorded_at=seen[0])
        revised = _revisions(conn, kind, rows)
        import_id = conn.execute(
            insert(statement_imports).values(
                recorded_at=moment,
                kind=kind,
                file_name=path.name,
                file_format=file_format,
                sha256=sha256,
                row_count=len(rows),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        table = statements if kind == "statements" else milestone_completions
        values = []
        for row in rows:
            data = asdict(row)
            del data["recorded_at"], data["file_name"]
            data["import_id"] = import_id
            values.append(data)
        conn.execute(insert(table), values)
    return StatementImport(
        path.name, kind, "recorded", len(rows), len(rows) - revised, revised, moment
    )


def _revisions(
    conn: Connection, kind: ImportKind, rows: Sequence[Statement] | Sequence[Completion]
) -> int:
    """How many rows supersede one already recorded (same KPI and review date; same
    milestone)."""
    if kind == "statements":
        known = {(s.kpi_id, s.review_date) for s in read_statements(conn)}
        return sum(
            1 for r in rows if isinstance(r, Statement) and (r.kpi_id, r.review_date) in known
        )
    done = {c.kpi_id for c in read_completions(conn)}
    return sum(1 for r in rows if r.kpi_id in done)
