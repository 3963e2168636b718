"""The static site: the dashboard's pages rendered in-process to files any static host serves.

Every page is rendered by the same :class:`~.dashboard.Dashboard` as the server, with links
relative to the file (so the folder works under any base path, or opened from disk). Charts
are drawn in the browser from the spec embedded in each page, whose "save" buttons make PNG and
SVG files in the browser; rendered SVG and PNG files are optional (``svg=True``) because
rendering thousands of them takes minutes.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..assessment.verdict import Verdict
from ..charts import javascript_bundle
from ..files import copy_file, replace_bytes, write_text
from ..followup import FollowUpProvider
from ..followup.model import AsOf
from ..followup.verdict_cache import CACHE_FILE, VerdictCache
from ..text import LANGS, Lang, t
from .dashboard import Dashboard
from .errors import error_page
from .openapi import SiteFiles, openapi
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
from .ui_strings import UI
from .urls import StaticUrls

STATIC_FILES = ("style.css", "app.js", "chart.js", "favicon.ico")
STATIC_DIR = Path(__file__).parent / "static"
Progress = Callable[[int, int], None]


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


_WORKER: tuple[Dashboard, Path, bool] | None = None


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
    no longer produced are removed. Without it every page is rendered.
    """
    global _WORKER
    provider.freeze()
    latest = provider.get(None)
    as_ofs: list[AsOf | None] = [None]
    if vintages == "all":
        as_ofs += [v.as_of for v in latest.all_vintages[:-1]]
    cached = VerdictCache.load(out / CACHE_FILE) if incremental else VerdictCache()
    for as_of in as_ofs:  # every vintage's data and verdicts before forking: workers only read
        provider.get(as_of).use_cache(cached)
        provider.get(as_of).assess_all()  # one batch per method for all KPIs, not KPI by KPI
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
    files, size = _write_assets(provider, out, held)
    index_key = job_hash(INDEX, common, data[None])
    more = _write_lists(provider, jobs, out, previous, entries, (index_key, common))
    files, size = files + more[0], size + more[1]
    _WORKER = (dashboard, out, svg)
    # A KPI's pages (its page, its embed) first, in parallel: each worker sends the verdicts
    # back; the lists (home, progress, parts, sections) come after, from them.
    kpi_jobs = [j for j in todo if j.route in KPI_ROUTES]
    list_jobs = [j for j in todo if j.route not in KPI_ROUTES]
    done = 0

    def finished(result: ChunkResult, count: int) -> None:
        nonlocal files, size, done
        files, size, done = files + result[0], size + result[1], done + count
        for as_of, kpi_id, verdicts in result[2]:
            provider.get(as_of).adopt(kpi_id, verdicts)
        for job, written in result[3]:
            entries[job_name(job)] = Entry(keys[job], written)
        if progress:
            progress(done, len(todo))

    chunks = [kpi_jobs[i : i + 200] for i in range(0, len(kpi_jobs), 200)]
    if workers > 1 and len(chunks) > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {pool.submit(_render_chunk, chunk): len(chunk) for chunk in chunks}
            for future in as_completed(futures):
                finished(future.result(), futures[future])
    else:
        for chunk in chunks:
            finished(_render_chunk(chunk), len(chunk))
    finished(_render_chunk(list_jobs), len(list_jobs))
    _WORKER = None
    removed = remove_stale(previous, entries, out)
    cached.save(out / CACHE_FILE)
    write_text(out / MANIFEST, manifest_text(entries), encoding="utf-8", sync=False)
    return SiteReport(len(jobs), files, size, rendered=len(todo), removed=removed)


INDEX = PageJob("search-index", (), "ja", None, ())
"""The search indexes and the forwarding stubs, in the manifest: they change with the lists."""


