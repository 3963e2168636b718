"""The app of one worker process of ``ipkpi serve --workers N``, built from the settings.

uvicorn starts each worker as a fresh process and calls :func:`create_worker_app` there; the
parent hands the options over as settings (``IPKPI_DATABASE_URL``, ``IPKPI_PLAN_DIR``,
``IPKPI_PUBLIC_URL``, ``IPKPI_BASE_PATH``). Nothing is shared between the workers but the
store: sessions, rate limits, pending uploads (draft submissions) and submissions live in it,
and each worker's page cache is dropped when the store's revision changes
(``Store.revision``), so any worker answers any request.
"""

from __future__ import annotations

from starlette.applications import Starlette

from ..followup import FollowUpProvider
from ..followup.store_source import StoreSource
from ..paths import default_plan_dir
from ..plan.loader import load_plan
from ..service.notify import MailSettings
from ..settings import current
from ..store import Store
from .app import create_app


def create_worker_app() -> Starlette:
    settings = current()
    plan = load_plan(settings.plan_dir or default_plan_dir())
    store = Store.open(settings.database_url)
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    provider.get(None).kpis()  # every headline verdict, before the first visitor
    mail = MailSettings.from_settings(settings)  # the SMTP settings are inherited too
    return create_app(
        provider, base=settings.base_path or "", public_url=settings.public_url, mail=mail
    )
