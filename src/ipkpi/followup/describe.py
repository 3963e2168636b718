"""A KPI's goal and its plan figures in a few words (``≥ 20兆円（2033年まで）``), for every view.

The goal is the kind's own (``ipkpi.assessment.kinds``); this module words plan figures in the
page's scale of the KPI's series.
"""

from __future__ import annotations

import re

from ..assessment.kinds._goals import target_text
from ..assessment.kpi import goal_text
from ..plan import Figure, KpiBase
from ..text import Lang
from ..units import UnitError, convert
from ..wording import Wording, quantity

__all__ = ["deadline_of", "figure_text", "goal_text", "shown_period", "target_text"]


def figure_text(fig: Figure, lang: Lang, wording: Wording | None = None) -> str:
    """A stated figure worded in the page's scale of its series when its unit converts."""
    approximate = fig.flags.approximate
    if wording is not None:
        try:
            value = convert(fig.value, fig.unit, wording.unit)
        except UnitError:
            pass
        else:
            return wording.quantity(value, lang, approximate=approximate)
    return quantity(fig.value, fig.unit, lang, approximate=approximate)


def shown_period(fig: Figure, lang: Lang) -> str:
    """The figure's period to print after its value, or "" when its label already names it:
    「日本の過去の最高位（2007年）: 4位」, not 「…（2007年）: 4位 (2007)」."""
    period = fig.period or ""
    label = fig.label.get(lang) if fig.label else ""
    years = re.findall(r"\d{4}", period)
    if period and label and (period in label or (years and all(y in label for y in years))):
        return ""
    return period


def deadline_of(kpi: KpiBase) -> int | None:
    value = getattr(kpi, "deadline", None)
    return int(value) if value is not None else None
