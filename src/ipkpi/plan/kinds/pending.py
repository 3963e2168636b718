"""A KPI the plan will set later."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase


class Pending(KpiBase):
    kind: Literal["pending"]
    pending_until: Text = Field(description="What the plan waits for before setting the KPI.")


KINDS = (PlanKind("pending", Pending, Text(ja="今後設定", en="Pending"), rank=90),)
