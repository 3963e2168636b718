"""Checks across the plan that a schema cannot express: ids, references, languages, dates.

Every model object is walked with the file and path it was read from, so each problem points
at the line to fix.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from ..problems import Message, Problem
from ..problems import inputs as says
from ..text import Text
from ..units import UnitError, unit
from .figures import Figure
from .kpi import ChangeFromBaseline, Component, KpiBase, Milestone, Target
from .measure_checks import check_measure
from .note_checks import (
    check_observation_notes,
    check_public_text,
    check_references,
    check_sub_items,
)
from .problems import at as problem_at
from .release import Publisher, Release
from .series import Event, Series
from .source import Source
from .structure import Measure, Part, Plan, Section
from .yamlfile import PathKey, YamlFile

Node = tuple[BaseModel, YamlFile | None, PathKey]
_LANGUAGES = {"en": Text(ja="英語", en="English"), "ja": Text(ja="日本語", en="Japanese")}


class Locator:
    """Remembers which file and path each loaded model object came from."""

    def __init__(self) -> None:
        self._where: dict[int, tuple[YamlFile, PathKey]] = {}
        self._keep: list[BaseModel] = []  # keeps ids valid while the locator lives
        self.unvalidated_ids: set[str] = set()

    def remember_ids_in_text(self, path: Path) -> None:
        """Ids in a file that could not even be parsed, read line by line."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return
        self.unvalidated_ids.update(re.findall(r"^\s*-?\s*id:\s*([\w.\-]+)", text, re.M))

    def remember_ids(self, data: object) -> None:
        """Ids found in raw data that did not validate."""
        if isinstance(data, dict):
            if isinstance(data.get("id"), str):
                self.unvalidated_ids.add(data["id"])
            for value in data.values():
                self.remember_ids(value)
        elif isinstance(data, list):
            for item in data:
                self.remember_ids(item)

    def add(self, model: BaseModel, file: YamlFile, path: PathKey) -> None:
        self._where[id(model)] = (file, path)
        self._keep.append(model)

    def get(self, model: BaseModel) -> tuple[YamlFile, PathKey] | None:
        return self._where.get(id(model))

    def where(self, model: BaseModel) -> tuple[Path, int] | None:
        found = self.get(model)
        if found is None:
            return None
        file, path = found
        return file.path, file.line_of(path)


def walk(
    model: BaseModel, locator: Locator, file: YamlFile | None = None, path: PathKey = ()
) -> Iterator[Node]:
    """Every model object under ``model`` with the file and path it was read from."""
    own = locator.get(model)
    if own is not None:
        file, path = own
    yield model, file, path
    for name in type(model).model_fields:
        value = getattr(model, name, None)
        if isinstance(value, BaseModel):
            yield from walk(value, locator, file, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, locator, file, (*path, name, index))


def check_model_tree(plan: Plan, locator: Locator, also_known: set[str]) -> list[Problem]:
    nodes = list(walk(plan, locator))
    problems: list[Problem] = []
    sources = {s.id for s in plan.sources}
    releases = {r.id for r in plan.releases} | also_known
    publishers = {p.id for p in plan.publishers} | also_known
    kpi_ids = {k.id for k in plan.kpis()} | also_known

    def at(file: YamlFile | None, path: PathKey, message: Message) -> None:
        if file is None:
            return
        key = ".".join(str(p) for p in path)
        problems.append(problem_at(file.path, file.line_of(path), message, key))

    seen: dict[tuple[str, str], tuple[YamlFile | None, PathKey]] = {}
    for model, file, path in nodes:
        category = _id_category(model)
        if category is not None:
            key = (category, str(getattr(model, "id", "")))
            if key in seen:
                first_file, first_path = seen[key]
                first = (
                    f"{first_file.path.name}:{first_file.line_of(first_path)}"
                    if first_file
                    else "?"
                )
                duplicate = says.PLAN_DUPLICATE_ID(category=category, id=key[1], first=first)
                at(file, (*path, "id"), duplicate)
            else:
                seen[key] = (file, path)
        for name in type(model).model_fields:
            value = getattr(model, name, None)
            texts = value if isinstance(value, list) else [value]
            for index, text in enumerate(texts):
                if isinstance(text, Text):
                    sub = (*path, name, index) if isinstance(value, list) else (*path, name)
                    for lang in text.missing():
                        label = _LANGUAGES[lang]
                        at(file, sub, says.PLAN_MISSING_LANGUAGE(language=label, field=name))
                    for message in check_public_text(name, text):
                        at(file, sub, message)
        for sub_path, message in check_references(model, releases, publishers):
            at(file, (*path, *sub_path), message)
        if isinstance(model, Section):
            for index, message in check_sub_items(model):
                where = locator.get(model.measures[index])
                if where is not None:
                    at(where[0], (*where[1], "parent"), message)
        ref = _source_ref(model)
        if ref is not None and ref not in sources:
            at(file, (*path, "source"), says.PLAN_UNKNOWN_SOURCE(source=ref))
        evidence = _evidence_ref(model)
        if evidence is not None and evidence not in sources:
            at(file, (*path, "evidence"), says.PLAN_UNKNOWN_SOURCE(source=evidence))
        for unit_code, field in _units(model):
            try:
                unit(unit_code)
            except UnitError as exc:
                at(file, (*path, field), says.PLAN_UNKNOWN_UNIT(detail=exc.message))
        if isinstance(model, KpiBase):
            problems.extend(_check_kpi(model, file, path, sources))
        if isinstance(model, Measure):
            for sub, message in check_measure(model, kpi_ids, sources):
                at(file, (*path, *sub), message)
    for index, kpi_id in enumerate(plan.headline_kpis):
        if kpi_id not in kpi_ids:
            own = locator.get(plan)
            file = own[0] if own else None
            at(file, ("headline_kpis", index), says.PLAN_UNKNOWN_HEADLINE(kpi=kpi_id))
    return problems


