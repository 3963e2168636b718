"""Input problems, collected rather than raised one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (file and line, or series), which column, what."""

    where: str
    column: str
    message: str

    def __str__(self) -> str:
        column = f", column {self.column}" if self.column else ""
        return f"{self.where}{column}: {self.message}"


class AssessmentInputError(ValueError):
    """Input that cannot be assessed; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem], *, title: str = "invalid input") -> None:
        self.problems = tuple(problems)
        self.title = title
        lines = [f"{title}: {len(self.problems)} problem(s)"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))