def _write_lists(
    provider: FollowUpProvider,
    jobs: list[PageJob],
    out: Path,
    previous: dict[str, Entry],
    entries: dict[str, Entry],
    keys: tuple[str, str],
) -> tuple[int, int]:
    """The search indexes (``keys[0]``: they list every KPI) and the latest vintage's
    forwarding stubs (``keys[1]``: made from the plan and the vintages), unless unchanged."""
    files = size = 0
    if not unchanged(previous.get("search-index"), keys[0], out):
        files, size = _write_search_indexes(provider, out)
    entries["search-index"] = Entry(keys[0], tuple(f"search-index.{lang}.js" for lang in LANGS))
    latest = provider.get(None).vintage
    if unchanged(previous.get("stubs"), keys[1], out):
        entries["stubs"] = previous["stubs"]
    else:
        stubs = [j for j in jobs if j.as_of is None]
        at = latest.as_of if latest else None
        entries["stubs"] = Entry(keys[1], tuple(_write_stubs(stubs, at, out)))
        files += len(entries["stubs"].files)
    return files, size


def remove_stale(previous: dict[str, Entry], entries: dict[str, Entry], out: Path) -> int:
    """Remove the files the last build wrote that this one did not (pages no longer made)."""
    kept = {name for entry in entries.values() for name in entry.files}
    stale = {name for entry in previous.values() for name in entry.files} - kept
    for name in stale:
        (out / name).unlink(missing_ok=True)
    return len(stale)


ChunkResult = tuple[
    int,
    int,
    list[tuple[AsOf | None, str, tuple[Verdict, ...]]],
    list[tuple[PageJob, tuple[str, ...]]],
]


def _render_chunk(jobs: list[PageJob]) -> ChunkResult:
    assert _WORKER is not None
    dashboard, out, svg = _WORKER
    files = size = 0
    made: set[Path] = set()
    verdicts: list[tuple[AsOf | None, str, tuple[Verdict, ...]]] = []
    written: list[tuple[PageJob, tuple[str, ...]]] = []
    for job in jobs:
        names: list[str] = []
        params = job.param_dict
        page = dashboard.page_data(job.route, params, job.lang, job.as_of)
        if job.route == "kpi" and job.lang == "ja":
            status = dashboard.followup(job.as_of).kpi(params["kpi_id"])
            if status is not None:
                verdicts.append((job.as_of, status.kpi.id, status.verdicts))
        for fmt in job.formats:
            if fmt in ("svg", "png") and not page.get("chart"):
                continue
            target = StaticUrls.file(job.route, job.lang, job.as_of, fmt, params)
            urls = StaticUrls(target, svg=svg)
            rendered = dashboard.render(
                job.route, params, job.lang, job.as_of, fmt, urls, page=page
            )
            path = out / target
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            replace_bytes(path, rendered.body)
            names.append(target)
            files, size = files + 1, size + len(rendered.body)
        written.append((job, tuple(names)))
    return files, size, verdicts, written


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


def _write_search_indexes(provider: FollowUpProvider, out: Path) -> tuple[int, int]:
    for lang in LANGS:
        _write_search_index(provider, lang, out)
    return len(LANGS), sum((out / f"search-index.{lang}.js").stat().st_size for lang in LANGS)


def _write_search_index(provider: FollowUpProvider, lang: Lang, out: Path) -> None:
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
    write_text(out / f"search-index.{lang}.js", body, encoding="utf-8")


def _not_found_page(lang: Lang) -> str:
    target = StaticUrls.file("home", lang, None, "html", {}).replace("index.html", "404.html")
    page = error_page(404, t("ページが見つかりません。", "no such page"), lang, "")
    page["alternate"] = StaticUrls(target).page("home", "en" if lang == "ja" else "ja")
    return render_html(page, StaticUrls(target), template="error.html")


def _write_stubs(jobs: list[PageJob], latest: AsOf | None, out: Path) -> list[str]:
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
        replace_bytes(path, body.encode())  # four system calls, no fsync (like the pages)
        written.append(stub)
    return written
