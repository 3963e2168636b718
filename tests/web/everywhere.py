"""The shipped plan walked through every view: the one fixture of the ``*_everywhere`` tests.

:func:`shipped_world` opens the shipped plan (plans/ip2025, with its shipped observations) in a
fresh store behind the web app; :func:`views` walks every KPI, in both languages, through its
page JSON, ``ipkpi status``'s JSON row and the report's entry, so a test compares what each
view prints for one value.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipkpi.cli.status_cmd import status_row
from ipkpi.followup import FollowUp, FollowUpProvider, KpiStatus
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan
from ipkpi.report.content import kpi_entry
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.text import Lang
from ipkpi.web import create_app

from .conftest import TestClient

LANGS: tuple[Lang, ...] = ("ja", "en")


@contextmanager
def shipped_world(folder: Path) -> Iterator[tuple[FollowUp, Any]]:
    """The shipped plan's follow-up and a client of the web app over it (store in ``folder``)."""
    plan_dir = default_plan_dir()
    plan = load_plan(plan_dir)
    store = Store.open(folder / "shipped.db")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, Path(plan_dir), catalog_from_plan(plan))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    try:
        with TestClient(create_app(provider)) as client:
            yield provider.get(), client
    finally:
        store.close()


@dataclass(frozen=True)
class Views:
    """One KPI in one language as each view prints it."""

    status: KpiStatus
    lang: Lang
    page: dict[str, Any]  # /kpi/<id>.json (or /en/…)
    row: dict[str, Any]  # ipkpi status --json
    entry: dict[str, Any]  # the report's entry


def views(followup: FollowUp, client: Any) -> Iterator[Views]:
    """Every KPI of ``followup``, in Japanese then English, through every view."""
    for listed in followup.kpis():
        status = followup.kpi(listed.kpi.id)
        assert status is not None
        for lang in LANGS:
            prefix = "" if lang == "ja" else "/en"
            page = client.get(f"{prefix}/kpi/{status.kpi.id}.json").json()
            row = status_row(status, None, lang)
            yield Views(status, lang, page, row, kpi_entry(status, lang, followup))
