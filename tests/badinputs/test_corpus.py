"""The bad-input corpus through the CLI importer and the web import (issue 14's acceptance).

0 tracebacks, 0 HTTP 500, every refusal names where and what to do, and the store's rows are
the same after every refused input (compared row by row); the files that only look odd are
accepted. The corpus is generated (tests/badinputs/corpus.py), nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .corpus import build
from .runner import Outcome, run_all


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    return run_all(tmp_path_factory.mktemp("corpus"))


def test_no_traceback_and_no_server_error(outcomes: list[Outcome]) -> None:
    escaped = [(o.via, o.case, o.text[-300:]) for o in outcomes if not o.as_expected]
    assert escaped == []


def test_every_refusal_says_where_and_what_to_do(outcomes: list[Outcome]) -> None:
    unclear = [
        (o.via, o.case, o.text[:300]) for o in outcomes if o.result == "refused" and not o.clear
    ]
    assert unclear == []


def test_a_refused_input_leaves_the_store_as_it_was(outcomes: list[Outcome]) -> None:
    changed = [(o.via, o.case) for o in outcomes if o.result == "refused" and not o.unchanged]
    assert changed == []


def test_only_the_inputs_that_merely_look_odd_are_accepted(
    outcomes: list[Outcome], tmp_path: Path
) -> None:
    expected = {c.name for c in build(tmp_path) if c.expect == "accept"}
    accepted = {o.case for o in outcomes if o.result == "accepted"}
    assert accepted == expected == {"bare_cr", "map_in_cp932", "entity_expansion_strings"}


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("month_13", "there is no month 13"),
        ("tab_separated", "separated by tabs, not by commas"),
        ("semicolon", "separated by semicolons"),
        ("random_no_nul", "neither UTF-8 nor Shift_JIS"),
        ("entity_expansion", "declares entities or a DTD"),
        ("undefined_entity", "XML is not well-formed"),
        ("bad_crc", "its CRC does not match"),
        ("bad_inflate", "cannot be inflated"),
        ("no_content_types", "no [Content_Types].xml"),
        ("external_link", "an external link"),
        ("recorded_in_future", "in the future"),
        ("underscore", "a notation people do not type"),
        ("underflow", "it would be stored as 0"),
        ("rank_zero", "a rank is a whole number from 1"),
        ("far_period", "after the horizon"),
        ("action_x", "an ACTION SDMX does not define"),
        ("unit_mult_-400", "UNIT_MULT is not a whole number"),
    ],
)
def test_the_message_says_what_is_wrong(outcomes: list[Outcome], case: str, words: str) -> None:
    said = [o.text for o in outcomes if o.case == case and o.via == "cli"]
    assert said and words in said[0]
    assert "a range of years" not in said[0] and "a header but no rows" not in said[0]


def test_the_web_refuses_a_broken_form_with_a_4xx(outcomes: list[Outcome]) -> None:
    for case in ("malformed_multipart", "garbage_boundary", "long_filename"):
        [found] = [o for o in outcomes if o.case == case]
        assert found.result == "refused" and found.clear, (case, found.text[:300])
