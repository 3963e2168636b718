"""Assessment: an honest verdict for every KPI kind, by the published methods.

Kernels work on many series at once (:class:`SeriesBatch` → :class:`VerdictTable`); one
series is a batch of one (:func:`assess_series`); plan KPIs get a verdict fitted to their kind
(:func:`assess_kpi`); data frames go through :func:`assess_frame`. Methods, thresholds and
edge rules are documented in docs/assessment.md with their sources.
"""

from ..problems import Problem
from .batch import SeriesBatch
from .errors import AssessmentInputError
from .frame import assess_frame
from .kinds import HEADLINE_METHODS, KpiAssessment, assess_kpi
from .methods import KERNELS, assess, assess_series
from .points import Point, period_year
from .table import VerdictTable
from .verdict import Contribution, PeerGap, Verdict
from .vocabulary import METHOD_LABELS, METHODS, STATUS_LABELS, STATUSES

__all__ = [
    "HEADLINE_METHODS",
    "KERNELS",
    "METHODS",
    "METHOD_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "AssessmentInputError",
    "Contribution",
    "KpiAssessment",
    "PeerGap",
    "Point",
    "Problem",
    "SeriesBatch",
    "Verdict",
    "VerdictTable",
    "assess",
    "assess_frame",
    "assess_kpi",
    "assess_series",
    "period_year",
]
