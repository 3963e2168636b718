"""A verdict's note is said once on the KPI page: the explanation already ends 「注：…」 /
"Notes: …", so the list under it shows only the notes it does not say (it repeated them all:
"forecast on the log scale so it stays positive" twice under the GII's trend forecast)."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.web import create_app

from .conftest import TestClient


@pytest.fixture(scope="module")
def client(shipped_provider: FollowUpProvider) -> Iterator[Any]:
    with TestClient(create_app(shipped_provider)) as test_client:
        yield test_client


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_verdict_note_of_the_shipped_plan_is_said_once(
    client: Any, shipped_provider: FollowUpProvider, prefix: str
):
    checked = 0
    for kpi in shipped_provider.plan.kpis():
        page = client.get(f"{prefix}/kpi/{kpi.id}.json").json()
        html = client.get(f"{prefix}/kpi/{kpi.id}").text
        methods = html[html.index('id="methods"') : html.index('id="sources"')]
        for verdict in page["verdicts"]:
            for note in verdict["notes"]:
                assert note in verdict["explanation"]  # so the list would only repeat it
                assert methods.count(f"<li>{escape(note, quote=False)}</li>") == 0, (kpi.id, note)
                checked += 1
    assert checked >= 9  # the shipped plan's verdicts carry notes (baseline used, log scale)
