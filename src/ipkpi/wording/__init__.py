"""Numbers, quantities, rates and probabilities as every view words them, ja and en.

Below the assessment and the follow-up (it knows only text and units), so that the verdict's
own sentence, the pages, the charts, the CLI, the report and the JSON labels all read a
number the same way: ``1.4億アクセス/月`` / ``140 million accesses/month``, ``年率+13.2%`` /
``+13.2% a year``, ``1%未満`` / ``under 1%``.
"""

from .deadlines import by_deadline
from .digits import DASH, exact, number
from .quantities import NOUNS, Wording, quantity, unit_symbol
from .rates import PACE_KINDS, PaceKind, pace_kind, percent, probability, rate, share
from .scales import Scale, scale_for

__all__ = [
    "DASH",
    "NOUNS",
    "PACE_KINDS",
    "PaceKind",
    "Scale",
    "Wording",
    "by_deadline",
    "exact",
    "number",
    "pace_kind",
    "percent",
    "probability",
    "quantity",
    "rate",
    "scale_for",
    "share",
    "unit_symbol",
]
