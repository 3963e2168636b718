"""The dashboard: a bilingual web app and a static site over the follow-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .dashboard import Dashboard, NotFoundError, Rendered

if TYPE_CHECKING:
    from .app import create_app


# The app (its API imports the store's importers, hence Polars) loads when asked for: the
# static site's building process, which imports this package, must not import Polars
# before it forks its workers (:func:`.dataset.package_before_forking`).
def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Dashboard", "NotFoundError", "Rendered", "create_app"]
