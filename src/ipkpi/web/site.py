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
from ..text import LANGS, Lang, t
from .dashboard import Dashboard
from .errors import error_page
from .openapi import SiteFiles, openapi
from .pages.search import localized_index
from .render import render_html
from .site_pages import PageJob, site_pages
from .ui_strings import UI
from .urls import StaticUrls

STATIC_FILES = ("style.css", "app.js", "chart.js", "favicon.ico")
STATIC_DIR = Path(__file__).parent / "static"
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SiteReport:
    pages: int
    files: int
    bytes: int


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
) -> SiteReport:
    """Write the site into ``out`` (created; files of an earlier build are replaced)."""
    global _WORKER
    provider.freeze()
    latest = provider.get(None)
    as_ofs: list[AsOf | None] = [None]
    if vintages == "all":
        as_ofs += [v.as_of for v in latest.all_vintages[:-1]]
    for as_of in as_ofs:  # read every vintage's data before forking: workers only read them
        provider.get(as_of)
    formats = tuple(downloads) + (("svg", "png") if svg else ())
    held = SiteFiles(formats, vintages=len(as_ofs) > 1)
    dashboard = Dashboard(provider, site=held)
    jobs = list(site_pages(provider.plan, as_ofs, downloads=formats))
    out.mkdir(parents=True, exist_ok=True)
    files, size = _write_assets(provider, out, held)
    stubs = [j for j in jobs if j.as_of is None and latest.vintage is not None]
    files += _write_stubs(stubs, latest.vintage.as_of if latest.vintage else None, out)
    _WORKER = (dashboard, out, svg)
    # KPI pages first, in parallel: each worker assesses its KPIs by every method and sends
    # the verdicts back; the lists (home, progress, parts, sections) come after, from them.
    kpi_jobs = [j for j in jobs if j.route == "kpi"]
    list_jobs = [j for j in jobs if j.route != "kpi"]
    done = 0

    def finished(result: ChunkResult, count: int) -> None:
        nonlocal files, size, done
        files, size, done = files + result[0], size + result[1], done + count
        for as_of, kpi_id, verdicts in result[2]:
            provider.get(as_of).adopt(kpi_id, verdicts)
        if progress:
            progress(done, len(jobs))

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
    return SiteReport(pages=len(jobs), files=files, bytes=size)


ChunkResult = tuple[int, int, list[tuple[AsOf | None, str, tuple[Verdict, ...]]]]


def _render_chunk(jobs: list[PageJob]) -> ChunkResult:
    assert _WORKER is not None
    dashboard, out, svg = _WORKER
    files = size = 0
    made: set[Path] = set()
    verdicts: list[tuple[AsOf | None, str, tuple[Verdict, ...]]] = []
    for job in jobs:
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
            files, size = files + 1, size + len(rendered.body)
    return files, size, verdicts


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
    files = len(STATIC_FILES) + 3
    for lang in LANGS:
        files += _write_search_index(provider, lang, out)
    write_text(out / "404.html", _not_found_page("ja"), encoding="utf-8")
    (out / "en").mkdir(exist_ok=True)
    write_text(out / "en" / "404.html", _not_found_page("en"), encoding="utf-8")
    return files + 2, sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def _write_search_index(provider: FollowUpProvider, lang: Lang, out: Path) -> int:
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
    return 1


def _not_found_page(lang: Lang) -> str:
    target = StaticUrls.file("home", lang, None, "html", {}).replace("index.html", "404.html")
    page = error_page(404, t("ページが見つかりません。", "no such page"), lang, "")
    page["alternate"] = StaticUrls(target).page("home", "en" if lang == "ja" else "ja")
    return render_html(page, StaticUrls(target), template="error.html")


def _write_stubs(jobs: list[PageJob], latest: AsOf | None, out: Path) -> int:
    """Pages of the latest vintage under ``as-of/DATE/``, forwarding to the canonical page.

    The permalink of the latest data points there; once newer data are built, the folder
    holds the real pages of that vintage, so the link keeps showing what it showed.
    """
    if latest is None:
        return 0
    count = 0
    for job in jobs:
        params = job.param_dict
        stub = StaticUrls.file(job.route, job.lang, latest, "html", params)
        target = StaticUrls(stub).page(job.route, job.lang, None, "html", None, **params)
        path = out / stub
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(
            path,
            f'<!doctype html><html lang="{job.lang}"><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"><title>{latest.isoformat()}</title>'
            f'<a href="{target}">{target}</a></html>\n',
            encoding="utf-8",
            sync=False,
        )
        count += 1
    return count
