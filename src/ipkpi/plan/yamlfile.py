"""Reading one YAML file while remembering the line of every key and item.

PyYAML's safe loader gives plain data but forgets where it came from, and silently keeps the
last of two equal keys. Composing the node tree once gives both: the data, and a map from
each path inside the file (``("kpis", 0, "target")``) to its line, with duplicate keys and
syntax errors reported as problems instead of exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from ..problems import inputs as says
from .problems import at

PathKey = tuple[str | int, ...]
# libyaml's parser when PyYAML was built with it (the wheels are): ten times the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlFile:
    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


def read_yaml(path: Path, problems: list[Problem]) -> YamlFile | None:
    """Parse ``path``; on any error add a problem and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(at(path, 1, says.PLAN_FILE_MISSING()))
        return None
    except UnicodeDecodeError as exc:
        problems.append(at(path, 1, says.PLAN_NOT_UTF8(detail=exc.reason)))
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
        # The data are built from the same node tree: the file is parsed once.
        data = None if node is None else yaml.constructor.SafeConstructor().construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        problems.append(at(path, line, says.PLAN_YAML_SYNTAX(detail=what)))
        return None
    except yaml.YAMLError as exc:
        problems.append(at(path, 1, says.PLAN_YAML_ERROR(detail=str(exc))))
        return None
    file = YamlFile(path, data)
    if node is not None:
        _walk(node, (), file, problems)
    return file


def _walk(node: yaml.Node, path: PathKey, file: YamlFile, problems: list[Problem]) -> None:
    file.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                duplicate = says.PLAN_DUPLICATE_KEY(key=key, first=seen[key])
                problems.append(at(file.path, line, duplicate))
                continue
            seen[key] = line
            file.lines[(*path, key)] = line
            _walk(value_node, (*path, key), file, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), file, problems)
