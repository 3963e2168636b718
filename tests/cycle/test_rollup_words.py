"""The measures' figure in words (report pages, measure pages): what is counted, of what."""

from __future__ import annotations

from collections import Counter

from ipkpi.cycle.rollup import Rollup


def test_a_section_with_nothing_to_count_says_so_and_what_it_left_out() -> None:
    none = Rollup(Counter({"not_reported": 2, "unassigned": 1}))
    assert none.text("en").startswith("No measure to count yet (left out: ")
    assert none.text("ja").startswith("数えられる施策なし（除外：")
    assert "0 of 0" not in none.text("en")


def test_the_figure_names_its_measures() -> None:
    one = Rollup(Counter({"A": 1}))
    assert one.text("en") == "1 of 1 measure rated A or done"
    three = Rollup(Counter({"A": 1, "done": 1, "B": 1}))
    assert three.text("en") == "2 of 3 measures rated A or done"
    assert three.text("ja") == "A・完了 2/3"
