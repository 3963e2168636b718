"""Data-file submissions: a ministry's CSV or XLSX of observations, published as one vintage.

The reviewer's diff is the importer's dry run against the published observations
(:func:`check`); publishing is the real import (:func:`publisher`), whose write calls the
submission's pin writer in the same transaction.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine

from ..store import ImportLimits, ImportReport, SeriesCatalog, Store, import_file
from .authz import Actor
from .submissions import PinWriter, Publisher, Submission, SubmissionError, create, file_content

KIND = "data_file"


def create_draft(
    engine: Engine,
    actor: Actor,
    ministry: str,
    file_name: str,
    content: bytes,
    options: dict[str, str],
    *,
    title: str = "",
    ip: str | None = None,
) -> Submission:
    """A new draft holding ``content`` (a data file the importer checked) for ``ministry``."""
    return create(engine, actor, KIND, ministry, file_name, content, options, title=title, ip=ip)


def publisher(
    store: Store, catalog: SeriesCatalog, limits: ImportLimits | None = None
) -> Publisher:
    """How a data-file submission is published: imported into ``store`` as one vintage."""

    def run(submission: Submission, pin: PinWriter) -> None:
        def on_write(conn: Connection, vintage_id: int) -> None:
            pin(conn, {"vintage_id": vintage_id})

        report = check(store, catalog, submission, limits, dry_run=False, hook=on_write)
        if report.status == "already_imported":
            raise SubmissionError(
                "this file's content was imported before (vintage "
                f"{report.vintage.id if report.vintage else '?'}): nothing new to publish"
            )

    return run


def check(
    store: Store,
    catalog: SeriesCatalog,
    submission: Submission,
    limits: ImportLimits | None = None,
    *,
    dry_run: bool = True,
    hook: Callable[[Connection, int], None] | None = None,
) -> ImportReport:
    """Import (or, by default, check against the published data) a submission's file.

    The file is written to a private temporary folder under its own (already safe) name, so
    that the vintage keeps the name the ministry sent.
    """
    content = file_content(store.engine, submission.id)
    folder = Path(tempfile.mkdtemp(prefix="ipkpi-submission-"))
    try:
        path = folder / (submission.file_name or "upload.csv")
        path.write_bytes(content)
        options = submission.options
        return import_file(
            store, path, catalog, dry_run=dry_run, sheet=options.get("sheet") or None,
            source_title=options.get("source_title") or None,
            source_url=options.get("source_url") or None, limits=limits, on_write=hook,
        )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
