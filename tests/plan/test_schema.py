"""The shipped JSON Schemas are the ones the model generates (editors see what ipkpi checks)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from ipkpi.plan.schema import file_schemas

SCHEMAS = Path(__file__).parents[2] / "schemas"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def test_shipped_schemas_are_up_to_date() -> None:
    for name, schema in file_schemas().items():
        shipped = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert shipped == schema, f"run 'ipkpi plan schema --out schemas' ({name} is stale)"


def test_schema_accepts_a_valid_section_and_rejects_a_foreign_field() -> None:
    schema = file_schemas()["section"]
    section = yaml.safe_load((MINIMAL / "parts/alpha/one.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(section, schema)
    section["kpis"][1]["components"] = []  # not a field of a rank KPI
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(section))
    assert errors
