"""The headline rule: a plan KPI is judged from the plan's stated baseline to its latest value.

The methods keep their own base-year rules (Open SDG and UNSD: 2015, Eurostat and DNS: the
last five years); ``assess-table`` and the per-method verdicts on a KPI's page apply them as
published. The headline verdict of a plan KPI is the headline method's verdict computed from
the baseline the plan states (value and period), when it states one; otherwise it says which
base the method's rule chose and why (docs/assessment.md, "The headline rule").
"""

from __future__ import annotations

from typing import Final

from ..assessment.verdict import Verdict
from ..plan import KpiBase
from ..text import Lang, Text, t
from ..wording import Wording
from .model import Basis

_LAST_FIVE: Final = t(
    "最新値の5年前以降の最初の値", "the first value from five years before the latest"
)

#: The base-year rule of each method a headline can be given by, in a reader's words.
BASE_RULES: Final[dict[str, Text]] = {
    "opensdg": t("2015年以降の最初の値", "the first value from 2015 on"),
    "linear": t("2015年以降の最初の値", "the first value from 2015 on"),
    "unsd": t("2015年以降の最初の値", "the first value from 2015 on"),
    "eurostat": _LAST_FIVE,
    "dns": _LAST_FIVE,
    "trend": t("観測値の全期間", "the whole series"),
}

_NO_BASE: Final = ("pending", "milestone")


def basis_of(kpi: KpiBase, headline: Verdict) -> Basis:
    """Which base ``headline`` was judged from, and why that one."""
    if headline.method in _NO_BASE or headline.base_period is None:
        return Basis("none", headline.method)
    base = kpi.baseline
    period = getattr(kpi, "baseline_period", None) or (base.period if base else None)
    if base is not None and period is not None and headline.base_period == period:
        return Basis("plan_baseline", headline.method, headline.base_period, headline.base_value)
    # a verdict on another scale (a ratio to the peers) names its base period, not its value
    main = kpi.main_series() or (kpi.series[0] if kpi.series else None)
    value = headline.base_value if main is not None and headline.unit == main.unit else None
    if base is None:
        why = "no_plan_baseline"
    elif period is None:
        why = "baseline_without_period"
    else:
        why = "baseline_not_used"
    return Basis("method_rule", headline.method, headline.base_period, value, why)


def basis_text(basis: Basis, wording: Wording, lang: Lang) -> str:
    """One sentence: what the headline is judged from, and why."""
    value = wording.quantity(basis.value, lang) if basis.value is not None else ""
    if basis.source == "plan_baseline":
        if lang == "ja":
            return f"計画が定める基準値（{basis.period}、{value}）から最新値までで判断しています。"
        return f"Judged from the plan's baseline ({basis.period}, {value}) to the latest value."
    if basis.source == "none":
        return ""
    rule = BASE_RULES.get(basis.method, t("手法の基準年の規則", "the method's base-year rule"))
    why = {
        "no_plan_baseline": t("計画に基準値がないため", "The plan states no baseline, so"),
        "baseline_without_period": t(
            "計画の基準値に時点がないため", "The plan's baseline has no period, so"
        ),
        "baseline_not_used": t(
            "計画の基準値の時点にデータを置けないため",
            "The data cannot be placed at the plan's baseline period, so",
        ),
    }[basis.why]
    if lang == "ja":
        base = f"{basis.period}（{value}）" if value else str(basis.period)
        return f"{why.ja}、手法の規則（{rule.ja}）により{base}を基準にしています。"
    base_en = f"{basis.period} ({value})" if value else str(basis.period)
    return f"{why.en} the method's rule ({rule.en}) took {base_en} as the base."
