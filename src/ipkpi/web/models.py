"""Page JSON models: ``TypedDict`` classes the builders return and the OpenAPI publishes.

A page's data are plain dicts (one dict is both the JSON and the template's input); typing them
as ``TypedDict`` lets mypy hold each builder to its model, and pydantic turns the same classes
into the JSON Schemas of the OpenAPI's ``components`` (:func:`component_schemas`). Every model
is :func:`closed`: a key the model does not name makes the JSON fail its schema, so a field
added to a page without its model is a failing test, not a silent drift.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal, TypeVar

from pydantic import ConfigDict, TypeAdapter, with_config

T = TypeVar("T")

REF = "#/components/schemas/{model}"


def closed(model: type[T]) -> type[T]:
    """The model's JSON Schema allows no key it does not declare."""
    return with_config(ConfigDict(extra="forbid"))(model)


def component_schemas(models: Sequence[type[Any]]) -> tuple[dict[str, str], dict[str, Any]]:
    """Each model's ``$ref`` and the schemas of every model they use, for ``components``."""
    return _component_schemas(tuple(models))


@lru_cache(maxsize=4)
def _component_schemas(models: tuple[type[Any], ...]) -> tuple[dict[str, str], dict[str, Any]]:
    mode: Literal["serialization"] = "serialization"
    inputs = [(m.__name__, mode, TypeAdapter(m)) for m in models]
    refs, definitions = TypeAdapter.json_schemas(inputs, ref_template=REF)
    found = {key[0]: value["$ref"] for key, value in refs.items()}
    return found, dict(definitions.get("$defs", {}))
