"""The assessment's view of the store: per series, points in time order."""

from __future__ import annotations

import datetime as dt

from ipkpi.points import Point
from ipkpi.store import SeriesCatalog, Store, import_file
from ipkpi.store.series_points import series_points

from .conftest import FIXTURES


def test_points_carry_period_decimal_year_value_and_flags(
    store: Store, catalog: SeriesCatalog
) -> None:
    import_file(store, FIXTURES / "tidy_mixed_units.csv", catalog)
    import_file(store, FIXTURES / "japanese_headers_shift_jis.csv", catalog)

    points = series_points(
        store, ["data.store.exports.jpn", "data.store.ai.jpn", "data.store.piracy.top10"]
    )

    assert points["data.store.exports.jpn"] == [
        Point("2023", 2023.0, 1.4541, []),
        Point("2024", 2024.0, 1.5073, []),
        Point("2025", 2025.0, 1.7005, ["provisional"]),
    ]
    assert points["data.store.ai.jpn"] == [
        Point("FY2023", 2023.0, 42.7, []),
        Point("FY2024", 2024.0, 49.7, []),
    ]
    assert points["data.store.piracy.top10"] == [
        Point("2024-01", 2024.0, 1.079, ["estimate", "approximate"])
    ]


def test_points_as_of_a_date(store: Store, catalog: SeriesCatalog) -> None:
    import_file(
        store, FIXTURES / "exports_first_release.csv", catalog, recorded_at=dt.datetime(2025, 2, 4)
    )
    import_file(
        store, FIXTURES / "exports_final_release.csv", catalog, recorded_at=dt.datetime(2025, 8, 1)
    )
    then = series_points(store, as_of=dt.date(2025, 3, 1))["data.store.exports.jpn"]
    assert then[-1] == Point("2024", 2024.0, 1.5071, ["provisional"])