def _check_kpi(
    kpi: KpiBase, file: YamlFile | None, path: PathKey, sources: set[str]
) -> list[Problem]:
    out: list[Problem] = []

    def at(sub: PathKey, message: Message) -> None:
        if file is not None:
            key = ".".join(str(p) for p in (*path, *sub))
            out.append(problem_at(file.path, file.line_of((*path, *sub)), message, key))

    main = kpi.series_by_role("kpi")
    needs_series = getattr(kpi, "kind", "") not in ("pending", "milestone")
    if needs_series and len(main) != 1:
        at(("series",), says.PLAN_KPI_SERIES_COUNT(kpi=kpi.id, count=len(main)))
    for index, series in enumerate(kpi.series):
        if series.role == "peer" and series.country is None:
            at(("series", index), says.PLAN_PEER_WITHOUT_COUNTRY(series=series.id))
    deadline = getattr(kpi, "deadline", None)
    base_year = _year(kpi.baseline.period) if kpi.baseline and kpi.baseline.period else None
    if isinstance(deadline, int) and base_year is not None and deadline < base_year:
        baseline = (kpi.baseline.period if kpi.baseline else "") or ""
        at(("deadline",), says.PLAN_DEADLINE_BEFORE_BASELINE(deadline=deadline, baseline=baseline))
    component_ids = {s.id for s in kpi.series_by_role("component")}
    for index, component in enumerate(getattr(kpi, "components", [])):
        if isinstance(component, Component) and component.series not in component_ids:
            unknown = says.PLAN_UNKNOWN_COMPONENT(series=component.series, kpi=kpi.id)
            at(("components", index, "series"), unknown)
    return out


def _id_category(model: BaseModel) -> str | None:
    return _category_of(type(model))


@cache
def _category_of(model: type[BaseModel]) -> str | None:
    """The id category of a model class (once per class: it is asked for every model)."""
    if issubclass(model, KpiBase):
        return "KPI"
    for cls, name in (
        (Series, "series"),
        (Measure, "measure"),
        (Source, "source"),
        (Publisher, "publisher"),
        (Release, "release"),
        (Part, "part"),
        (Section, "section"),
    ):
        if issubclass(model, cls):
            return name
    return None


def _source_ref(model: BaseModel) -> str | None:
    if isinstance(model, Figure | Event | KpiBase):
        return model.source
    if isinstance(model, Target):
        return model.source
    return None


def _evidence_ref(model: BaseModel) -> str | None:
    return model.evidence if isinstance(model, Milestone) else None


def _units(model: BaseModel) -> list[tuple[str, str]]:
    if isinstance(model, Figure | Target | ChangeFromBaseline):
        return [(model.unit, "unit")]
    return []


def _year(period: str) -> int | None:
    match = re.search(r"(\d{4})", period)
    return int(match.group(1)) if match else None


def check_observations(plan: Plan, path: Path, also_known: set[str]) -> list[Problem]:
    """The shipped observations refer to series of the plan, each names its source, each
    public note is written for the public in both languages, and a value read in a secondary
    copy says why in its editor's note."""
    if not path.exists():
        return []
    known = {s.id for _, s in plan.all_series()} | also_known
    out: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"series", "period", "value", "unit", "source_url"} - set(reader.fieldnames or [])
        if missing:
            columns = ", ".join(sorted(missing))
            return [problem_at(path, 1, says.PLAN_OBSERVATIONS_COLUMNS(columns=columns))]
        for row in reader:
            line = reader.line_num
            if row["series"] not in known:
                unknown = says.PLAN_OBSERVATION_UNKNOWN_SERIES(series=row["series"])
                out.append(problem_at(path, line, unknown))
            if not (row.get("source_url") or "").strip():
                out.append(problem_at(path, line, says.PLAN_OBSERVATION_WITHOUT_SOURCE()))
            for message in check_observation_notes(row):
                out.append(problem_at(path, line, message))
    return out
