"""Importing a data file: read, check, compare with the store, write one vintage — or nothing.

The whole import is one transaction: a bad row anywhere means nothing is written (and every
bad row is reported), and a process killed while writing leaves the store as it was. A file
whose content (SHA-256) was imported before adds nothing. ``dry_run`` reports what would
change and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import polars as pl
from sqlalchemy import Connection, func, select

from ..problems import Message
from ..problems import observations as says
from ..units import unit
from .catalog import SeriesCatalog
from .checking import WEB_ADDRESS, check_table, period_horizon
from .database import write_transaction
from .dating import recorded_at_problems
from .diff import NEW, REVISED, UNCHANGED, diff
from .files import file_sha256
from .importers import ReadOptions, reader_for
from .importers.sdmx_foreign import SdmxSeriesMap, combined_sha256
from .limits import ImportLimits
from .observation import StoredVintage
from .problems import DataFileError, file_problem
from .schema import vintages
from .store import Store, utc_naive
from .writer import NewVintage, Progress, write_vintage

Status = Literal["imported", "dry_run", "already_imported"]
#: Called inside an import's write transaction with the new vintage's id.
WriteHook = Callable[[Connection, int], None]


@dataclass(frozen=True)
class RowChange:
    """One row of a file as the import sees it."""

    row: int
    series: str
    period: str
    value: float
    status: str
    old_value: float | None


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    file: str
    sha256: str
    status: Status
    vintage: StoredVintage | None = None
    new_count: int = 0
    revised_count: int = 0
    unchanged_count: int = 0
    warnings: list[Message] = field(default_factory=list)
    rows: pl.DataFrame | None = None

    @property
    def row_count(self) -> int:
        return self.new_count + self.revised_count + self.unchanged_count

    def changes(
        self, statuses: tuple[str, ...] = (NEW, REVISED), limit: int | None = None
    ) -> list[RowChange]:
        """The rows with one of ``statuses``, in file order (at most ``limit``)."""
        if self.rows is None:
            return []
        selected = self.rows.filter(pl.col("status").is_in(list(statuses)))
        if limit is not None:
            selected = selected.head(limit)
        columns = ("_row", "series", "period", "value", "status", "old_value")
        return [RowChange(*values) for values in selected.select(columns).iter_rows()]


def import_file(
    store: Store,
    path: Path | str,
    catalog: SeriesCatalog,
    *,
    dry_run: bool = False,
    sheet: str | None = None,
    encoding: str | None = None,
    source_title: str | None = None,
    source_url: str | None = None,
    recorded_at: dt.datetime | None = None,
    limits: ImportLimits | None = None,
    progress: Progress | None = None,
    sdmx_map: Path | str | None = None,
    on_write: WriteHook | None = None,
) -> ImportReport:
    """Import ``path`` as one vintage; raises :class:`DataFileError` listing every problem.

    ``sdmx_map`` is the series map of an SDMX-CSV file of another structure
    (:mod:`ipkpi.store.importers.sdmx_foreign`); the vintage is then the file read through
    that map, so the same file with another map is another import. ``on_write(conn,
    vintage_id)`` runs inside the import's transaction after the rows are written (the
    service writes its audit row and the submission's state there: all or nothing).
    """
    path = Path(path)
    if source_url and not WEB_ADDRESS.match(source_url):
        raise file_problem(path, says.SOURCE_URL_OPTION(), column="source_url", value=source_url)
    series_map = SdmxSeriesMap.read(sdmx_map) if sdmx_map is not None else None
    options = ReadOptions(
        sheet=sheet, encoding=encoding, limits=limits or ImportLimits(), sdmx_map=series_map
    )
    reader = reader_for(path)  # a missing file or an unknown type is reported here
    if series_map is not None and reader.format != "sdmx-csv":
        raise file_problem(path, says.MAP_FOR_SDMX_ONLY(format=reader.format))
    sha256 = combined_sha256(file_sha256(path), series_map)
    known = store.vintage_with_sha256(sha256)
    if known is not None:
        return ImportReport(path.name, sha256, "already_imported", vintage=known)
    moment = utc_naive(recorded_at or dt.datetime.now(dt.UTC))
    with store.engine.connect() as conn:  # checked again under the write lock
        dated = recorded_at_problems(conn, moment, path.name)
    if dated:
        raise DataFileError(dated)
    _report(progress, "read", 0, 0)
    table = reader.read(path, options)
    _report(progress, "check", 0, table.frame.height)
    checked = check_table(table, catalog, period_horizon(moment))
    _report(progress, "check", checked.frame.height, checked.frame.height)
    series_in_file = checked.frame["series"].unique().sort().to_list()
    _check_stored_units(store, catalog, series_in_file, path.name)
    units = {code: catalog[code].unit for code in series_in_file}
    if dry_run:
        compared = diff(checked.frame, store.latest_frame(series_in_file), source_title, source_url)
        return _summary(path.name, sha256, "dry_run", compared, None, checked.warnings)
    new_vintage = NewVintage(
        file_name=path.name,
        file_format=table.format,
        sha256=sha256,
        source_title=source_title,
        source_url=source_url,
        recorded_at=moment,
        row_count=checked.frame.height,
        new_count=0,
        revised_count=0,
    )
    written = _write(
        store, checked.frame, new_vintage, units, progress, on_write, dated=recorded_at is not None
    )
    vintage = store.vintage_with_sha256(sha256)
    if written is None:  # another process imported the same file meanwhile
        return ImportReport(path.name, sha256, "already_imported", vintage=vintage)
    return _summary(path.name, sha256, "imported", written, vintage, checked.warnings)


def _write(
    store: Store,
    rows: pl.DataFrame,
    vintage: NewVintage,
    units: dict[str, str],
    progress: Progress | None,
    on_write: WriteHook | None = None,
    *,
    dated: bool = False,
) -> pl.DataFrame | None:
    """Compare and write in one serialised transaction; the compared rows (None: known file).

    An import given no date is recorded when it takes the lock (not when it started reading,
    so that imports running side by side are recorded in the order they write).
    """
    with write_transaction(store.engine, bulk=True) as conn:
        if store.vintage_with_sha256(vintage.sha256, connection=conn) is not None:
            return None
        if not dated:
            vintage = replace(vintage, recorded_at=_now_after_latest(conn))
        problems = recorded_at_problems(conn, vintage.recorded_at, vintage.file_name)
        if problems:  # another import, recorded later, landed while this one was checked
            raise DataFileError(problems)
        latest = store.latest_frame(list(units), connection=conn)
        compared = diff(rows, latest, vintage.source_title, vintage.source_url)
        count = dict(compared["status"].value_counts().iter_rows())
        counted = replace(vintage, new_count=count.get(NEW, 0), revised_count=count.get(REVISED, 0))
        changed = (
            compared.filter(pl.col("status") != UNCHANGED) if count.get(UNCHANGED) else compared
        )
        _report(progress, "write", 0, changed.height)
        vintage_id = write_vintage(conn, counted, changed, units, progress)
        if on_write is not None:
            on_write(conn, vintage_id)
    return compared


def _now_after_latest(conn: Connection) -> dt.datetime:
    """Now (UTC), or the latest vintage's time if a clock ahead of ours recorded it later."""
    now = utc_naive(dt.datetime.now(dt.UTC))
    latest = conn.execute(select(func.max(vintages.c.recorded_at))).scalar_one_or_none()
    return max(now, latest) if latest is not None else now


def _summary(
    file: str,
    sha256: str,
    status: Status,
    compared: pl.DataFrame,
    vintage: StoredVintage | None,
    warnings: list[Message],
) -> ImportReport:
    count = dict(compared["status"].value_counts().iter_rows())
    return ImportReport(
        file,
        sha256,
        status,
        vintage,
        new_count=count.get(NEW, 0),
        revised_count=count.get(REVISED, 0),
        unchanged_count=count.get(UNCHANGED, 0),
        warnings=warnings,
        rows=compared,
    )


def _check_stored_units(store: Store, catalog: SeriesCatalog, codes: list[str], file: str) -> None:
    """A series stored in one unit cannot take values in the plan's new unit."""
    stored = store.series_units()
    problems = [
        says.STORED_UNIT_CHANGED.at(
            file,
            0,
            "unit",
            catalog[code].unit,
            series=code,
            stored=stored[code] or "",
            unit=catalog[code].unit,
        )
        for code in codes
        if stored.get(code) and unit(stored[code] or "").code != unit(catalog[code].unit).code
    ]
    if problems:
        raise DataFileError(problems)


def _report(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)
