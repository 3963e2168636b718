"""The import desk's small parts: notices, rows of the pages, downloads, refusals."""

from __future__ import annotations

import shutil
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.responses import Response

from ..problems import Problem
from ..service import submissions
from ..store import ImportReport
from ..text import Lang
from ..units import UnitError, unit
from ..wording import exact
from .ui_strings import UI

if TYPE_CHECKING:
    from .imports import ImportOptions


#: Problems listed on the page (the rest are counted by kind).
MAX_PROBLEMS = 1000


def notice_of(key: str, lang: Lang, **values: str) -> dict[str, str]:
    return {"key": key, "text": UI[key].get(lang).format(**values)}


def kept_fields(options: ImportOptions) -> dict[str, str]:
    """The form's fields to fill in again (never the token)."""
    return {
        "sheet": options.sheet or "",
        "source_title": options.source_title or "",
        "source_url": options.source_url or "",
    }


def counts(report: ImportReport) -> dict[str, int]:
    return {
        "new": report.new_count,
        "revised": report.revised_count,
        "unchanged": report.unchanged_count,
    }


def problem_row(problem: Problem, lang: Lang) -> dict[str, Any]:
    place = problem.cell or problem.column
    if problem.cell and problem.column:
        place = f"{problem.cell} ({problem.column})"
    return {
        "row": problem.row or "",
        "place": place or UI["import_whole_file"].get(lang),
        "value": problem.value,
        "code": problem.code,
        "reason": problem.message.text(lang),
        "hint": problem.message.hint(lang),
    }


def number(value: float) -> str:
    return exact(value)


def unit_label(code: str, lang: Lang) -> str:
    try:
        return unit(code).symbol.get(lang) or code
    except UnitError:
        return code


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def download(body: bytes, media_type: str, name: str) -> Response:
    quoted = urllib.parse.quote(name)
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"}
    return Response(body, media_type=media_type, headers=headers)


def draft_data(draft: submissions.Submission) -> dict[str, Any]:
    return {"id": draft.id, "version": draft.version, "ministry": draft.ministry}


def too_many(wait: int, lang: Lang) -> Response:
    text = UI["import_too_many"].get(lang).format(seconds=wait)
    headers = {"Retry-After": str(wait), "Cache-Control": "no-store"}
    return Response(text + "\n", 429, headers=headers, media_type="text/plain; charset=utf-8")


def busy(detail: str, lang: Lang) -> Response:
    text = UI["import_busy"].get(lang).format(detail=detail)
    headers = {"Retry-After": "30", "Cache-Control": "no-store"}
    return Response(text + "\n", 503, headers=headers, media_type="text/plain; charset=utf-8")
