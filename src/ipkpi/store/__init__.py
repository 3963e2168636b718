"""The observation store: every value with its source and revisions; imports never half-write.

:class:`Store` holds observations in SQLite (embedded default) or PostgreSQL. Each import of
a file is a :class:`StoredVintage`; a value is never overwritten, a revision is a new row of a later
vintage, so the store answers both "what is the latest value" and "what was known on a date".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import service_schema  # noqa: F401  (the service's tables join the store's metadata)
from .catalog import SeriesCatalog, SeriesInfo, catalog_from_plan
from .database import DATABASE_URL_ENV, DatabaseError, database_url, default_database_path
from .limits import ImportLimits
from .observation import FLAGS, Revision, StoredObservation, StoredVintage
from .problems import DataFileError, StoreError
from .statement import STATUSES, Completion, Statement
from .store import Store

if TYPE_CHECKING:
    from .importing import ImportReport, RowChange, import_file

# The importers (polars, openpyxl, every reader) load when an import needs them, so that
# reading the store (``ipkpi status``, the dashboard) does not pay for them.
_IMPORTING = frozenset({"RowChange", "ImportReport", "import_file"})


def __getattr__(name: str) -> Any:
    if name in _IMPORTING:
        from . import importing

        return getattr(importing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DATABASE_URL_ENV",
    "FLAGS",
    "STATUSES",
    "Completion",
    "DataFileError",
    "DatabaseError",
    "ImportLimits",
    "ImportReport",
    "Revision",
    "RowChange",
    "SeriesCatalog",
    "SeriesInfo",
    "Statement",
    "Store",
    "StoreError",
    "StoredObservation",
    "StoredVintage",
    "catalog_from_plan",
    "database_url",
    "default_database_path",
    "import_file",
]
