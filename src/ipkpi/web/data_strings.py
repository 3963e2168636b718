"""The words of the data calendar and of a KPI's wait for data, in both languages."""

from __future__ import annotations

from typing import Final

from ..report.content import WORDS
from ..text import Text, t

DATA_UI: Final[dict[str, Text]] = {
    "data_due": t("公表予定", "Release calendar"),
    "data_due_title": t("データの公表予定（公表元別）", "Data release calendar, by publisher"),
    "data_due_before_first": t(
        "{date}にはまだデータがありません。下の見込みの月と状況は、最初のデータ版（{first}）の直前"
        "（{month}）に読んだものです。",
        "There are no data yet at {date}: the expected months and states below are read just "
        "before the first vintage ({first}), in {month}.",
    ),
    "data_due_intro": t(
        "各KPIのデータを公表する府省庁・機関と、次に公表が見込まれる月です（{month}時点）。"
        "見込みの月は、公表元の過去の公表時期から求めたもの（「ごろ」）か、公表元が予告したものです。"
        "不定期の公表物は「未定」とし、推測で日付を置くことはしません。",
        "Who publishes each KPI's data and the month its next figures are expected (as of "
        "{month}). Expected months are worked out from the publishers' past release dates "
        "('around') or were announced by them; an irregular publication's month is 'not known'. "
        "No date is guessed.",
    ),
    "data_due_counts": t("状況ごとの件数", "By state"),
    "data_due_by_publisher": t("公表元ごとの公表予定", "Releases by publisher"),
    "data_due_publisher": t("公表元", "Publisher"),
    "data_due_release": t("公表物", "Publication"),
    "data_due_latest": t("収録済みの最新期間", "Latest period held"),
    "data_due_next_period": t("次の期間", "Next period"),
    "data_due_expected": t("公表予定", "Expected"),
    "data_due_state": t("状況", "State"),
    "data_due_basis": t("予定の根拠", "Basis"),
    "data_due_unnamed": t(
        "公表元が定まっていないKPI（データなし）", "KPIs without data that name no publisher"
    ),
    "data_due_unnamed_note": t(
        "計画が指標や調査を定めていないため、公表元も公表時期も示せません。理由は各KPIの注記のとおりです。",
        "The plan defines no measure or survey for these, so no publisher or date can be given; "
        "each KPI's note says why.",
    ),
    "data_due_cli": t(
        "コマンドラインでは ipkpi data due --month YYYY-MM で同じ一覧が出ます。",
        "On the command line, ipkpi data due --month YYYY-MM prints the same list.",
    ),
    "none_yet": WORDS["none"],
    "data_wait": t("データ待ち", "Awaiting data"),
    "next_release": t("次回公表予定", "Next release"),
    "milestone_done": t("達成", "Done"),
    "milestone_not_done": t("未達成", "Not done"),
    "milestone_unknown": t("不明", "Not known"),
}
