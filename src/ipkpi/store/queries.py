"""The store's SELECTs: latest values (optionally as of a time), and a series' history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import Select, func, select, true

from .schema import observations, series, vintages

_SOURCE_TITLE = func.coalesce(observations.c.source_title, vintages.c.source_title)
_SOURCE_URL = func.coalesce(observations.c.source_url, vintages.c.source_url)
#: An observation as the queries give it: its series' code, its own columns, its source.
_OBSERVATION = (
    series.c.code.label("series"),
    observations.c.period,
    observations.c.value,
    observations.c.flags,
    observations.c.note,
    observations.c.note_en,
    _SOURCE_TITLE.label("source_title"),
    _SOURCE_URL.label("source_url"),
)


def latest(series_codes: Collection[str] | None = None, as_of: dt.datetime | None = None) -> Select:  # type: ignore[type-arg]
    """The most recent row of each (series, period) among the vintages recorded by ``as_of``,
    unless that row is a withdrawal (then the period has no value).

    Columns: series, period, value, flags, note, note_en, source_title, source_url, vintage_id,
    recorded_at. A row's missing source is its vintage's.
    """
    newest_first = (vintages.c.recorded_at.desc(), vintages.c.id.desc())
    ranked = (
        select(
            *_OBSERVATION,
            observations.c.vintage_id,
            vintages.c.recorded_at,
            observations.c.withdrawn,
            func.row_number()
            .over(
                partition_by=(observations.c.series_id, observations.c.period),
                order_by=newest_first,
            )
            .label("rank"),
        )
        .join_from(observations, vintages, observations.c.vintage_id == vintages.c.id)
        .join(series, observations.c.series_id == series.c.id)
    )
    if as_of is not None:
        ranked = ranked.where(vintages.c.recorded_at <= as_of)
    if series_codes is not None:
        ranked = ranked.where(series.c.code.in_(sorted(series_codes)))
    sub = ranked.subquery()
    columns = [c for c in sub.c if c.name not in ("rank", "withdrawn")]
    current = (sub.c.rank == 1) & sub.c.withdrawn.is_not(true())
    return select(*columns).where(current).order_by(sub.c.series, sub.c.period)


def history(series_code: str) -> Select:  # type: ignore[type-arg]
    """Every row of a series with its vintage, oldest vintage first within each period."""
    return (
        select(
            *_OBSERVATION,
            observations.c.withdrawn,
            *[c.label(f"vintage_{c.name}") for c in vintages.c],
        )
        .join_from(observations, vintages, observations.c.vintage_id == vintages.c.id)
        .join(series, observations.c.series_id == series.c.id)
        .where(series.c.code == series_code)
        .order_by(observations.c.period, vintages.c.recorded_at, vintages.c.id)
    )
