"""The follow-up: the plan, its observations and its verdicts at a date, shared by every view.

The CLI status, the web pages, the JSON API and the report read the same
:class:`FollowUp`; it imports no adapter (web, CLI, report).
"""

from .build import FollowUp, vintages_by_date
from .changes import changes_since_previous
from .model import (
    Change,
    Changes,
    KpiStatus,
    Observation,
    PathPoint,
    SeriesData,
    Vintage,
)
from .observation_source import MemorySource, ObservationSource, Recorded
from .provider import FollowUpProvider
from .tone import TONES, tone

__all__ = [
    "TONES",
    "Change",
    "Changes",
    "FollowUp",
    "FollowUpProvider",
    "KpiStatus",
    "MemorySource",
    "Observation",
    "ObservationSource",
    "PathPoint",
    "Recorded",
    "SeriesData",
    "Vintage",
    "changes_since_previous",
    "tone",
    "vintages_by_date",
]
