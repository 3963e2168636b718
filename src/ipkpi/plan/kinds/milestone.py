"""A deliverable due by a month."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase
from ..source import Id


class Milestone(KpiBase):
    kind: Literal["milestone"]
    due: str = Field(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")
    status: Literal["done", "not_done", "unknown"] = "unknown"
    done_on: str | None = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    evidence: Id | None = Field(None, description="Source showing the deliverable was published.")


KINDS = (PlanKind("milestone", Milestone, Text(ja="期限付き成果物", en="Milestone"), rank=100),)
