"""Checks across the plan that a schema cannot express: ids, references, languages, dates.

Every model object is walked with the file and path it was read from, so each problem points
at the line to fix.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..text import Text
from ..units import UnitError, unit
from .figures import Figure
from .kpi import ChangeFromBaseline, Component, KpiBase, Target
from .measure_checks import check_measure
from .problems import Problem
from .series import Event, Series
from .source import Source
from .structure import Measure, Part, Plan, Section
from .yamlfile import PathKey, YamlFile

Node = tuple[BaseModel, YamlFile | None, PathKey]


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
    kpi_ids = {k.id for k in plan.kpis()} | also_known

    def at(file: YamlFile | None, path: PathKey, message: str, hint: str) -> None:
        if file is None:
            return
        problems.append(
            Problem(
                file.path, file.line_of(path), message, hint, where=".".join(str(p) for p in path)
            )
        )

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
                at(
                    file,
                    (*path, "id"),
                    f"duplicate {category} id {key[1]!r} (first at {first})",
                    "ids must be unique: rename one of them",
                )
            else:
                seen[key] = (file, path)
        for name in type(model).model_fields:
            value = getattr(model, name, None)
            texts = value if isinstance(value, list) else [value]
            for index, text in enumerate(texts):
                if isinstance(text, Text):
                    sub = (*path, name, index) if isinstance(value, list) else (*path, name)
                    for lang in text.missing():
                        label = "English" if lang == "en" else "Japanese"
                        at(
                            file,
                            sub,
                            f"missing {label} text in {name!r}",
                            "write it as {ja: …, en: …}",
                        )
        ref = _source_ref(model)
        if ref is not None and ref not in sources:
            at(
                file,
                (*path, "source"),
                f"unknown source {ref!r}",
                "add it to sources.yaml or fix the id",
            )
        for unit_code, field in _units(model):
            try:
                unit(unit_code)
            except UnitError as exc:
                at(file, (*path, field), str(exc), "use a unit code from ipkpi.units")
        if isinstance(model, KpiBase):
            problems.extend(_check_kpi(model, file, path, sources))
        if isinstance(model, Measure):
            for sub, message, hint in check_measure(model, kpi_ids, sources):
                at(file, (*path, *sub), message, hint)
    for index, kpi_id in enumerate(plan.headline_kpis):
        if kpi_id not in kpi_ids:
            own = locator.get(plan)
            file = own[0] if own else None
            at(
                file,
                ("headline_kpis", index),
                f"reference to an unknown KPI {kpi_id!r}",
                "use the id of a KPI defined in a part or section file",
            )
    return problems


def _check_kpi(
    kpi: KpiBase, file: YamlFile | None, path: PathKey, sources: set[str]
) -> list[Problem]:
    out: list[Problem] = []

    def at(sub: PathKey, message: str, hint: str) -> None:
        if file is not None:
            out.append(
                Problem(
                    file.path,
                    file.line_of((*path, *sub)),
                    message,
                    hint,
                    where=".".join(str(p) for p in (*path, *sub)),
                )
            )

    main = kpi.series_by_role("kpi")
    needs_series = getattr(kpi, "kind", "") not in ("pending", "milestone")
    if needs_series and len(main) != 1:
        at(
            ("series",),
            f"KPI {kpi.id!r} has {len(main)} series with role 'kpi'",
            "give exactly one series 'role: kpi' (the one the verdict is about)",
        )
    for index, series in enumerate(kpi.series):
        if series.role == "peer" and series.country is None:
            at(
                ("series", index),
                f"peer series {series.id!r} has no country",
                "add 'country:' with its ISO 3166 alpha-3 code (e.g. KOR)",
            )
    deadline = getattr(kpi, "deadline", None)
    base_year = _year(kpi.baseline.period) if kpi.baseline and kpi.baseline.period else None
    if isinstance(deadline, int) and base_year is not None and deadline < base_year:
        at(
            ("deadline",),
            f"deadline {deadline} is before the baseline ({kpi.baseline.period})"
            if kpi.baseline
            else "deadline before baseline",
            "check the deadline and the baseline period",
        )
    component_ids = {s.id for s in kpi.series_by_role("component")}
    for index, component in enumerate(getattr(kpi, "components", [])):
        if isinstance(component, Component) and component.series not in component_ids:
            at(
                ("components", index, "series"),
                f"component refers to {component.series!r}, not a component series of {kpi.id}",
                "add the series with 'role: component' or fix the id",
            )
    return out


def _id_category(model: BaseModel) -> str | None:
    if isinstance(model, KpiBase):
        return "KPI"
    for cls, name in (
        (Series, "series"),
        (Measure, "measure"),
        (Source, "source"),
        (Part, "part"),
        (Section, "section"),
    ):
        if isinstance(model, cls):
            return name
    return None


def _source_ref(model: BaseModel) -> str | None:
    if isinstance(model, Figure | Event | KpiBase):
        return model.source
    if isinstance(model, Target):
        return model.source
    return None


def _units(model: BaseModel) -> list[tuple[str, str]]:
    if isinstance(model, Figure | Target | ChangeFromBaseline):
        return [(model.unit, "unit")]
    return []


def _year(period: str) -> int | None:
    match = re.search(r"(\d{4})", period)
    return int(match.group(1)) if match else None


def check_observations(plan: Plan, path: Path, also_known: set[str]) -> list[Problem]:
    """The shipped observations refer to series of the plan and each names its source."""
    if not path.exists():
        return []
    known = {s.id for _, s in plan.all_series()} | also_known
    out: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"series", "period", "value", "unit", "source_url"} - set(reader.fieldnames or [])
        if missing:
            return [
                Problem(
                    path,
                    1,
                    f"missing columns: {', '.join(sorted(missing))}",
                    "the header is series,period,value,unit,source_title,source_url,flags,note",
                )
            ]
        for row in reader:
            line = reader.line_num
            if row["series"] not in known:
                out.append(
                    Problem(
                        path,
                        line,
                        f"unknown series {row['series']!r}",
                        "use the id of a series defined in a KPI",
                    )
                )
            if not (row.get("source_url") or "").strip():
                out.append(
                    Problem(
                        path, line, "a value without a source", "fill source_title and source_url"
                    )
                )
    return out
