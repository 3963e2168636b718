"""Assessment: an honest verdict for every KPI kind, by the published methods.

Kernels work on many series at once (:class:`SeriesBatch` → :class:`VerdictTable`); one
series is a batch of one (:func:`assess_series`); plan KPIs get a verdict fitted to their kind
(:func:`assess_kpi`); data frames go through :func:`assess_frame`. Each method and each kind is
one registered unit (:mod:`.registry`). Methods, thresholds and edge rules are documented in
docs/assessment.md with their sources.
"""

from ..problems import Problem
from .batch import SeriesBatch
from .errors import AssessmentInputError
from .frame import assess_frame
from .kpi import KpiAssessment, assess_kpi, goal_text, target_in_unit
from .points import Point, period_year
from .registry import (
    HEADLINE_METHODS,
    KIND_UNITS,
    METHOD_LABELS,
    METHOD_UNITS,
    METHODS,
    STATUS_LABELS,
    STATUSES,
    kind_of,
    method_of,
    status_label,
    tone,
)
from .run import assess, assess_series
from .table import VerdictTable
from .verdict import Contribution, PeerGap, Verdict

__all__ = [
    "HEADLINE_METHODS",
    "KIND_UNITS",
    "METHODS",
    "METHOD_LABELS",
    "METHOD_UNITS",
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
    "goal_text",
    "kind_of",
    "method_of",
    "period_year",
    "status_label",
    "target_in_unit",
    "tone",
]
