"""Text measured and wrapped by display width: a Japanese character takes two columns."""

from __future__ import annotations

from ipkpi.cli.width import cells, fill, shortened, wrap


def test_wrapping_counts_a_japanese_character_as_two_columns():
    text = "表は端末の幅（COLUMNS）に合わせて表示します。"
    assert cells(text) == 45  # 19 wide characters, 7 narrow
    lines = wrap(text, 20)
    assert all(cells(line) <= 20 for line in lines)
    assert "".join(lines) == text
    # never a closing mark at a line's start, never an opening one at its end
    assert not any(line.startswith(("）", "。", "、")) or line.endswith("（") for line in lines)


def test_wrapping_keeps_narrow_words_whole_and_spaces_between_them():
    lines = wrap("既定：$IPKPI_PLAN_DIR、なければ plans/ip2025", 24)
    assert lines == ["既定：$IPKPI_PLAN_DIR、", "なければ plans/ip2025"]
    assert fill("one two\nthree", 80) == "one two three"
    assert fill("行が\n続く", 80) == "行が続く"  # no space between two Japanese lines


def test_a_summary_is_cut_to_fit_with_dots():
    assert shortened("部ごとの全KPI：最新値、目標", 20) == "部ごとの全KPI：最..."  # 20 columns
    assert shortened("Every KPI by part: latest value", 21) == "Every KPI by part:..."
