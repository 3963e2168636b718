"""The numbers box names each method's ``progress`` for what it is.

Destatis' weather symbols carry the projected shortfall at the target year as a share of the
change still needed (progress-methods.md §5.2), not a ratio of paces: on the GII page the box
read "Progress ratio (observed ÷ required) 0" beside an achieved pace above the needed one.
The trend forecast's ``progress`` is its probability of meeting the target, which has its own
row, so it is not shown twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.followup import FollowUp

from .everywhere import shipped_world

GII = "ipx.gii_rank"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any]]:
    with shipped_world(tmp_path_factory.mktemp("progress")) as found:
        yield found


def _rows(page: dict[str, Any], method: str) -> dict[str, dict[str, Any]]:
    for verdict in page["verdicts"]:
        if verdict["method"] == method:
            return {n["key"]: n for n in verdict["numbers"]}
    raise AssertionError(f"no {method} verdict on the page")


@pytest.mark.parametrize(
    ("lang", "prefix", "label"),
    [
        ("ja", "", "目標年に見込まれる不足（残る必要な変化に対する割合）"),
        ("en", "/en", "Projected shortfall in the target year (share of the change still needed)"),
    ],
)
def test_each_methods_progress_reads_as_what_it_is(
    world: tuple[FollowUp, Any], lang: str, prefix: str, label: str
) -> None:
    _, client = world
    page = client.get(f"{prefix}/kpi/{GII}.json").json()
    dns = _rows(page, "dns")["progress"]
    assert dns["label"] == label
    # the mean yearly change of the last five, 16th (2020) to 12th (2025), is -0.8 places: at
    # that pace 4th in 2035, the target exactly, so no shortfall (observations.csv)
    assert dns["text"] == "0.0%"
    assert "progress" not in _rows(page, "forecast")
    linear = _rows(page, "linear")["progress"]
    assert linear["label"] in ("進捗比率（実績÷必要）", "Progress ratio (observed ÷ required)")
