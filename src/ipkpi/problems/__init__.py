"""Problems, for every layer: one record, one root exception, one ja/en template table.

- :class:`Problem`: where (file, row or line, column, cell, value, key path), a stable code,
  the template's values and the hint; :meth:`Problem.text` renders it in either language.
- :class:`IpkpiError`: the root exception, carrying every problem found; each layer has a
  subclass (``PlanError``, ``DataFileError``, ``AssessmentInputError``, ``PeriodError``…).
- :data:`CATALOG`: every :class:`Template`, by code. The wording modules
  (:mod:`.notation`, :mod:`.data_files`, :mod:`.observations`, :mod:`.inputs`,
  :mod:`.plan_notes`, :mod:`.cycle`, :mod:`.statements`) are the table;
  ``docs/problems.md`` lists it (``python -m ipkpi.problems`` regenerates it) and a test fails
  when a code lacks a language or the page is out of date.
"""

from __future__ import annotations

from . import cycle, data_files, inputs, notation, observations, plan_notes, statements
from .model import (
    Catalog,
    IpkpiError,
    Message,
    NotationError,
    Problem,
    Template,
    Value,
    fields_of,
)

CATALOG = Catalog()
for _module in (notation, data_files, observations, inputs, plan_notes, cycle, statements):
    CATALOG.add(vars(_module))

__all__ = [
    "CATALOG",
    "Catalog",
    "IpkpiError",
    "Message",
    "NotationError",
    "Problem",
    "Template",
    "Value",
    "fields_of",
]
