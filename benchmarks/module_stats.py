"""Module sizes and long functions of the package: ``python benchmarks/module_stats.py [SRC]``.

Prints the module count, the median and largest module (lines), and every function over 60
lines, for the closing notes of issue 13 (run it on two checkouts to compare).
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path


def main(root: Path) -> None:
    sizes: dict[str, int] = {}
    long: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root))
        sizes[name] = len(text.splitlines())
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    long.append((length, f"{name}:{node.lineno} {node.name}"))
    largest = max(sizes, key=sizes.__getitem__)
    print(f"modules: {len(sizes)}")
    print(f"median module: {statistics.median(sizes.values()):.0f} lines")
    print(f"largest module: {largest} ({sizes[largest]} lines)")
    print(f"functions over 60 lines: {len(long)}")
    for length, where in sorted(long, reverse=True):
        print(f"  {length:4d}  {where}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "src")
