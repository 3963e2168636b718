"""The API reference for people: every address of the JSON and the downloads, its parameters
and the fields of its answer, made from the OpenAPI description (nothing to load from a CDN;
the static site's page describes the static site's files)."""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from ...text import Lang
from ..models import closed
from ..ui_strings import UI
from .common import PageMeta, meta
from .spec import Page, PageRequest


@closed
class ParameterDoc(TypedDict):
    name: str
    where: str
    required: bool
    description: str


@closed
class OperationDoc(TypedDict):
    method: str
    path: str
    summary: str
    media_type: str
    schema: str
    parameters: list[ParameterDoc]


@closed
class FieldDoc(TypedDict):
    name: str
    type: str
    required: bool
    description: str


@closed
class SchemaDoc(TypedDict):
    name: str
    description: str
    fields: list[FieldDoc]


@closed
class ApiPage(PageMeta):
    """The API described for people: operations, then the schemas of their answers."""

    openapi: str
    version: str
    description: str
    operations: list[OperationDoc]
    schemas: list[SchemaDoc]


def type_of(schema: dict[str, Any]) -> str:
    """A JSON Schema as a short type: ``string``, ``list of KpiRow``, ``string or null``."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_of(s) for s in schema["anyOf"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {type_of(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema and "properties" not in schema:
        values = schema["additionalProperties"]
        return f"map to {type_of(values)}" if isinstance(values, dict) else "object"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return str(kind)


def _operations(spec: dict[str, Any]) -> list[OperationDoc]:
    out: list[OperationDoc] = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            ok = op["responses"].get("200") or op["responses"]["201"]
            [(media, content)] = ok["content"].items()
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op["summary"],
                    "media_type": media,
                    "schema": type_of(content["schema"]) if "$ref" in content["schema"] else "",
                    "parameters": [_parameter(p) for p in op.get("parameters", [])]
                    + _form_fields(op),
                }
            )
    return out


def _parameter(param: dict[str, Any]) -> ParameterDoc:
    return {
        "name": param["name"],
        "where": param["in"],
        "required": bool(param["required"]),
        "description": param["description"],
    }


def _form_fields(op: dict[str, Any]) -> list[ParameterDoc]:
    """A multipart request body's fields, as parameters sent in the form."""
    form = op.get("requestBody", {}).get("content", {}).get("multipart/form-data")
    if form is None:
        return []
    schema = form["schema"]
    required = set(schema.get("required", []))
    return [
        {"name": name, "where": "form", "required": name in required,
         "description": str(body.get("description", ""))}
        for name, body in schema.get("properties", {}).items()
    ]  # fmt: skip


def _schemas(spec: dict[str, Any]) -> list[SchemaDoc]:
    out: list[SchemaDoc] = []
    for name, schema in sorted(spec["components"]["schemas"].items()):
        required = set(schema.get("required", []))
        fields: list[FieldDoc] = [
            {
                "name": field,
                "type": type_of(body),
                "required": field in required,
                "description": str(body.get("description", "")),
            }
            for field, body in schema.get("properties", {}).items()
        ]
        out.append({"name": name, "description": schema.get("description", ""), "fields": fields})
    return out


def _build(request: PageRequest) -> ApiPage:
    from ...followup.store_source import StoreSource
    from ..openapi import openapi  # the description is made from every page, this one too

    lang: Lang = request.lang
    served_api = request.site is None and isinstance(request.provider.source, StoreSource)
    spec = openapi(request.followup.plan.title, site=request.site, api=served_api)
    return ApiPage(
        **meta(request.followup, "api", {}, lang, UI["api_reference"].get(lang)),
        openapi=spec["openapi"],
        version=spec["info"]["version"],
        description=spec["info"]["description"],
        operations=_operations(spec),
        schemas=_schemas(spec),
    )


PAGE = Page(
    name="api",
    path="api",
    template="api.html",
    model=ApiPage,
    build=_build,
    summary="This reference: every address of the API, its parameters and answers",
)
