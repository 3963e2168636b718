"""The static site: the dashboard's pages rendered in-process to files any static host serves.

Every page is rendered by the same :class:`~.dashboard.Dashboard` as the server, with links
relative to the file (so the folder works under any base path, or opened from disk). Charts
are drawn in the browser from the spec embedded in each page, whose "save" buttons make PNG and
SVG files in the browser; rendered SVG and PNG files are optional (``svg=True``) because
rendering thousands of them takes minutes.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..charts import javascript_bundle
from ..files import copy_file, replace_bytes, staged_folder, write_new, write_text
from ..followup import FollowUpProvider
from ..followup.model import AsOf
from ..followup.verdict_cache import CACHE_FILE, VerdictCache
from ..text import LANGS, Lang, t
from .dashboard import Dashboard
from .dataset import package_before_forking
from .errors import error_page
from .openapi import SiteFiles, openapi
from .pages import page_named
from .pages.search import localized_index
from .render import render_html
from .site_inputs import (
    MANIFEST,
    Entry,
    data_hashes,
    global_hash,
    job_hash,
    job_name,
    manifest_text,
    read_manifest,
    still_to_render,
    unchanged,
)
from .site_pages import KPI_ROUTES, PageJob, site_pages
from .site_pool import InBackground, forked_results, working_on
from .ui_strings import UI
from .urls import StaticUrls

STATIC_FILES = ("style.css", "app.js", "chart.js", "favicon.ico")
STATIC_DIR = Path(__file__).parent / "static"
Progress = Callable[[int, int], None]
Writer = Callable[[Path, bytes], None]


@dataclass(frozen=True, slots=True)
class SiteReport:
    """What a build wrote: ``rendered`` of the ``pages`` were rendered (the others were
    unchanged since the last build), ``removed`` files of the last build are gone."""

    pages: int
    files: int
    bytes: int
    rendered: int = 0
    removed: int = 0

    @property
    def skipped(self) -> int:
        return self.pages - self.rendered


_WORKER: tuple[Dashboard, Path, bool, AsOf | None, Writer] | None = None


def build_site(
    provider: FollowUpProvider,
    out: Path,
    *,
    vintages: str = "all",
    downloads: Sequence[str] = ("csv", "xlsx", "zip"),
    svg: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    incremental: bool = True,
) -> SiteReport:
    """Write the site into ``out`` (created; files of an earlier build are replaced).

    With ``incremental``, a page whose inputs (:mod:`.site_inputs`) are those recorded by
    the last build into ``out`` is not rendered again; files that build wrote for pages
    no longer produced are removed. Without it every page is rendered. An ``out`` that does
    not exist yet is filled under a hidden name and appears whole
    (:func:`~ipkpi.files.staged_folder`).
    """
    with staged_folder(out) as (folder, fresh):
        write = write_new if fresh else replace_bytes
        return _build(
            provider, folder, write, vintages, downloads, svg, workers, progress, incremental
        )


def _build(
    provider: FollowUpProvider,
    out: Path,
    write: Writer,
    vintages: str,
    downloads: Sequence[str],
    svg: bool,
    workers: int,
    progress: Progress | None,
    incremental: bool,
) -> SiteReport:
    global _WORKER
    provider.freeze()
    latest = provider.get(None)
    as_ofs: list[AsOf | None] = [None]
    if vintages == "all":
        as_ofs += [v.as_of for v in latest.all_vintages[:-1]]
    cached = VerdictCache.load(out / CACHE_FILE) if incremental else VerdictCache()
    for as_of in as_ofs:  # every vintage's data before forking: workers only read them
        provider.get(as_of).use_cache(cached)
    formats = tuple(downloads) + (("svg", "png") if svg else ())
    held = SiteFiles(formats, vintages=len(as_ofs) > 1)
    dashboard = Dashboard(provider, site=held)
    jobs = list(site_pages(provider.plan, as_ofs, downloads=formats))
    out.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(out) if incremental else {}
    (out / MANIFEST).unlink(missing_ok=True)  # a build that stops half-way leaves none
    common = global_hash(provider.plan, latest, (vintages, formats, svg))
    data = {as_of: data_hashes(provider.get(as_of)) for as_of in as_ofs}
    keys = {job: job_hash(job, common, data[job.as_of]) for job in jobs}
    todo, entries = still_to_render(jobs, keys, previous, out)
    index_key, stub_key = job_hash(INDEX, common, data[None]), common
    index_todo = not unchanged(previous.get("search-index"), index_key, out)
    entries["search-index"] = Entry(index_key, tuple(f"search-index.{n}.js" for n in LANGS))
    stubs: list[Task] = []
    stubs_todo = not unchanged(previous.get("stubs"), stub_key, out)
    if stubs_todo:
        latest_jobs = [j for j in jobs if j.as_of is None and page_named(j.route).permalink]
        stubs = [("stubs", latest_jobs[i : i + 1000]) for i in range(0, len(latest_jobs), 1000)]
    else:
        entries["stubs"] = previous["stubs"]
    _WORKER = (dashboard, out, svg, latest.vintage.as_of if latest.vintage else None, write)
    # The stubs need no verdict: written by a process of their own while this one assesses.
    with InBackground(_run_task, stubs, workers > 1) as stubs_written:
        files, size = _write_assets(provider, out, held)
        for as_of in as_ofs:  # every verdict before forking the workers: they only read them
            provider.get(as_of).assess_all()  # one batch per method for all KPIs
        for as_of in {job.as_of: None for job in todo if "zip" in job.formats}:
            package_before_forking(provider.get(as_of))  # only if this process has Polars
        done = 0
        own, lists = _by_kpi(todo)
        # The lists first, those of every KPI before a part's or a section's (the longest
        # tasks early, so that no worker is left with one at the end), a page's languages
        # in one task (what they hold alike is made once: the whole dataset's tables), then
        # the KPIs' pages.
        same: dict[tuple[str, tuple[tuple[str, str], ...], AsOf | None], list[PageJob]] = {}
        for job in lists:
            same.setdefault((job.route, job.params, job.as_of), []).append(job)
        grouped = sorted(same.values(), key=lambda group: len(group[0].params))
        index: list[Task] = [("index", [_index_job(n)]) for n in LANGS] if index_todo else []
        tasks = [*index, *(("pages", g) for g in grouped), *(("pages", c) for c in own)]
        # The plan, the data and the verdicts live until the end: frozen, the collector's full
        # passes in the workers (forked after this) no longer walk them (0.7 s each at 10k).
        gc.freeze()
        try:
            for result in _run_tasks(tasks, workers):
                files, size, done = files + result[0], size + result[1], done + len(result[2])
                for job, written in result[2]:
                    entries[job_name(job)] = Entry(keys[job], written)
                if progress and result[2]:
                    progress(done, len(todo))
        finally:
            gc.unfreeze()
    if stubs_todo:
        names = tuple(name for result in stubs_written for name in result[3])
        entries["stubs"] = Entry(stub_key, names)
        files += len(names)
    _WORKER = None
    removed = remove_stale(previous, entries, out)
    cached.save(out / CACHE_FILE)
    write_text(out / MANIFEST, manifest_text(entries), encoding="utf-8", sync=False)
    return SiteReport(len(jobs), files, size, rendered=len(todo), removed=removed)


INDEX = PageJob("search-index", (), "ja", None, ())
"""The search indexes and the forwarding stubs, in the manifest: they change with the lists."""


def _index_job(lang: Lang) -> PageJob:
    return PageJob("search-index", (), lang, None, ())


Task = tuple[str, list[PageJob]]
"""What one worker does at a time: ("pages", jobs), ("stubs", jobs) or ("index", [lang])."""

KPIS_A_TASK = 50


def _by_kpi(todo: list[PageJob]) -> tuple[list[list[PageJob]], list[PageJob]]:
    """The pages of each KPI (kpi, embed; both languages, by vintage), in tasks of
    :data:`KPIS_A_TASK` KPIs, each KPI in one task; and the other pages."""
    own: dict[tuple[AsOf | None, str], list[PageJob]] = {}
    lists: list[PageJob] = []
    for job in todo:
        if job.route in KPI_ROUTES:
            own.setdefault((job.as_of, job.param_dict["kpi_id"]), []).append(job)
        else:
            lists.append(job)
    groups = list(own.values())
    tasks = [
        [job for group in groups[i : i + KPIS_A_TASK] for job in group]
        for i in range(0, len(groups), KPIS_A_TASK)
    ]
    return tasks, lists


def _run_tasks(tasks: list[Task], workers: int) -> Iterator[ChunkResult]:
    """Each task's result, as they finish: in ``workers`` processes forked from this one
    (they see its data as it is now), or here, in order."""
    if workers > 1 and len(tasks) > 1:
        yield from forked_results(_run_task, tasks, workers)
    else:
        for task in tasks:
            yield _run_task(task)


def remove_stale(previous: dict[str, Entry], entries: dict[str, Entry], out: Path) -> int:
    """Remove the files the last build wrote that this one did not (pages no longer made)."""
    kept = {name for entry in entries.values() for name in entry.files}
    stale = {name for entry in previous.values() for name in entry.files} - kept
    for name in stale:
        (out / name).unlink(missing_ok=True)
    return len(stale)


ChunkResult = tuple[int, int, list[tuple[PageJob, tuple[str, ...]]], tuple[str, ...]]
"""Files and bytes written, the pages written with their files, forwarding stubs written."""


def _run_task(task: Task) -> ChunkResult:
    assert _WORKER is not None
    kind, jobs = task
    dashboard, out = _WORKER[0], _WORKER[1]
    if kind == "stubs":
        stubs = tuple(_write_stubs(jobs, _WORKER[3], out, _WORKER[4]))
        return 0, 0, [], stubs
    if kind == "index":
        working_on(f"search-index.{jobs[0].lang}.js")
        written = _write_search_index(dashboard.provider, jobs[0].lang, out, _WORKER[4])
        return 1, written, [], ()
    result = _render_chunk(jobs)
    gc.collect(1)  # the task's own garbage; what it remembered (rows, nav, wording) is frozen:
    gc.freeze()  # out of the collector's walks from now on
    return result


def _render_chunk(jobs: list[PageJob]) -> ChunkResult:
    assert _WORKER is not None
    dashboard, out, svg, _latest, write = _WORKER
    files = size = 0
    made: set[Path] = set()
    written: list[tuple[PageJob, tuple[str, ...]]] = []
    for job in jobs:
        names: list[str] = []
        params = job.param_dict
        targets = [
            (f, StaticUrls.file(job.route, job.lang, job.as_of, f, params)) for f in job.formats
        ]
        working_on(targets[0][1])  # what a worker that stops was writing (site_pool)
        page = dashboard.page_data(job.route, params, job.lang, job.as_of)
        for fmt, target in targets:
            if fmt in ("svg", "png") and not page.get("chart"):
                continue
            working_on(target)
            urls = StaticUrls(target, svg=svg)
            rendered = dashboard.render(
                job.route, params, job.lang, job.as_of, fmt, urls, page=page
            )
            path = out / target
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            write(path, rendered.body)
            names.append(target)
            files, size = files + 1, size + len(rendered.body)
        written.append((job, tuple(names)))
    return files, size, written, ()


def _write_assets(provider: FollowUpProvider, out: Path, held: SiteFiles) -> tuple[int, int]:
    static = out / "static"
    static.mkdir(parents=True, exist_ok=True)
    for name in STATIC_FILES:
        copy_file(STATIC_DIR / name, static / name)
    copy_file(javascript_bundle(), static / "vega-bundle.js")
    copy_file(STATIC_DIR / "favicon.ico", out / "favicon.ico")
    write_text(
        out / "openapi.json",
        json.dumps(openapi(provider.plan.title, site=held), ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    write_text(out / "404.html", _not_found_page("ja"), encoding="utf-8")
    (out / "en").mkdir(exist_ok=True)
    write_text(out / "en" / "404.html", _not_found_page("en"), encoding="utf-8")
    written = [static / n for n in (*STATIC_FILES, "vega-bundle.js")]
    written += [out / n for n in ("favicon.ico", "openapi.json", "404.html", "en/404.html")]
    return len(written), sum(p.stat().st_size for p in written)


def _write_search_index(provider: FollowUpProvider, lang: Lang, out: Path, write: Writer) -> int:
    """Write the language's search index; its size in bytes."""
    page = StaticUrls.file("search", lang, None, "html", {})
    urls = StaticUrls(page)
    entries = [
        {
            "type": e["type"],
            "type_label": UI[f"result_{e['type']}"].get(lang),
            "title": str(e["title"]),
            "href": urls.page(e["route"], lang, None, "html", None, **e["params"]),
            "snippet": e["snippet"],
            "latest": e["latest"],
            "tone": e["tone"],
            "status_label": e["status_label"],
            "text": e["text"],
        }
        for e in localized_index(provider.plan, lang, provider.get(None))
    ]
    body = "window.IPKPI_SEARCH = " + json.dumps(entries, ensure_ascii=False) + ";\n"
    data = body.encode()
    write(out / f"search-index.{lang}.js", data)  # no fsync, like the pages
    return len(data)


