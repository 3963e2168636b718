"""The dashboard: a bilingual web app and a static site over the follow-up."""

from .app import create_app
from .dashboard import Dashboard, NotFoundError, Rendered

__all__ = ["Dashboard", "NotFoundError", "Rendered", "create_app"]
