"""Schemathesis over the served OpenAPI: no server error, every response as described.

A bounded run (a few examples per operation, positive and negative) over every operation of
``/openapi.json``: the dashboard's page JSON and downloads and the JSON API (issue 11.8),
called in process through ASGI, signed in as the secretariat with a bearer token (so the
submission endpoints answer with data, not only 401). Checks: schemathesis's defaults
(``not_a_server_error``, status codes, content types, headers and bodies against their
schemas, invalid input refused), but one (see ``EXCLUDED``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.service import accounts, data_files, tokens
from ipkpi.web import create_app

from .conftest import make_store
from .service_helpers import PUBLIC, add_person

#: Examples per operation: small enough to keep the suite fast, enough to try each
#: parameter's edges.
MAX_EXAMPLES = 6
CSV = b"series,period,value,unit\nalpha.one.exports.jpn,2025,1.62,jpy_cho\n"
AUTH: dict[str, str] = {}
#: Left out: "a schema-valid request must be accepted". The pages' filters (``part``,
#: ``kind``, ``tone``) take the plan's own ids, which the OpenAPI describes in words, not as
#: enums, so a made-up part id is a documented 400, not a schema-valid request.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture(scope="module")
def served_schema(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    store = make_store(tmp_path_factory.mktemp("schema") / "s.db", plan)
    add_person(store, "editor@maff.example.jp", ministry="MAFF")
    # also a MAFF editor, so that an upload the fuzzer sends for MAFF may be checked
    add_person(store, "review@cao.example.jp", ministry="MAFF", global_role="secretariat")
    editor = accounts.actor_of(accounts.user_by_email(store.engine, "editor@maff.example.jp"),  # type: ignore[arg-type]
                               "session")  # fmt: skip
    data_files.create_draft(store.engine, editor, "MAFF", "a.csv", CSV, {})
    desk = accounts.actor_of(accounts.user_by_email(store.engine, "review@cao.example.jp"),  # type: ignore[arg-type]
                             "session")  # fmt: skip
    secret, _ = tokens.create(store.engine, desk, "schemathesis", ("read", "review", "submit"))
    AUTH["Authorization"] = f"Bearer {secret}"
    provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
    app = create_app(provider, public_url=PUBLIC)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


@pytest.mark.timeout(900)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_described(served_schema: Any, mode: GenerationMode) -> None:
    failures: list[str] = []
    labels = []
    for found in served_schema.get_all_operations():
        operation = found.ok()
        labels.append(operation.label)

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        def run(case: Any) -> None:
            case.call_and_validate(headers=dict(AUTH), excluded_checks=EXCLUDED)

        try:
            run()
        except Unsatisfiable:  # no parameter to make invalid (negative mode)
            continue
        except BaseException as exc:  # every operation's failure, not only the first
            if isinstance(exc, KeyboardInterrupt):
                raise
            failures.append(f"{operation.label}: {exc}")
    assert "POST /api/v1/submissions/{id}/{step}" in labels and "GET /healthz" in labels
    assert len(labels) == sum(len(item) for item in served_schema.raw_schema["paths"].values())
    assert failures == [], "\n\n".join(failures)
