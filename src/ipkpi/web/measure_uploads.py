"""Keeping an uploaded cycle XLSX of measure updates as a submission (a draft or a fix).

The import form's upload path (sign-in and rate limits before the body, CSRF token and
ministry before the file, size caps while streaming) hands the file here when the form says
``kind=measure_updates``: the workbook is checked whole against the cycle, and either kept
as a draft (or as the corrected file of the submission the form ``replaces``), then shown on
its submission page, or its problems are listed by cell in the reader's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..service import measure_updates, submissions
from ..text import Lang
from .auth import Caller
from .import_parts import MAX_PROBLEMS, problem_row

if TYPE_CHECKING:
    from .imports import ImportDesk


async def keep_measures(
    desk: ImportDesk, who: Caller, fields: dict[str, str], path: Path, lang: Lang, ip: str
) -> Response:
    content = await run_in_threadpool(path.read_bytes)
    try:
        kept = await run_in_threadpool(_keep, desk, who, fields, path.name, content, ip)
    except measure_updates.MeasureFileError as exc:
        listed = [problem_row(p, lang) for p in exc.problems[:MAX_PROBLEMS]]
        text = exc.text.ja if lang == "ja" else exc.text.en
        return desk._page(
            lang, 422, "problems", who=who, notice={"key": "measure_problems", "text": text},
            file=path.name, problems=listed, problems_more=len(exc.problems) - len(listed),
            problem_kinds=[],
        )  # fmt: skip
    urls = desk.server.urls
    target = urls.service_page(lang, f"submissions/{kept.id}").removeprefix(urls.base)
    return desk.server.accounts.redirect(target)


def _keep(
    desk: ImportDesk, who: Caller, fields: dict[str, str], name: str, content: bytes, ip: str
) -> submissions.Submission:
    engine = desk.store.engine
    replaces = fields.get("replaces", "")
    if replaces.isdigit():
        version = int(fields["version"]) if fields.get("version", "").isdigit() else -1
        current = submissions.get(engine, who.actor, int(replaces))
        return measure_updates.replace_draft(
            engine, who.actor, desk.plan, current, version, name, content, ip=ip
        )
    return measure_updates.create_draft(
        engine, who.actor, desk.plan, fields.get("cycle", ""), fields["ministry"], name,
        content, title=fields.get("title", ""), ip=ip,
    )  # fmt: skip
