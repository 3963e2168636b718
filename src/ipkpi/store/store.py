"""The observation store: one interface over SQLite (embedded) and PostgreSQL (server)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Row, func, select

from ..periods import parse_period
from . import queries
from .cycle_schema import review_cycles
from .database import create_store_engine, database_url
from .migrations import migrate
from .observation import Revision, StoredObservation, StoredVintage
from .schema import series, vintages
from .statement import Completion, Statement, read_completions, read_statements
from .statement_schema import statement_imports

if TYPE_CHECKING:
    import polars as pl

AsOf = dt.date | dt.datetime | None


def utc_naive(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC without tzinfo, as stored (a naive value is taken as UTC already)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def as_of_moment(as_of: AsOf) -> dt.datetime | None:
    """The last moment ``as_of`` covers: a date means the end of that day (UTC)."""
    if as_of is None:
        return None
    if isinstance(as_of, dt.datetime):
        return utc_naive(as_of)
    return dt.datetime.combine(as_of, dt.time.max)


class Store:
    """Observations with their vintages. Open with :meth:`open`; close when done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | Path | None = None) -> Store:
        """The store at ``url`` (a SQLAlchemy URL or a SQLite path), migrated to this version."""
        engine = create_store_engine(database_url(url))
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def location(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    # -- reading ------------------------------------------------------------------------------
    def revision(self) -> str:
        """A token that changes whenever what the public sees changes: a vintage is written,
        or a review cycle is locked or published (by this process or any other)."""
        with self.engine.connect() as conn:
            count, last = conn.execute(select(func.count(), func.max(vintages.c.id))).one()
            cycles = conn.execute(
                select(
                    func.count(review_cycles.c.published_at),
                    func.max(review_cycles.c.published_at),
                    func.count(review_cycles.c.locked_at),
                )
            ).one()
            judged = conn.execute(select(func.max(statement_imports.c.id))).scalar()
        return f"{count}:{last}:{cycles[0]}:{cycles[1]}:{cycles[2]}:{judged or 0}"

    def vintages(self) -> list[StoredVintage]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(vintages).order_by(vintages.c.recorded_at, vintages.c.id))
            return [StoredVintage(**row._asdict()) for row in rows]

    def vintage_with_sha256(
        self, sha256: str, connection: Connection | None = None
    ) -> StoredVintage | None:
        """The vintage of the file with this content, if it was imported."""
        query = select(vintages).where(vintages.c.sha256 == sha256)
        if connection is not None:
            row = connection.execute(query).first()
        else:
            with self.engine.connect() as conn:
                row = conn.execute(query).first()
        return StoredVintage(**row._asdict()) if row else None

    def series_units(self) -> dict[str, str | None]:
        """The unit each stored series' values are in."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(series.c.code, series.c.unit)).all())

    def series_ids(self) -> list[str]:
        """The series that have observations."""
        with self.engine.connect() as conn:
            return list(conn.scalars(select(series.c.code).order_by(series.c.code)))

    def observations(
        self, series_ids: Collection[str] | None = None, as_of: AsOf = None
    ) -> list[StoredObservation]:
        """The latest value of each series and period, or the value known at ``as_of``.

        In order of series, then time.
        """
        query = queries.latest(series_ids, as_of_moment(as_of))
        with self.engine.connect() as conn:
            found = [_observation(row) for row in conn.execute(query)]
        return sorted(found, key=lambda o: (o.series, parse_period(o.period).sort_key()))

    def latest_frame(
        self,
        series_ids: Collection[str] | None = None,
        as_of: AsOf = None,
        connection: Connection | None = None,
    ) -> pl.DataFrame:
        """:meth:`observations` as a polars frame (series, period, value, flags, notes, source_*).

        ``connection`` reads inside the caller's transaction.
        """
        import polars as pl  # for the importers and exporters; plain reading does without

        query = queries.latest(series_ids, as_of_moment(as_of))
        schema = {
            "series": pl.String,
            "period": pl.String,
            "value": pl.Float64,
            "flags": pl.String,
            "note": pl.String,
            "note_en": pl.String,
            "source_title": pl.String,
            "source_url": pl.String,
        }
        if connection is not None:
            rows = connection.execute(query).all()
        else:
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
        return pl.DataFrame([r[: len(schema)] for r in rows], schema=schema, orient="row")

    def statements(
        self,
        kpi_ids: Collection[str] | None = None,
        as_of: AsOf = None,
        *,
        history: bool = False,
    ) -> list[Statement]:
        """The secretariat's statement in force for each KPI and review date at ``as_of``
        (latest when None); with ``history`` every revision, oldest first."""
        with self.engine.connect() as conn:
            return read_statements(conn, kpi_ids, as_of_moment(as_of), history=history)

    def completions(self, as_of: AsOf = None) -> list[Completion]:
        """Each milestone's recorded completion in force at ``as_of``."""
        with self.engine.connect() as conn:
            return read_completions(conn, as_of_moment(as_of))

    def history(self, series_id: str) -> list[Revision]:
        """Every value a series has had, period by period, oldest vintage first."""
        with self.engine.connect() as conn:
            rows = conn.execute(queries.history(series_id)).all()
        out = []
        for row in rows:
            data = row._asdict()
            vintage = StoredVintage(
                **{
                    k.removeprefix("vintage_"): v
                    for k, v in data.items()
                    if k.startswith("vintage_")
                }
            )
            out.append(Revision(_observation(row), vintage))
        return out


def _observation(row: Row) -> StoredObservation:  # type: ignore[type-arg]
    return StoredObservation(
        series=row.series,
        period=row.period,
        value=row.value,
        flags=tuple(row.flags.split(";")) if row.flags else (),
        note=row.note,
        note_en=row.note_en,
        source_title=row.source_title,
        source_url=row.source_url,
        withdrawn=bool(getattr(row, "withdrawn", None)),
        recorded_at=getattr(row, "recorded_at", None),
    )
