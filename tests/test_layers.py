"""The package's layers, checked from the source: the core never imports the CLI or the web.

Each top-level module of ``ipkpi`` may import only the modules listed for it below. The table
is the architecture: the value types at the bottom (text, problems, settings, files, units,
periods, points) and the wording of numbers (wording, on units), the plan, then the store and the
assessment side by side (neither imports the other), the follow-up that joins them, charts and
report on top of it, and the web and CLI layers that nothing imports.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import ipkpi

ROOT = Path(ipkpi.__file__).parent

BASE = {
    "text",
    "files",
    "problems",
    "settings",
    "units",
    "wording",
    "eras",
    "periods",
    "points",
    "paths",
    "ministries",
    "spreadsheet",
    "markdown_text",
    "collector",
}
ALLOWED: dict[str, set[str]] = {
    "__init__": {"text", "settings"},  # settings.one_blas_thread, before numpy
    "text": set(),
    "problems": {"text"},
    "eras": {"problems", "text"},
    "paths": {"settings"},
    "settings": set(),
    "files": set(),
    "spreadsheet": set(),
    "markdown_text": set(),
    "collector": set(),
    "ministries": {"text"},
    "units": {"text", "problems"},
    "wording": {"text", "units"},
    "periods": {"eras", "problems", "text"},
    "points": {"periods"},
    "plan": {
        "text",
        "problems",
        "units",
        "periods",
        "paths",
        "ministries",
        "files",
        "markdown_text",
        "collector",
    },
    "store": BASE | {"plan"},
    "assessment": BASE | {"plan"},
    "followup": BASE | {"plan", "store", "assessment"},
    "service": BASE | {"plan", "store", "cycle"},
    "charts": BASE | {"plan", "followup", "assessment"},
    "cycle": BASE | {"plan", "store", "followup", "assessment"},
    "report": BASE | {"plan", "followup", "charts", "assessment", "cycle"},
    "web": BASE
    | {"plan", "followup", "charts", "assessment", "store", "report", "cycle", "service"},
    "cli": BASE
    | {"plan", "store", "assessment", "followup", "charts", "report", "web", "cycle", "service"},
}


def _imports() -> dict[str, set[str]]:
    """For each top-level module, the other top-level ``ipkpi`` modules it imports."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        top, package = parts[0], parts[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[list[str]] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - (node.level - 1)]
                    targets.append(base + (node.module.split(".") if node.module else []))
                elif node.module and node.module.split(".")[0] == "ipkpi":
                    targets.append(node.module.split(".")[1:])
            elif isinstance(node, ast.Import):
                targets += [a.name.split(".")[1:] for a in node.names if a.name[:6] == "ipkpi."]
            for target in targets:
                if target and target[0] != top:
                    found[top].add(target[0])
    return found


def test_every_module_imports_only_its_lower_layers() -> None:
    imports = _imports()
    assert set(imports) <= set(ALLOWED), (
        f"add new modules to ALLOWED: {set(imports) - set(ALLOWED)}"
    )
    wrong = {m: sorted(used - ALLOWED[m]) for m, used in imports.items() if used - ALLOWED[m]}
    assert wrong == {}


def test_the_core_never_imports_the_cli_or_the_web_layer() -> None:
    imports = _imports()
    for module, used in imports.items():
        if module not in {"cli", "web"}:
            assert not used & {"cli", "web"}, module
    assert not imports["web"] & {"cli"}


def test_store_and_assessment_are_independent() -> None:
    imports = _imports()
    assert "assessment" not in imports["store"]
    assert "store" not in imports["assessment"]
    # The checker sees real imports: the follow-up does use both.
    assert {"store", "assessment"} <= imports["followup"]


def _imported_modules(package: str) -> set[str]:
    """The dotted ``ipkpi`` modules (and third-party tops) a package's files import."""
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = parts[: len(parts) - (node.level - 1)]
                    module = base + (node.module.split(".") if node.module else [])
                    found.add(".".join(module))
                    found.update(".".join([*module, a.name]) for a in node.names)
                elif node.module:
                    found.add(node.module.removeprefix("ipkpi."))
            elif isinstance(node, ast.Import):
                found.update(a.name.removeprefix("ipkpi.") for a in node.names)
    return found


def test_the_follow_up_reads_the_store_through_its_api_only() -> None:
    # One read path into the store (issue 13.3): no table, no query, no SQL in the follow-up.
    used = _imported_modules("followup")
    private = {
        "store.schema",
        "store.queries",
        "store.statement_schema",
        "store.cycle_schema",
        "store.service_schema",
        "store.store",
        "store.database",
    }
    assert used & private == set()
    assert not {m for m in used if m.split(".")[0] == "sqlalchemy"}
