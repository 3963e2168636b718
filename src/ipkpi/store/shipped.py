"""The observations shipped with a plan (``plans/ip2025/observations.csv``), loaded once."""

from __future__ import annotations

from pathlib import Path

from .catalog import SeriesCatalog, catalog_from_plan
from .importing import ImportReport, file_sha256, import_file
from .store import Store
from .writer import Progress

SHIPPED_FILE = "observations.csv"


def ensure_shipped(
    store: Store,
    plan_dir: Path | str,
    catalog: SeriesCatalog | None = None,
    progress: Progress | None = None,
) -> ImportReport | None:
    """Import the plan folder's ``observations.csv`` unless this content is already stored.

    Idempotent: the same file is one vintage however often this runs; an edited file is a new
    vintage holding only what changed. None when the plan ships no observations. The plan is
    loaded (for the series and their units) only when there is something to import.
    """
    path = Path(plan_dir) / SHIPPED_FILE
    if not path.is_file():
        return None
    known = store.vintage_with_sha256(file_sha256(path))
    if known is not None:
        return ImportReport(path.name, known.sha256, "already_imported", vintage=known)
    if catalog is None:
        from ..plan.loader import load_plan

        catalog = catalog_from_plan(load_plan(plan_dir))
    return import_file(store, path, catalog, progress=progress)
