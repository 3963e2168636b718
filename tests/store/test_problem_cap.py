"""A file of many bad rows: the first 1,000 problems described, the rest counted by kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipkpi.store import DataFileError, SeriesCatalog, Store, import_file
from ipkpi.store.problems import MAX_PROBLEMS


def test_past_the_cap_problems_are_counted_not_described(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    # 3,000 rows repeating one period (2,999 duplicates) and 3,000 values that are not numbers.
    rows = "".join("data.store.daily.a,2024,1\n" for _ in range(3000))
    rows += "".join(f"data.store.daily.b,{1900 + n % 120},x{n}\n" for n in range(3000))
    path.write_text("series,period,value\n" + rows, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog, dry_run=True)
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS == 1000
    assert error.counts()["data.duplicate"] == 2999 + 2880  # b repeats its 120 years too
    assert error.counts()["data.value.not_number"] == 3000
    assert error.total == 2999 + 2880 + 3000 and error.more == error.total - 1000
    assert [p.row for p in error.problems[:2]] == [3, 4]  # in file order
