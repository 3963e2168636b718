"""The observation store: every value with its source and revisions; imports never half-write.

:class:`Store` holds observations in SQLite (embedded default) or PostgreSQL. Each import of
a file is a :class:`Vintage`; a value is never overwritten, a revision is a new row of a later
vintage, so the store answers both "what is the latest value" and "what was known on a date".
"""

from . import service_schema  # noqa: F401  (the service's tables join the store's metadata)
from .catalog import SeriesCatalog, SeriesInfo, catalog_from_plan
from .database import DATABASE_URL_ENV, DatabaseError, database_url, default_database_path
from .importing import Change, ImportReport, import_file
from .limits import ImportLimits
from .observation import FLAGS, Observation, Revision, Vintage
from .problems import DataFileError, StoreError
from .store import Store

__all__ = [
    "DATABASE_URL_ENV",
    "FLAGS",
    "Change",
    "DataFileError",
    "DatabaseError",
    "ImportLimits",
    "ImportReport",
    "Observation",
    "Revision",
    "SeriesCatalog",
    "SeriesInfo",
    "Store",
    "StoreError",
    "Vintage",
    "catalog_from_plan",
    "database_url",
    "default_database_path",
    "import_file",
]
