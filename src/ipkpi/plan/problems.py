"""Problems found in plan files: each with its file, line, what is wrong and what to do.

A plan problem is a :class:`~ipkpi.problems.Problem` whose ``row`` is the line in the YAML
file and ``key`` the path inside it (``kpis.0.target``); its wording is in the template
table (:mod:`ipkpi.problems.inputs`), in Japanese and English.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..problems import IpkpiError, Message, Problem
from ..text import Lang


def at(path: Path, line: int, message: Message, key: str = "") -> Problem:
    """A problem at ``line`` of the plan file ``path``."""
    return Problem(message, str(path), line, key=key)


def render(problem: Problem, root: Path | None = None, lang: Lang = "en") -> str:
    """``file:line: [key] message — hint``, the file relative to ``root`` when inside it."""
    name = Path(problem.file)
    if root is not None:
        with contextlib.suppress(ValueError):
            name = name.relative_to(root)
    key = f" [{problem.key}]" if problem.key else ""
    return f"{name}:{problem.row}:{key} {problem.message.full(lang)}"


class PlanError(IpkpiError):
    """A plan that does not validate; carries every problem found."""
