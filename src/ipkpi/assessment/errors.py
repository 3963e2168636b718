"""Input problems, collected rather than raised one at a time.

Each is a :class:`~ipkpi.problems.Problem`: its ``file`` names where (``obs.csv:3``, or
``series X`` for a problem found in a batch), its ``column`` the column, its wording comes
from the template table in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..problems import IpkpiError, Problem


class AssessmentInputError(IpkpiError, ValueError):
    """Input that cannot be assessed; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem], *, title: str = "invalid input") -> None:
        super().__init__(problems)
        self.title = title
