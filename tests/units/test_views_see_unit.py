"""A headline method unit added to ``assessment/methods`` is seen by every view with no list edited.

The throwaway unit of test_new_unit.py (the linear rule under its own name and label) is added,
then the shipped plan is walked through its views (tests/web/everywhere.py): the KPI page JSON,
``ipkpi status``'s JSON row, the report's entry, and the headline box's comparison.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipkpi.followup.agreement import agreement_of
from tests.web.everywhere import shipped_world, views

from .test_new_unit import HEADLINE_UNIT, method_unit


@pytest.fixture
def with_headline_unit(tmp_path: Path) -> Iterator[None]:
    with method_unit(tmp_path / "unit", HEADLINE_UNIT):
        yield


def test_every_view_names_the_new_method(with_headline_unit: None, tmp_path: Path) -> None:
    seen: dict[str, int] = {"page": 0, "row": 0, "entry": 0, "agreement": 0}
    with shipped_world(tmp_path) as (followup, client):
        for v in views(followup, client):
            if not any(x.method == "throwaway" for x in v.status.verdicts):
                continue
            label = "使い捨て法" if v.lang == "ja" else "Throwaway rule"
            for name, shown in (("page", v.page), ("row", v.row), ("entry", v.entry)):
                seen[name] += label in json.dumps(shown, ensure_ascii=False, default=str)
            found = agreement_of(v.status)
            if found is not None:
                seen["agreement"] += label in found.summary(v.lang)
    assert all(n > 0 for n in seen.values()), seen