def _not_found_page(lang: Lang) -> str:
    target = StaticUrls.file("home", lang, None, "html", {}).replace("index.html", "404.html")
    page = error_page(404, t("ページが見つかりません。", "no such page"), lang, "")
    page["alternate"] = StaticUrls(target).page("home", "en" if lang == "ja" else "ja")
    return render_html(page, StaticUrls(target), template="error.html")


def _write_stubs(jobs: list[PageJob], latest: AsOf | None, out: Path, write: Writer) -> list[str]:
    """Pages of the latest vintage under ``as-of/DATE/``, forwarding to the canonical page.

    The permalink of the latest data points there; once newer data are built, the folder
    holds the real pages of that vintage, so the link keeps showing what it showed.
    """
    if latest is None:
        return []
    written: list[str] = []
    made: set[Path] = set()
    title = latest.isoformat()
    for job in jobs:
        params = job.param_dict
        stub = StaticUrls.file(job.route, job.lang, latest, "html", params)
        target = StaticUrls(stub).page(job.route, job.lang, None, "html", None, **params)
        working_on(stub)  # what a worker that stops was writing (site_pool)
        path = out / stub
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        body = (
            f'<!doctype html><html lang="{job.lang}"><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"><title>{title}</title>'
            f'<a href="{target}">{target}</a></html>\n'
        )
        write(path, body.encode())  # no fsync (like the pages)
        written.append(stub)
    return written
