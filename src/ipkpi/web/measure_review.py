"""What the reviewer of a measure-update submission sees: each update against the published one.

Codes of the cycle's pinned vocabularies are shown as their labels in the reader's language;
a file that no longer passes its check (the cycle was locked, a finding was withdrawn) shows
its problems instead of a diff.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from ..cycle import CycleRecords, vocabulary
from ..plan import Plan
from ..service import measure_updates
from ..service.db import Bind, reading
from ..service.submissions import Submission
from ..store.cycle_schema import review_cycles
from ..text import Lang, Text
from .present import tx
from .service_strings import SV

_CODED = {"check": "check", "act": "act", "delay": "delay"}


def open_cycles(bind: Bind, lang: Lang) -> list[dict[str, str]]:
    """The cycles that take updates now (neither locked nor published), newest first."""
    c = review_cycles.c
    query = (
        select(c.code, c.name_ja, c.name_en, c.due)
        .where(c.locked_at.is_(None), c.published_at.is_(None))
        .order_by(c.opened_at.desc())
    )
    with reading(bind) as conn:
        rows = conn.execute(query).all()
    return [
        {"code": r.code, "name": tx(Text(ja=r.name_ja, en=r.name_en), lang),
         "due": r.due.isoformat()}
        for r in rows
    ]  # fmt: skip


def measure_diff_data(
    engine: Engine, plan: Plan, submission: Submission, lang: Lang
) -> dict[str, Any]:
    try:
        found = measure_updates.diff(engine, plan, submission)
    except measure_updates.MeasureFileError as exc:
        return {"problems": exc.lines(lang)}
    cycle = CycleRecords(engine).get(found.cycle)

    def shown(name: str, value: str) -> str:
        kind = _CODED.get(name)
        if kind and value:
            return vocabulary(cycle.vocabularies[kind]).label(value, lang)
        return value

    texts = {m.id: tx(m.text, lang) for m in plan.measures()}
    rows = []
    for change in found.changes:
        rows.append(
            {
                "measure": change.measure_id,
                "text": texts.get(change.measure_id, ""),
                "status": change.status,
                "status_label": SV[f"change_{change.status}"].get(lang),
                "fields": [
                    {
                        "name": f.name,
                        "label": SV[f"field_{f.name}"].get(lang),
                        "before": shown(f.name, f.before),
                        "after": shown(f.name, f.after),
                    }
                    for f in change.fields
                ],
            }
        )
    return {
        "cycle": tx(cycle.name, lang),
        "counts": {s: found.count(s) for s in ("new", "revised", "unchanged")},
        "changes": [r for r in rows if r["status"] != "unchanged"],
    }
