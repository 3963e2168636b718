"""Import speed of the SQLite store: one million observations from a generated CSV.

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--keep DIR] [--db POSTGRES_URL]

Generates a tidy CSV (1,000 monthly series × 1,000 months, values in 億円 for series kept in
兆円, so every value is converted), imports it into a fresh SQLite store with
:func:`ipkpi.store.import_file`, and prints rows per second and peak memory. Not a test: the
figure depends on the machine (the target is 300,000 rows/s on a 2-core VM). ``--db`` runs the
same import into PostgreSQL instead (a fresh schema, dropped afterwards), e.g. the test server:
``--db "$(bash scripts/postgres-test-db.sh)"``.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from ipkpi.store import SeriesInfo, Store, import_file
from ipkpi.text import Text
from pg_schema import postgres_schema


def generate(path: Path, rows: int, series_count: int = 1000) -> dict[str, SeriesInfo]:
    random.seed(20250603)
    months = max(rows // series_count, 1)
    catalog: dict[str, SeriesInfo] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["series", "period", "value", "unit", "source_title", "source_url", "flags", "note"]
        )
        written = 0
        for s in range(series_count):
            code = f"bench.s{s:04d}"
            catalog[code] = SeriesInfo(
                code, "jpy_cho", Text(ja=f"系列{s}", en=f"Series {s}"), "monthly"
            )
            for m in range(months):
                if written == rows:
                    break
                year, month = 1940 + m // 12, m % 12 + 1
                out.writerow(
                    [
                        code,
                        f"{year}-{month:02d}",
                        f"{random.random() * 100000:.1f}",
                        "億円",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
                written += 1
    return catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the CSV and the store here")
    parser.add_argument(
        "--trace-memory",
        action="store_true",
        help="also report Python allocations with tracemalloc (slows the import)",
    )
    parser.add_argument("--db", help="a PostgreSQL URL: import there instead of SQLite")
    parser.add_argument(
        "--repeat", type=int, default=3, help="PostgreSQL: runs of each (min, median)"
    )
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.rows, args.trace_memory, args.db, args.repeat)
        return
    with tempfile.TemporaryDirectory(prefix="ipkpi-bench-") as folder:
        run(Path(folder), args.rows, args.trace_memory, args.db, args.repeat)


def run(
    folder: Path, rows: int, trace_memory: bool, db: str | None = None, repeat: int = 3
) -> None:
    if db is not None:
        compare_postgres(folder, rows, db, repeat)
    else:
        _run(folder, rows, trace_memory, None)


def compare_postgres(folder: Path, rows: int, db: str, repeat: int = 3) -> None:
    """In one run, ``repeat`` times each: the import with per-row foreign-key checks (the path
    below ``writer.PG_BULK_ROWS``), the import with the keys checked once, and a bare COPY of
    the same rows into a table like ``observations`` without foreign keys (same indexes).
    Prints each timing's min and median and the ratios of the mins and of the medians."""
    from ipkpi.store import writer

    source = folder / "observations.csv"
    catalog = generate(source, rows)
    print(f"generated {rows:,} rows in {source}")
    timings: dict[str, list[float]] = {"per-row keys": [], "keys checked once": [], "bare COPY": []}
    bulk_rows = writer.PG_BULK_ROWS
    for _ in range(repeat):
        for label, threshold in (("per-row keys", 10**12), ("keys checked once", bulk_rows)):
            writer.PG_BULK_ROWS = threshold
            with postgres_schema(db) as url, Store.open(url) as store:
                started = time.perf_counter()
                import_file(store, source, catalog, source_title="benchmark")
                timings[label].append(time.perf_counter() - started)
                if label == "keys checked once":
                    timings["bare COPY"].append(_bare_copy(store))
        writer.PG_BULK_ROWS = bulk_rows
    for label, seconds in timings.items():
        print(f"{label}: min {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s "
              f"({', '.join(f'{s:.2f}' for s in seconds)})")  # fmt: skip
    bare = timings["bare COPY"]
    for label in ("per-row keys", "keys checked once"):
        mins = min(bare) / min(timings[label])
        medians = statistics.median(bare) / statistics.median(timings[label])
        print(f"import with {label} at {mins:.2f}x (min) / {medians:.2f}x (median) the speed "
              "of a bare COPY (goal >= 0.5)")  # fmt: skip


def _bare_copy(store: Store) -> float:
    """Seconds to COPY the stored rows again into a table with the same indexes, no keys."""
    columns = "vintage_id, series_id, period, value, flags, note, note_en, source_title, source_url"
    raw = store.engine.raw_connection()
    try:
        driver = raw.driver_connection
        with driver.cursor() as cursor:  # type: ignore[union-attr]
            data = bytearray()
            with cursor.copy(f"COPY observations ({columns}) TO STDOUT (FORMAT csv)") as out:
                for chunk in out:
                    data += chunk
            cursor.execute("CREATE TABLE bare (LIKE observations INCLUDING ALL)")
            started = time.perf_counter()
            with cursor.copy(f"COPY bare ({columns}) FROM STDIN (FORMAT csv)") as into:
                into.write(bytes(data))
            driver.commit()  # type: ignore[union-attr]
            return time.perf_counter() - started
    finally:
        raw.close()


def _run(folder: Path, rows: int, trace_memory: bool, url: str | None) -> None:
    source = folder / "observations.csv"
    catalog = generate(source, rows)
    size_mb = source.stat().st_size / 2**20
    print(f"generated {rows:,} rows ({size_mb:,.1f} MB) in {source}")
    database = folder / "bench.db"
    for leftover in folder.glob("bench.db*"):
        leftover.unlink()
    if trace_memory:
        tracemalloc.start()
    with Store.open(url or database) as store:
        started = time.perf_counter()
        report = import_file(store, source, catalog, source_title="benchmark")
        elapsed = time.perf_counter() - started
        with store.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT count(*) FROM observations").scalar()
    rate = report.row_count / elapsed
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"imported {report.row_count:,} rows ({stored:,} stored) into "
        f"{'PostgreSQL' if url else 'SQLite'} in {elapsed:.2f} s: "
        f"{rate:,.0f} rows/s"
    )
    print(f"peak memory (max RSS of the process): {peak_rss:,.0f} MB")
    if trace_memory:
        _, peak = tracemalloc.get_traced_memory()
        print(f"peak Python allocations (tracemalloc): {peak / 2**20:,.0f} MB")
    if stored != report.row_count:
        sys.exit(1)


if __name__ == "__main__":
    main()
