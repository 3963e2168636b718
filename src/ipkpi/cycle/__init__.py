"""The yearly review cycle (PDCA's Do, Check and Act): cycles, measure updates, templates.

A cycle is opened with pinned vocabularies; each ministry gets an XLSX of its measures
(:func:`operations.template`); a filled file is checked whole (:func:`operations.check_file`:
every problem by cell, or a :class:`Batch`) and applied in one transaction
(:meth:`CycleRecords.apply`); the cycle is locked, then published. The core imports no
adapter: the CLI, the web pages and the service's submission workflow all call these.
"""

from . import operations
from .model import STATE_LABELS, Evidence, Finding, FindingResponse, MeasureUpdate, ReviewCycle
from .records import Batch, CycleRecords, CycleStateError
from .vocabulary import DEFAULT_PINS, Vocabulary, vocabularies, vocabulary
from .workbook import CheckResult

__all__ = [
    "DEFAULT_PINS",
    "STATE_LABELS",
    "Batch",
    "CheckResult",
    "CycleRecords",
    "CycleStateError",
    "Evidence",
    "Finding",
    "FindingResponse",
    "MeasureUpdate",
    "ReviewCycle",
    "Vocabulary",
    "operations",
    "vocabularies",
    "vocabulary",
]
