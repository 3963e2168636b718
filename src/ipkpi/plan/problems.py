"""Problems found in plan files: each with its file, line, what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int
    message: str
    hint: str = ""
    where: str = ""

    def render(self, root: Path | None = None) -> str:
        name = self.file
        if root is not None:
            try:
                name = self.file.relative_to(root)
            except ValueError:
                name = self.file
        where = f" [{self.where}]" if self.where else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{name}:{self.line}:{where} {self.message}{hint}"


class PlanError(Exception):
    """A plan that does not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        first = self.problems[0].render() if self.problems else "invalid plan"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)
