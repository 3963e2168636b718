"""A figure the plan follows with no goal."""

from __future__ import annotations

from typing import Literal

from ...text import Text
from ..kind import PlanKind
from ..kpi_base import KpiBase


class Monitor(KpiBase):
    kind: Literal["monitor"]


KINDS = (PlanKind("monitor", Monitor, Text(ja="状況把握", en="Monitor"), rank=80),)
