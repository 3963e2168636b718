"""The whole dataset as files: every observation of the plan as known at the page's date.

CSV (the import format, with comment lines saying what it is), Excel (observations, series
and vintages on sheets of their own) and a Frictionless Data Package (zip: ``datapackage.json``
with table schemas, ``observations.csv``, ``series.csv``, ``vintages.csv``). They are made
from the follow-up, not from the store, so the static site has them for every vintage too.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import weakref
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ..followup import FollowUp
from ..spreadsheet import neutralise
from ..store import catalog_from_plan
from ..store.observation import TIDY_COLUMNS
from ..text import Lang
from .ui_strings import UI
from .xlsx import Prepared, Sheet, prepare, workbook

T = TypeVar("T")
COLUMNS = (*TIDY_COLUMNS, "series_label_ja", "series_label_en", "vintage")


def rows(followup: FollowUp) -> list[dict[str, Any]]:
    """One row per observation, in plan order, in the tidy columns plus labels and vintage.

    Made once per follow-up (the page, the CSV, the workbook and the package all read them;
    0.12 s each at 10k KPIs), so the list is shared: read it, do not change it."""
    return _shared(followup, "rows", _rows)


def _rows(followup: FollowUp) -> list[dict[str, Any]]:
    out = []
    seen: set[str] = set()
    for data in followup.series_data():
        series = data.series
        if series.id in seen:  # a series two KPIs share is listed once
            continue
        seen.add(series.id)
        for obs in data.observations:
            out.append(
                {
                    "series": series.id,
                    "period": obs.period,
                    "value": obs.value,
                    "unit": obs.unit or series.unit,
                    "source_title": obs.source_title,
                    "source_url": obs.source_url,
                    "flags": ";".join(obs.flags),
                    "note": obs.note,
                    "note_en": obs.note_en,
                    "series_label_ja": series.label.ja,
                    "series_label_en": series.label.en,
                    "vintage": obs.vintage,
                }
            )
    return out


def vintages(followup: FollowUp) -> list[dict[str, str]]:
    return [
        {
            "id": v.id,
            "recorded_at": v.moment.isoformat(timespec="seconds") if v.moment else "",
            "files": v.label,
        }
        for v in followup.vintages
    ]


def about(page: Mapping[str, Any], lang: Lang) -> list[tuple[str, str]]:
    vintage = page["vintage"]
    return [
        (UI["download_plan"].get(lang), page["plan"]["title"]),
        (UI["download_as_of"].get(lang), vintage.replace("T", " ") if vintage else "—"),
        (UI["dataset_counts"].get(lang), UI["dataset_counts_text"].get(lang).format(**page)),
        (UI["download_how"].get(lang), UI["dataset_how"].get(lang)),
    ]


_SHARED: weakref.WeakKeyDictionary[FollowUp, dict[str, Any]] = weakref.WeakKeyDictionary()
"""What the files of both languages hold alike, made once per follow-up (its data are fixed):
the static site writes every file in Japanese and English."""


def _shared(followup: FollowUp, key: str, make: Callable[[FollowUp], T]) -> T:
    held = _SHARED.setdefault(followup, {})
    if key not in held:
        held[key] = make(followup)
    found: T = held[key]
    return found


def dataset_csv(followup: FollowUp, page: Mapping[str, Any], lang: Lang) -> bytes:
    out = io.StringIO()
    for label, text in about(page, lang):
        out.write(f"# {label}: {text}\r\n")
    return ("\ufeff" + out.getvalue() + _shared(followup, "csv", _csv_table)).encode("utf-8")


def _csv_table(followup: FollowUp) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(followup):  # the cells in COLUMNS' order; the value with every digit
        writer.writerow([neutralise(repr(row[c]) if c == "value" else row[c]) for c in COLUMNS])
    return out.getvalue()


def dataset_xlsx(followup: FollowUp, page: Mapping[str, Any], lang: Lang) -> bytes:
    described = [[UI["download_item"].get(lang), UI["download_text"].get(lang)]]
    described += [[label, text] for label, text in about(page, lang)]
    return workbook(
        [
            *_shared(followup, "xlsx", _data_sheets),
            Sheet(UI["download_about_sheet"].get(lang), described, True, max_width=100),
        ]
    )


def _data_sheets(followup: FollowUp) -> list[Prepared]:
    found = rows(followup)
    listed_series = {d.series.id: d.series for d in followup.series_data()}
    series = [[s.id, s.label.ja, s.label.en, s.unit, s.role] for s in listed_series.values()]
    listed = [["id", "recorded_at", "files"], *([v[k] for k in v] for v in vintages(followup))]
    return [
        prepare(
            Sheet("observations", [list(COLUMNS), *([r[c] for c in COLUMNS] for r in found)], True)
        ),
        prepare(Sheet("series", [["id", "label_ja", "label_en", "unit", "role"], *series], True)),
        prepare(Sheet("vintages", listed, True)),
    ]


def dataset_package(followup: FollowUp, page: Mapping[str, Any], lang: Lang) -> bytes:
    """The Data Package as a zip (one file to download), its files under ``ipkpi-data/``: the
    same in both languages."""
    return _shared(followup, "zip", _package)


def package_before_forking(followup: FollowUp) -> None:
    """Make the Data Package of ``followup`` now, in this process, if it has imported Polars.

    The package is the only file of the site made with Polars, whose threads do not survive
    ``fork``: a worker forked after the parent started them finds them "started" with none
    there, and waits for them forever. Polars starts threads when imported (jemalloc's,
    an out-of-core cleaner) and more when first used (its pool, tokio's), so a process that
    has not imported it is left without it, and forks with one thread: the worker that
    writes the data page makes the package, with threads of its own."""
    if "polars" in sys.modules:
        _shared(followup, "zip", _package)


def _package(followup: FollowUp) -> bytes:
    import polars as pl  # here only: see package_before_forking

    from ..store.exporters.datapackage import write_datapackage
    from ..store.exporters.table import ExportContext

    types = {"value": pl.Float64}
    frame = pl.DataFrame(rows(followup), schema={c: types.get(c, pl.String) for c in COLUMNS})
    moment = followup.vintage.moment if followup.vintage else None
    context = ExportContext(
        catalog_from_plan(followup.plan),
        followup.as_of,
        None,
        moment,
        vintages=tuple(vintages(followup)),
    )
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(out, "w") as archive:
        for path in write_datapackage(frame, Path(folder), context):
            archive.write(path, f"ipkpi-data/{path.name}", zipfile.ZIP_DEFLATED)
    return out.getvalue()
