"""The observations shipped with a plan (``plans/ip2025/observations.csv``), loaded once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import SeriesCatalog, catalog_from_plan
from .files import file_sha256
from .store import Store

if TYPE_CHECKING:
    from ..plan import Plan
    from .importing import ImportReport
    from .writer import Progress

SHIPPED_FILE = "observations.csv"


def shipped_is_stored(store: Store, plan_dir: Path | str) -> bool:
    """Whether the plan ships no observations or their content is stored already.

    Cheap (a hash and one query; no importer is loaded): a command that only reads calls this
    first and :func:`ensure_shipped` only when it says False.
    """
    path = Path(plan_dir) / SHIPPED_FILE
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
        return None
    from .importing import ImportReport, import_file  # only when there may be work to do

    known = store.vintage_with_sha256(file_sha256(path))
    if known is not None:
        return ImportReport(path.name, known.sha256, "already_imported", vintage=known)
    if plan is None:
        from ..plan.loader import load_plan

        plan = load_plan(plan_dir)
    moment = publication_moment(store, plan.observations_published)
    return import_file(
        store, path, catalog or catalog_from_plan(plan), progress=progress, recorded_at=moment
    )


def publication_moment(store: Store, published: dt.date | None) -> dt.datetime | None:
    """When to record the shipped file: its publication day, unless later data are stored."""
    if published is None:
        return None
    start = dt.datetime.combine(published, dt.time())
    vintages = store.vintages()
    if vintages and vintages[-1].recorded_at >= start:
        return None
    return start
