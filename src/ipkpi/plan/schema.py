"""JSON Schemas of the plan files, generated from the model, for editors to check as you type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import Field

from ..files import write_text
from .base import PlanModel
from .release import Publisher, Release
from .source import Id, Source
from .structure import Part, Plan


class PlanFile(Plan):
    """plan.yaml: the plan, with its parts named by id (parts/<id>/part.yaml)."""

    parts: list[Id] = Field([], description="Part ids, in order: parts/<id>/part.yaml")  # type: ignore[assignment]


class PartFile(Part):
    """parts/<part>/part.yaml: a part, with its sections named by id (<section>.yaml)."""

    sections: list[Id] = Field([], description="Section ids, in order: <id>.yaml")  # type: ignore[assignment]


class SourcesFile(PlanModel):
    sources: list[Source] = []


class PublishersFile(PlanModel):
    publishers: list[Publisher] = []


class ReleasesFile(PlanModel):
    releases: list[Release] = []


def file_schemas() -> dict[str, dict[str, Any]]:
    from .structure import Section

    return {
        "plan": PlanFile.model_json_schema(),
        "part": PartFile.model_json_schema(),
        "section": Section.model_json_schema(),
        "sources": SourcesFile.model_json_schema(),
        "publishers": PublishersFile.model_json_schema(),
        "releases": ReleasesFile.model_json_schema(),
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in file_schemas().items():
        path = folder / f"{name}.schema.json"
        write_text(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
