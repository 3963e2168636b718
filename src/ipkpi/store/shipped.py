"""The observations shipped with a plan (``plans/ip2025/observations.csv``) and its milestone
completions (``milestones.csv``), each loaded once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import SeriesCatalog, catalog_from_plan
from .files import file_sha256
from .statement_import import is_recorded, record
from .store import Store

if TYPE_CHECKING:
    from ..plan import Plan
    from .importing import ImportReport
    from .writer import Progress

SHIPPED_FILE = "observations.csv"
#: Milestone completions (date, decision, source) shipped as data, not written in the plan.
SHIPPED_MILESTONES = "milestones.csv"


def shipped_is_stored(store: Store, plan_dir: Path | str) -> bool:
    """Whether the plan ships no observations or their content is stored already.

    Cheap (a hash and one query; no importer is loaded): a command that only reads calls this
    first and :func:`ensure_shipped` only when it says False.
    """
    path = Path(plan_dir) / SHIPPED_FILE
    milestones = Path(plan_dir) / SHIPPED_MILESTONES
    if milestones.is_file() and not is_recorded(store, file_sha256(milestones), "milestones"):
        return False
    return not path.is_file() or store.vintage_with_sha256(file_sha256(path)) is not None


def ensure_shipped(
    store: Store,
    plan_dir: Path | str,
    catalog: SeriesCatalog | None = None,
    progress: Progress | None = None,
    *,
    plan: Plan | None = None,
) -> ImportReport | None:
    """Import the plan folder's ``observations.csv`` unless this content is already stored.

    Idempotent: the same file is one vintage however often this runs; an edited file is a new
    vintage holding only what changed. None when the plan ships no observations. The plan is
    loaded (for the series, their units and the file's publication date) only when there is
    something to import.

    The vintage is recorded at the start of the day the plan says the file was published
    (``observations_published``), so "data as of" is the data's date, not the load's; when
    the store already holds a later vintage (or the plan gives no date) it is recorded now,
    since back-dating it would put it under data recorded since.
    """
    path = Path(plan_dir) / SHIPPED_FILE
    if not path.is_file():
        ensure_shipped_milestones(store, plan_dir, plan)
        return None
    from .importing import ImportReport, import_file  # only when there may be work to do

    known = store.vintage_with_sha256(file_sha256(path))
    if known is not None:
        ensure_shipped_milestones(store, plan_dir, plan, known.recorded_at)
        return ImportReport(path.name, known.sha256, "already_imported", vintage=known)
    if plan is None:
        from ..plan.loader import load_plan

        plan = load_plan(plan_dir)
    moment = publication_moment(store, plan.observations_published)
    report = import_file(
        store, path, catalog or catalog_from_plan(plan), progress=progress, recorded_at=moment
    )
    ensure_shipped_milestones(
        store, plan_dir, plan, report.vintage.recorded_at if report.vintage else None
    )
    return report


def ensure_shipped_milestones(
    store: Store,
    plan_dir: Path | str,
    plan: Plan | None = None,
    recorded_at: dt.datetime | None = None,
) -> bool:
    """Record the plan folder's ``milestones.csv`` unless this content is recorded already.

    Recorded at ``recorded_at`` (the shipped observations' moment, so every view that shows
    those data shows the completions too), else now. True when it was recorded now. A bad
    file raises :class:`~ipkpi.store.problems.DataFileError` and records nothing.
    """
    path = Path(plan_dir) / SHIPPED_MILESTONES
    if not path.is_file() or is_recorded(store, file_sha256(path), "milestones"):
        return False
    from ..plan import Milestone
    from .statement_file import read_completion_file

    if plan is None:
        from ..plan.loader import load_plan

        plan = load_plan(plan_dir)
    kpis = [k for _, _, k in plan.iter_kpis()]
    fmt, rows = read_completion_file(
        path,
        [k.id for k in kpis],
        [k.id for k in kpis if isinstance(k, Milestone)],
        dt.datetime.now(dt.UTC).date(),
    )
    record(store, path, "milestones", fmt, rows, recorded_at=recorded_at)
    return True


def publication_moment(store: Store, published: dt.date | None) -> dt.datetime | None:
    """When to record the shipped file: its publication day, unless later data are stored."""
    if published is None:
        return None
    start = dt.datetime.combine(published, dt.time())
    vintages = store.vintages()
    if vintages and vintages[-1].recorded_at >= start:
        return None
    return start
