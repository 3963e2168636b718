"""``GET /healthz``: is this worker's store usable (for load balancers and monitoring).

200 ``{"status": "ok", ...}`` when the store answers and is at the migrations this ipkpi
expects; 503 ``{"status": "unavailable", ...}`` otherwise (the store unreachable, or an upgrade
half done: migrations pending or unknown to this version), so a reverse proxy takes the worker
out of rotation. Not cached, never rendered from a page, says nothing about the data or users.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store.health import Health, check

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["status", "store", "migrations", "pending_migrations", "unknown_migrations"],
    "properties": {
        "status": {"enum": ["ok", "unavailable"]},
        "store": {"enum": ["reachable", "unreachable", "none"]},
        "migrations": {"type": "string"},
        "pending_migrations": {"type": "array", "items": {"type": "string"}},
        "unknown_migrations": {"type": "array", "items": {"type": "string"}},
        "error": {"type": "string", "description": "The driver's error class, when unreachable"},
    },
    "additionalProperties": False,
}

OPERATION: dict[str, Any] = {
    "get": {
        "operationId": "healthz",
        "summary": "Health of this worker: the store reachable and at the expected migrations",
        "tags": ["operations"],
        "parameters": [],
        "responses": {
            status: {
                "description": text,
                "headers": {"Cache-Control": {"schema": {"const": "no-store"}}},
                "content": {"application/json": {"schema": SCHEMA}},
            }
            for status, text in (
                ("200", "Usable"),
                ("503", "The store is unreachable or its migrations do not match"),
            )
        },
    }
}


def health_endpoint(engine: Engine | None) -> Any:
    """The endpoint over ``engine`` (None: a server over plan files only, always healthy)."""

    async def healthz(request: Request) -> Response:
        if engine is None:
            body: dict[str, object] = {**Health(reachable=True).as_dict(), "store": "none"}
            return JSONResponse(body, headers={"Cache-Control": "no-store"})
        health = await run_in_threadpool(check, engine)
        return JSONResponse(
            health.as_dict(),
            status_code=200 if health.ok else 503,
            headers={"Cache-Control": "no-store"},
        )

    return healthz
