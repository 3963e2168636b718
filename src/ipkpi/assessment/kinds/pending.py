"""Pending: the plan says the KPI will be set later; the verdict says what it waits for."""

from __future__ import annotations

from ...plan.kpi import Pending
from ...text import Lang, Text, t
from ...wording import Wording
from ..kind import Kind, KindInput, no_target
from ..method import Method, Status
from ..verdict import KpiAssessment, Verdict


def goal(kpi: Pending, lang: Lang, wording: Wording | None) -> str:
    return kpi.pending_until.get(lang)


def assess(kpi: Pending, inputs: KindInput) -> KpiAssessment:
    detail = Text(
        ja=f"設定の条件：{kpi.pending_until.ja}", en=f"Waiting for: {kpi.pending_until.en}."
    )
    return KpiAssessment(kpi.id, kpi.kind, Verdict(kpi.id, "pending", "pending", detail=detail))


KINDS = (Kind("pending", Pending, goal, no_target, assess),)
METHODS = (
    Method(
        name="pending",
        label=t("KPIの状態", "KPI status"),
        statuses=(
            Status(
                "pending",
                t("KPI未設定（今後設定）", "Pending: the KPI is to be set later"),
                "neutral",
            ),
        ),
        order=(),
        rank=90,
    ),
)
