"""Revisions: a first release (速報) then a final one (確報); nothing is ever overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from ipkpi.store import SeriesCatalog, Store, import_file
from ipkpi.store.schema import observations

from .conftest import FIXTURES

FIRST = dt.datetime(2025, 2, 4, 9, 0)
FINAL = dt.datetime(2025, 8, 1, 9, 0)


def import_both(store: Store, catalog: SeriesCatalog) -> None:
    import_file(store, FIXTURES / "exports_first_release.csv", catalog, recorded_at=FIRST)
    import_file(store, FIXTURES / "exports_final_release.csv", catalog, recorded_at=FINAL)


def value_2024(store: Store, **query: object) -> float:
    [found] = [o for o in store.observations(**query) if o.period == "2024"]  # type: ignore[arg-type]
    return found.value


def test_latest_is_the_final_release(store: Store, catalog: SeriesCatalog) -> None:
    import_both(store, catalog)
    [final] = [o for o in store.observations() if o.period == "2024"]
    assert (final.value, final.flags, final.note) == (1.5073, (), "確報")
    assert "確報" in (final.source_title or "")


def test_as_of_gives_what_was_known_then(store: Store, catalog: SeriesCatalog) -> None:
    import_both(store, catalog)
    assert value_2024(store, as_of=dt.date(2025, 3, 1)) == 1.5071
    assert value_2024(store, as_of=dt.date(2025, 8, 1)) == 1.5073  # a date covers its whole day
    assert value_2024(store, as_of=dt.datetime(2025, 8, 1, 8, 59)) == 1.5071
    assert store.observations(as_of=dt.date(2025, 2, 3)) == []


def test_as_of_with_a_time_zone(store: Store, catalog: SeriesCatalog) -> None:
    import_both(store, catalog)
    jst = dt.timezone(dt.timedelta(hours=9))
    # 18:30 JST on 1 August is 09:30 UTC: after the final release was recorded.
    assert value_2024(store, as_of=dt.datetime(2025, 8, 1, 18, 30, tzinfo=jst)) == 1.5073
    assert value_2024(store, as_of=dt.datetime(2025, 8, 1, 17, 30, tzinfo=jst)) == 1.5071


def test_history_lists_both_releases(store: Store, catalog: SeriesCatalog) -> None:
    import_both(store, catalog)
    history = [
        (r.observation.period, r.observation.value, r.observation.flags, r.vintage.file_name)
        for r in store.history("data.store.exports.jpn")
    ]
    assert history == [
        ("2023", 1.4541, (), "exports_first_release.csv"),
        ("2024", 1.5071, ("provisional",), "exports_first_release.csv"),
        ("2024", 1.5073, (), "exports_final_release.csv"),
    ]
    assert [r.vintage.recorded_at for r in store.history("data.store.exports.jpn")][1:] == [
        FIRST,
        FINAL,
    ]


def test_a_revision_is_a_new_row_and_unchanged_rows_are_not_repeated(
    store: Store, catalog: SeriesCatalog
) -> None:
    import_both(store, catalog)
    with store.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(observations)).scalar()
    assert rows == 3  # 2023 and 2024 from the first release, 2024 again from the final one
    first, final = store.vintages()
    assert (first.new_count, first.revised_count) == (2, 0)
    assert (final.row_count, final.new_count, final.revised_count) == (2, 0, 1)


def test_a_file_without_sources_does_not_revise_provenance(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    import_file(store, FIXTURES / "exports_final_release.csv", catalog, recorded_at=FIRST)
    bare = tmp_path / "bare_table.csv"
    bare.write_text("系列,年,値,単位\ndata.store.exports.jpn,2024,15073,億円\n", encoding="utf-8")

    report = import_file(store, bare, catalog, recorded_at=FINAL)

    assert (report.new_count, report.revised_count, report.unchanged_count) == (0, 0, 1)
    [entry] = [r for r in store.history("data.store.exports.jpn") if r.observation.period == "2024"]
    assert entry.vintage.file_name == "exports_final_release.csv"


def test_the_vintage_source_applies_to_rows_without_one(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "ranks.csv"
    path.write_text("series,period,value\ndata.store.rank.jpn,2024,13\n", encoding="utf-8")
    import_file(
        store, path, catalog, source_title="WIPO GII 2024", source_url="https://www.wipo.int/"
    )
    [observation] = store.observations()
    assert (observation.source_title, observation.source_url) == (
        "WIPO GII 2024",
        "https://www.wipo.int/",
    )
