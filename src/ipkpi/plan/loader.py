"""Loading a plan folder: every file parsed, every problem collected, nothing half-loaded.

Each file is validated on its own (a broken section does not hide the problems of the next
one); the plan is assembled from the pieces that validated, and the cross-file checks of
:mod:`ipkpi.plan.checks` run on it. :func:`load_plan` returns the plan only when there is no
problem at all; :func:`check_plan` returns the problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..collector import without_collector
from ..problems import Message, Problem, plan_notes
from ..problems import cycle as cycle_says
from ..problems import inputs as says
from .checks import Locator, check_model_tree, check_observations
from .kpi import KPI_KINDS, Kpi, KpiBase
from .lineage import LINEAGE_FILE, check_lineage
from .problems import PlanError, at
from .release import Publisher, Release
from .source import Source
from .structure import Measure, Part, Plan, Section
from .yamlfile import PathKey, YamlFile, read_yaml

PLAN_FILE = "plan.yaml"
SOURCES_FILE = "sources.yaml"
PUBLISHERS_FILE = "publishers.yaml"
RELEASES_FILE = "releases.yaml"
OBSERVATIONS_FILE = "observations.csv"

_SOURCES = TypeAdapter(list[Source])
_PUBLISHERS = TypeAdapter(list[Publisher])
_RELEASES = TypeAdapter(list[Release])
_KPI: TypeAdapter[KpiBase] = TypeAdapter(Kpi)
_MEASURE = TypeAdapter(Measure)
M = TypeVar("M", bound=BaseModel)


def load_plan(directory: Path | str) -> Plan:
    """The plan in ``directory``; raises :class:`PlanError` with every problem otherwise."""
    with without_collector():
        plan, problems = _load(Path(directory))
    if problems or plan is None:
        raise PlanError(problems)
    return plan


def check_plan(directory: Path | str) -> list[Problem]:
    """Every problem in the plan folder (empty when it is valid)."""
    with without_collector():
        found = _load(Path(directory))[1]
    return sorted(found, key=Problem.sort_key)


def _load(root: Path) -> tuple[Plan | None, list[Problem]]:
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [at(root, 0, says.PLAN_NOT_A_FOLDER())]
    plan_file = read_yaml(root / PLAN_FILE, problems)
    if plan_file is None:
        return None, problems
    if not _is_mapping(plan_file, problems):
        return None, problems
    locator = Locator()
    sources = _load_sources(root, problems, locator)
    publishers = _load_list(root / PUBLISHERS_FILE, "publishers", _PUBLISHERS, problems, locator)
    releases = _load_list(root / RELEASES_FILE, "releases", _RELEASES, problems, locator)
    parts = [
        part
        for index, part_id in enumerate(_id_list(plan_file, ("parts",), problems))
        if (part := _load_part(root, part_id, plan_file, ("parts", index), problems, locator))
    ]
    lists = {"parts": parts, "sources": sources, "publishers": publishers, "releases": releases}
    plan_data = {k: v for k, v in plan_file.data.items() if k not in lists}
    valid = True
    try:
        plan = Plan.model_validate(plan_data)
        plan = plan.model_copy(update=lists)
        locator.add(plan, plan_file, ())
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, plan_file, ()))
        # Check the parts that did validate all the same: every problem at once.
        plan = _partial(Plan, **lists, headline_kpis=[])
        valid = False
    # Ids written in files that failed validation still exist for the author: references to
    # them are not reported again (one mistake, one problem).
    problems.extend(check_model_tree(plan, locator, locator.unvalidated_ids))
    problems.extend(check_observations(plan, root / OBSERVATIONS_FILE, locator.unvalidated_ids))
    if valid and (root / LINEAGE_FILE).exists():
        problems.extend(_lineage_problems(root, plan))
    return (plan if valid else None), problems


def _lineage_problems(root: Path, plan: Plan) -> list[Problem]:
    """The lineage checked against the previous plan, a folder beside this one."""
    folder = root.parent / (plan.previous or "")
    previous = None
    if plan.previous and (folder / PLAN_FILE).exists():
        previous, problems = _load(folder)
        if problems:
            message = cycle_says.LINEAGE_PREVIOUS_INVALID(folder=str(folder))
            return [at(root / LINEAGE_FILE, 1, message)]
    return check_lineage(root, plan, previous)


def _load_sources(root: Path, problems: list[Problem], locator: Locator) -> list[Source]:
    file = read_yaml(root / SOURCES_FILE, problems)
    if file is None or not _is_mapping(file, problems):
        return []
    raw = file.data.get("sources", [])
    unknown = [k for k in file.data if k != "sources"]
    for key in unknown:
        unknown_key = says.PLAN_UNKNOWN_KEY_IN_SOURCES(key=key)
        problems.append(at(file.path, file.line_of((key,)), unknown_key))
    try:
        sources = _SOURCES.validate_python(raw)
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, file, ("sources",)))
        return []
    for index, source in enumerate(sources):
        locator.add(source, file, ("sources", index))
    return sources


def _load_list(
    path: Path,
    key: str,
    adapter: TypeAdapter[list[M]],
    problems: list[Problem],
    locator: Locator,
) -> list[M]:
    """A file a plan may do without that holds one list (``publishers:``, ``releases:``)."""
    if not path.exists():
        return []
    file = read_yaml(path, problems)
    if file is None or not _is_mapping(file, problems):
        return []
    for other in (k for k in file.data if k != key):
        unknown = plan_notes.PLAN_UNKNOWN_KEY_IN_LIST_FILE(key=other, file=path.name, list=key)
        problems.append(at(file.path, file.line_of((other,)), unknown))
    try:
        items = adapter.validate_python(file.data.get(key, []))
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, file, (key,)))
        return []
    for index, item in enumerate(items):
        locator.add(item, file, (key, index))
    return items


def _load_part(
    root: Path,
    part_id: str,
    plan_file: YamlFile,
    where: PathKey,
    problems: list[Problem],
    locator: Locator,
) -> Part | None:
    folder = root / "parts" / part_id
    if not (folder / "part.yaml").exists():
        missing = says.PLAN_PART_FILE_MISSING(part=part_id)
        problems.append(at(plan_file.path, plan_file.line_of(where), missing))
        return None
    file = read_yaml(folder / "part.yaml", problems)
    if file is None or not _is_mapping(file, problems):
        return None
    sections = [
        section
        for index, section_id in enumerate(_id_list(file, ("sections",), problems))
        if (
            section := _load_section(
                folder, section_id, file, ("sections", index), problems, locator
            )
        )
    ]
    data = {k: v for k, v in file.data.items() if k != "sections"}
    kpis = _load_kpis(file, problems, locator)
    try:
        part = Part.model_validate({**data, "sections": [], "kpis": []})
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, file, ()))
        # Keep what did validate inside it, so their checks still run.
        part = _partial(Part, id=str(data.get("id", part_id)), sections=[], kpis=[])
    if part.id != part_id:
        mismatch = says.PLAN_PART_ID_MISMATCH(id=part.id, folder=part_id)
        problems.append(at(file.path, file.line_of(("id",)), mismatch))
    part = part.model_copy(update={"sections": sections, "kpis": kpis})
    locator.add(part, file, ())
    return part


def _load_section(
    folder: Path,
    section_id: str,
    part_file: YamlFile,
    where: PathKey,
    problems: list[Problem],
    locator: Locator,
) -> Section | None:
    path = folder / f"{section_id}.yaml"
    if not path.exists():
        missing = says.PLAN_SECTION_FILE_MISSING(section=section_id, name=path.name, path=str(path))
        problems.append(at(part_file.path, part_file.line_of(where), missing))
        return None
    file = read_yaml(path, problems)
    if file is None:
        locator.remember_ids_in_text(path)
        return None
    if not _is_mapping(file, problems):
        return None
    kpis = _load_kpis(file, problems, locator)
    measures = _load_items(file, "measures", _MEASURE, problems, locator)
    try:
        section = Section.model_validate({**file.data, "kpis": [], "measures": []})
    except ValidationError as exc:
        problems.extend(_schema_problems(exc, file, ()))
        section = _partial(Section, id=str(file.data.get("id", section_id)))
    section = section.model_copy(update={"kpis": kpis, "measures": measures})
    if section.id != section_id:
        mismatch = says.PLAN_SECTION_ID_MISMATCH(id=section.id, name=section_id)
        problems.append(at(file.path, file.line_of(("id",)), mismatch))
    locator.add(section, file, ())
    return section


def _load_kpis(file: YamlFile, problems: list[Problem], locator: Locator) -> list[KpiBase]:
    return _load_items(file, "kpis", _KPI, problems, locator)


def _load_items(
    file: YamlFile, key: str, adapter: TypeAdapter[M], problems: list[Problem], locator: Locator
) -> list[M]:
    """Each item of a list validated on its own, so one broken item hides nothing of the others."""
    raw = file.data.get(key, [])
    if not isinstance(raw, list):
        problems.append(at(file.path, file.line_of((key,)), says.PLAN_NOT_A_LIST(key=key)))
        return []
    items: list[M] = []
    for index, item in enumerate(raw):
        try:
            model = adapter.validate_python(item)
        except ValidationError as exc:
            problems.extend(_schema_problems(exc, file, (key, index)))
            locator.remember_ids(item)
            continue
        locator.add(model, file, (key, index))
        items.append(model)
    return items


def _partial(cls: type[M], **fields: Any) -> M:
    """An unvalidated stand-in for a piece that failed validation: only its checked parts
    (ids, validated children) are set, so the cross-file checks can still run on them."""
    return cls.model_construct(**fields)


def _is_mapping(file: YamlFile, problems: list[Problem]) -> bool:
    if isinstance(file.data, dict):
        return True
    problems.append(at(file.path, 1, says.PLAN_NOT_A_MAPPING()))
    return False


def _id_list(file: YamlFile, key: PathKey, problems: list[Problem]) -> list[str]:
    value = file.data.get(key[0], [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        not_ids = says.PLAN_NOT_AN_ID_LIST(key=str(key[0]))
        problems.append(at(file.path, file.line_of(key), not_ids))
        return []
    return value


# -- schema errors as problems -------------------------------------------------------------


def _schema_problems(exc: ValidationError, file: YamlFile, prefix: PathKey) -> list[Problem]:
    out: list[Problem] = []
    for error in exc.errors():
        path, kind = _data_path(file.data, (*prefix, *error["loc"]))
        if error["type"] == "union_tag_invalid":
            path = (*path, "kind")
        message = _explain(error, path, kind)
        out.append(at(file.path, file.line_of(path), message, ".".join(str(p) for p in path)))
    return out


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[PathKey, str | None]:
    """The loc of a pydantic error as a path into the data, without union tags."""
    path: list[str | int] = []
    node = data
    kind: str | None = None
    for element in loc:
        if isinstance(node, dict) and element in node:
            if isinstance(node.get("kind"), str):
                kind = node["kind"]
            path.append(element)
            node = node[element]
        elif isinstance(node, list) and isinstance(element, int) and element < len(node):
            path.append(element)
            node = node[element]
        elif isinstance(node, dict) and isinstance(element, str) and element not in KPI_KINDS:
            if isinstance(node.get("kind"), str):
                kind = node["kind"]
            path.append(element)  # a missing key: point at its parent's line
            node = None
    if isinstance(node, dict) and isinstance(node.get("kind"), str):
        kind = node["kind"]
    return tuple(path), kind


def _explain(error: Any, path: PathKey, kind: str | None) -> Message:
    key = str(path[-1]) if path else ""
    etype = error["type"]
    kinds = ", ".join(KPI_KINDS)
    if etype == "extra_forbidden":
        if kind in KPI_KINDS:
            allowed = ", ".join(sorted(KPI_KINDS[kind].model_fields))
            return says.PLAN_NOT_A_FIELD_OF_KIND(key=key, kind=kind, allowed=allowed)
        return says.PLAN_UNKNOWN_KEY(key=key)
    if etype == "missing":
        if key == "source":
            return says.PLAN_VALUE_WITHOUT_SOURCE()
        if key == "kind":
            return says.PLAN_MISSING_KIND(kinds=kinds)
        return says.PLAN_MISSING_KEY(key=key)
    if etype == "union_tag_not_found":
        return says.PLAN_MISSING_KIND(kinds=kinds)
    if etype == "union_tag_invalid":
        return says.PLAN_UNKNOWN_KIND(kind=error.get("ctx", {}).get("tag", "?"), kinds=kinds)
    return says.PLAN_BAD_VALUE(key=key, detail=error["msg"])
