"""The words and colours of the KPI charts, in both languages."""

from __future__ import annotations

from ..text import Lang, Text

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
# Colours with at least 4.5:1 contrast on white (WCAG 1.4.11 needs 3:1 for graphics).
PALETTE = ["#0b5cad", "#b3261e", "#1b6e3a", "#6b3fa0", "#8a4b00", "#444444", "#005f73"]
TARGET_COLOUR = "#8a4b00"
PATH_COLOUR = "#555555"
# The components of a total, one colour each, none of them the total's blue (PALETTE[0]): all
# at least 4.5:1 on white, and told apart also with red-green colour blindness (CIELAB
# distances checked under simulated deuteranopia and protanopia). White gaps separate the
# stacked segments, so neighbours need no contrast with each other.
COMPONENT_PALETTE = [
    "#c44e00",
    "#00866a",
    "#a8437f",
    "#5e5500",
    "#333333",
    "#7b5cc7",
    "#8f2a2a",
    "#2b7bab",
]
TEXT_COLOUR = "#222222"
BAR_WIDTH = 18
LEGEND_ROW = 20
# Vega's legend layout (an object Vega-Lite passes through only as an expression).
LEGENDS_STACKED = "{bottom: {anchor: 'start', direction: 'vertical', margin: 8}}"

LABELS = {
    "target": Text(ja="目標", en="Target"),
    "observed": Text(ja="実績値", en="Observed"),
    "flagged": Text(
        ja="注意事項のある値（概数・下限値・二次的出典など）",
        en="Value with a caveat (approximate, lower bound…)",  # fits a phone legend
    ),
    "band_cut": Text(
        ja="予測区間は表示範囲（実績値と目標）で切っている。",
        en="The prediction interval is cut at the plotted range (the data and the target).",
    ),
    "events_numbered": Text(
        ja="番号付きの縦線は出来事を示す（一覧はグラフの下）。",
        en="Numbered vertical lines mark events (listed under the chart).",
    ),
    "gaps": Text(
        ja="データのない年は線を切っている。",
        en="The line is broken across years without data.",
    ),
    "required": Text(ja="目標達成に必要な経路", en="Path needed to reach the target"),
    "projected": Text(ja="予測経路", en="Projected path"),
    "interval": Text(ja="予測区間", en="Prediction interval"),
    "period": Text(ja="期間", en="Period"),
    "value": Text(ja="値", en="Value"),
    "series": Text(ja="系列", en="Series"),
    "flags": Text(ja="注意事項", en="Caveats"),
    "source": Text(ja="出典", en="Source"),
    "event": Text(ja="出来事", en="Event"),
    "date": Text(ja="日付", en="Date"),
    "year": Text(ja="年", en="Year"),
    "described": Text(ja="{title}の推移のグラフ。", en="Chart of {title} over time."),
    "described_components": Text(
        ja="積み上げ棒は、各調査の合計の構成要素を、その合計を置いた年に示す（各構成要素の年は"
        "データ表のとおり）。",
        en="Stacked bars show the components of each survey's total at the year where that "
        "total is placed (each component's own year is in the data table).",
    ),
    "component": Text(ja="構成要素", en="Component"),
    "unit": Text(ja="単位", en="Unit"),
    "share": Text(ja="合計に占める割合", en="Share of the total"),
    "survey": Text(ja="調査", en="Survey"),
    "total": Text(ja="合計", en="Total"),
    "current_survey": Text(ja="今回調査", en="This survey"),
    "previous_survey": Text(ja="前回調査", en="Previous survey"),
    "definition_changed": Text(
        ja="前回調査と今回調査で定義が異なる", en="Definition differs between the surveys"
    ),
}


def label(key: str, lang: Lang) -> str:
    """The chart's word for ``key`` in ``lang``."""
    return LABELS[key].get(lang)
