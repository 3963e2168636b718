"""What each page of a static site is made from, as a hash, and the manifest that keeps them.

An incremental build (:func:`~.site.build_site`) renders a page again only when the hash of its
inputs changed since the build that wrote the manifest. The inputs are, for every page: the
code, templates, strings and static files of this ipkpi (hashed from the installed package),
the whole plan, the vintages, the build's options and the day of the build (the data-due
calendar reads it); then, for a KPI's own pages (``kpi``, ``embed``), that KPI's observations,
statement and completion; for a part's or section's page, those of its KPIs; for a measure's
page, those of the KPIs it serves and the review cycles in the store; for every other page
(home, progress, search, downloads, the measures list…), those of every KPI and the review
cycles. A change to the plan or to the code therefore renders everything again; a changed
observation renders its KPI's pages, its measures' and the lists; a published review cycle,
the measure pages and the lists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__
from ..cycle import CycleRecords
from ..followup import FollowUp
from ..plan import Plan
from .site_pages import PageJob

MANIFEST = ".ipkpi-site.json"
"""The manifest's file name in the site folder: page → inputs hash and files written."""

_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def code_hash() -> str:
    """Every file of the installed package (code, templates, strings, static files)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def global_hash(plan: Plan, followup: FollowUp, options: Iterable[object]) -> str:
    """What every page depends on: code, plan, vintages, options and today's date."""
    digest = hashlib.sha256(code_hash().encode())
    digest.update(plan.model_dump_json().encode())
    digest.update(repr(followup.all_vintages).encode())
    digest.update(repr(tuple(options)).encode())
    digest.update(dt.date.today().isoformat().encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class DataHashes:
    """At one vintage: per KPI the hash of its data, per part, section and measure (its KPIs'
    data and the review cycles), and overall (every KPI's data and the review cycles)."""

    kpis: dict[str, str]
    parts: dict[str, str]
    sections: dict[tuple[str, str], str]
    every: str
    measures: dict[str, str] = field(default_factory=dict)


def cycles_digest(source: object) -> str:
    """Every review cycle in the store with its measures' updates (at its lock and since),
    hashed: the measure pages show the published ones (none without a store)."""
    store = getattr(source, "store", None)
    if store is None:
        return ""
    records = CycleRecords(store.engine)
    held = [
        (c, records.updates(c.code, c.locked_at), records.updates(c.code)) for c in records.cycles()
    ]
    return hashlib.sha256(repr(held).encode()).hexdigest()


def data_hashes(followup: FollowUp) -> DataHashes:
    """Each KPI's observations, statement and completion at the follow-up's date, hashed."""
    kpis: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    sections: dict[tuple[str, str], list[str]] = {}
    for part, section, kpi in followup.plan.iter_kpis():
        held = (
            kpi.id,
            followup.data_digest(kpi.id),
            followup.statements.get(kpi.id),
            followup.completions.get(kpi.id),
        )
        key = hashlib.sha256(repr(held).encode()).hexdigest()
        kpis[kpi.id] = key
        parts.setdefault(part.id, []).append(key)
        if section is not None:
            sections.setdefault((part.id, section.id), []).append(key)
    cycles = cycles_digest(followup.source)
    measures = {
        m.id: _joined([cycles, *(kpis.get(link.kpi, "") for link in m.kpis)])
        for m in followup.plan.measures()
    }
    return DataHashes(
        kpis,
        {k: _joined(v) for k, v in parts.items()},
        {k: _joined(v) for k, v in sections.items()},
        _joined([*kpis.values(), cycles]),
        measures,
    )


def _joined(keys: list[str]) -> str:
    return hashlib.sha256("".join(keys).encode()).hexdigest()


def job_name(job: PageJob) -> str:
    """The page's name in the manifest (route, parameters, language, vintage)."""
    params = ",".join(f"{k}={v}" for k, v in job.params)
    as_of = job.as_of.isoformat() if job.as_of is not None else "latest"
    return f"{job.route}?{params}|{job.lang}|{as_of}"


def job_hash(job: PageJob, common: str, data: DataHashes) -> str:
    """The hash of everything ``job``'s files are made from."""
    params = job.param_dict
    if "kpi_id" in params:
        scope = data.kpis.get(params["kpi_id"], data.every)
    elif "measure_id" in params:
        scope = data.measures.get(params["measure_id"], data.every)
    elif "section_id" in params:
        scope = data.sections.get((params.get("part_id", ""), params["section_id"]), data.every)
    elif "part_id" in params:
        scope = data.parts.get(params["part_id"], data.every)
    else:
        scope = data.every
    text = f"{common}|{job_name(job)}|{','.join(job.formats)}|{scope}"
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """A page in the manifest: its inputs hash and the files (relative paths) written for it."""

    key: str
    files: tuple[str, ...]


def read_manifest(out: Path) -> dict[str, Entry]:
    """The manifest of the build that wrote ``out`` (empty: none, or not readable)."""
    try:
        raw = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        pages = raw["pages"] if raw.get("version") == 1 else {}
        return {name: Entry(str(e["key"]), tuple(e["files"])) for name, e in pages.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def manifest_text(entries: Mapping[str, Entry]) -> str:
    """The manifest as JSON, one page a line (no ``indent``: json's C encoder then writes it,
    ten times faster than the Python one ``indent`` needs, for 40k pages at 10k KPIs). One
    encoder for every value: ``json.dumps(..., ensure_ascii=False)`` made a new one for each
    (80k at 10k KPIs: 0.24 -> 0.09 s, written after the workers end, with no core busy)."""
    body = ",\n".join(
        f'{_ENCODE(name)}: {{"key": {_ENCODE(e.key)}, "files": {_ENCODE(list(e.files))}}}'
        for name, e in entries.items()
    )
    return f'{{"version": 1, "pages": {{\n{body}\n}}}}\n'


def unchanged(entry: Entry | None, key: str, out: Path) -> bool:
    """Whether the page's files from the last build still hold what ``key`` would make.

    An entry of many files is checked against one walk of the folder (:func:`existing_files`):
    the forwarding stubs' entry lists a file per page (40k at 10k KPIs), and a
    ``Path.is_file`` each took 1.1 s of a 6 s rebuild."""
    if entry is None or entry.key != key:
        return False
    if len(entry.files) > 64:
        return existing_files(out).issuperset(entry.files)
    return all((out / name).is_file() for name in entry.files)


def existing_files(out: Path) -> set[str]:
    """Every file under ``out``, as the manifest names them (relative, ``/``-separated), from
    one walk of its folders: the names come from reading each folder, with no ``stat`` of
    each file (a 10k-KPI site has ~140k files; a ``Path.is_file`` each took ~14 s profiled).
    Links to folders are not followed."""
    found: set[str] = set()
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            listing = os.scandir(out / folder if folder else out)
        except OSError:
            continue
        with listing:
            for item in listing:
                name = f"{folder}/{item.name}" if folder else item.name
                if item.is_dir(follow_symlinks=False):
                    folders.append(name)
                elif item.is_file():
                    found.add(name)
    return found


def still_to_render(
    jobs: list[PageJob], keys: Mapping[PageJob, str], previous: Mapping[str, Entry], out: Path
) -> tuple[list[PageJob], dict[str, Entry]]:
    """The pages to render, and the manifest entries of those left as they are: same inputs
    hash, and every file the last build wrote for the page still there."""
    kept: dict[str, Entry] = {}
    todo: list[PageJob] = []
    present = existing_files(out) if previous else set()
    for job in jobs:
        name = job_name(job)
        entry = previous.get(name)
        if entry is not None and entry.key == keys[job] and present.issuperset(entry.files):
            kept[name] = entry
        else:
            todo.append(job)
    return todo, kept
