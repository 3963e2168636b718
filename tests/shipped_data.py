"""The shipped plan over a new store holding its shipped data (one vintage), for the tests of
every folder that read the product as it ships."""

from __future__ import annotations

import warnings
from pathlib import Path

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import Plan
from ipkpi.plan.loader import load_plan
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped


def shipped_store(db: Path) -> tuple[Plan, Store, FollowUpProvider]:
    """The shipped plan, a store at ``db`` loaded with its data, and a provider over both
    (the caller closes the store)."""
    folder = default_plan_dir()
    plan = load_plan(folder)
    store = Store.open(db)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, Path(folder), catalog_from_plan(plan))
    return plan, store, FollowUpProvider(plan, StoreSource(store, plan))
