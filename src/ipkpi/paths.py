"""Where the shipped plan lives, and how a user points ipkpi at another one."""

from __future__ import annotations

from pathlib import Path

from .settings import current

PLAN_DIR_ENV = "IPKPI_PLAN_DIR"
_REPO_ROOT = Path(__file__).resolve().parents[2]


def default_plan_dir() -> Path:
    """``$IPKPI_PLAN_DIR``, else ``./plans/ip2025``, else the plan shipped beside the package."""
    configured = current().plan_dir
    if configured:
        return configured
    local = Path("plans/ip2025")
    if (local / "plan.yaml").exists():
        return local
    return _REPO_ROOT / "plans" / "ip2025"
