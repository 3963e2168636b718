"""Every string the dashboard shows that is not plan text, in Japanese and English.

Templates ask for ``ui.key`` and get the string in the page's language; a key that is missing
here is an error at render time (Jinja's StrictUndefined), never a blank.
"""

from __future__ import annotations

from typing import Final

from ..followup import judgement
from ..followup.tone import TONE_LABELS
from ..report.content import WORDS
from ..text import Lang, Text, t
from .data_strings import DATA_UI
from .import_strings import IMPORT_UI

UI: Final[dict[str, Text]] = {
    **DATA_UI,
    **IMPORT_UI,
    # measures and ministries (the review cycle)
    "measures_index": WORDS["measures_status"],
    "measure": t("施策", "Measure"),
    "measure_details": t("実施状況・履歴", "Status and history"),
    "ministries_label": t("担当府省", "Ministries"),
    "unassigned": t(
        "担当府省未割当（計画本文に担当の記載がなく、推定もできない）",
        "No ministry assigned (the plan names none and none can be inferred)",
    ),
    "inferred": t("推定", "inferred"),
    "reason": t("推定の根拠", "Why"),
    "lead": t("主担当", "lead"),
    "horizon": t("期間", "Horizon"),
    "milestones": t("工程", "Milestones"),
    "linked_kpis": t("関連するKPI", "Linked KPIs"),
    "updates": t("取組状況の履歴（公表済み）", "Published progress reports"),
    "no_updates": t("公表された取組状況はまだありません", "No progress report published yet"),
    "check_class": t("進捗区分", "Check class"),
    "suggested": t("提案", "suggested"),
    "suggested_reason": t("提案の根拠", "Why suggested"),
    "override_reason": t("提案と異なる理由", "Why not the suggestion"),
    "act": t("今後の方向", "Direction"),
    "delay": t("遅延理由", "Reason for delay"),
    "evidence": t("根拠資料", "Evidence"),
    "owed": t("今回のサイクルで求められる報告", "What it owes this cycle"),
    "not_reported_yet": t("未報告の施策", "measures not reported yet:"),
    "all_reported": t("すべて報告済み", "everything reported"),
    "no_open_cycle": t("受付中のサイクルはありません", "No cycle is open"),
    "its_measures": t("担当する施策", "Its measures"),
    "status_report": t("取組状況", "Progress report"),
    "belongs_to": t("所属", "Part of"),
    "counts_by_class": t(
        "進捗区分別の施策数（前回サイクルとの比較）",
        "Measures by Check class, against the previous cycle",
    ),
    "no_published_cycle": t(
        "公表済みのサイクルはまだありません", "No cycle has been published yet"
    ),
    "site_name": t("知的財産推進計画2025 フォローアップ", "IP Strategic Program 2025 follow-up"),
    "skip_to_content": t("本文へスキップ", "Skip to main content"),
    "nav_label": t("サイト内ナビゲーション", "Site navigation"),
    "home": t("ホーム", "Home"),
    "progress": t("進捗一覧", "Progress summary"),
    "search": t("検索", "Search"),
    "language": t("言語", "Language"),
    "switch_to": t("English", "日本語"),
    "switch_to_label": t("英語版を表示", "Show this page in Japanese"),
    "breadcrumbs": t("現在位置", "Breadcrumbs"),
    "parts": t("各部", "Parts"),
    "part": t("部", "Part"),
    "section": t("節", "Section"),
    "sections": t("節", "Sections"),
    "vision": t("ビジョン", "Vision"),
    "pillars": t("3つの柱", "Pillars"),
    "headline_kpis": t("IPトランスフォーメーションのKPI", "IP Transformation KPIs"),
    "verdicts_by_part": t("部ごとの評価", "Verdicts by part"),
    "verdicts_by_kind": t("KPIの種類ごとの評価", "Verdicts by kind of KPI"),
    "changes": t("前回のデータ更新からの変化", "What changed since the previous data vintage"),
    "no_changes": t(
        "前回のデータ更新からの変化はありません。", "Nothing changed since the previous vintage."
    ),
    "no_previous_vintage": t(
        "比較できる前回のデータ更新がありません。", "There is no previous vintage to compare with."
    ),
    "change_new": WORDS["new"],
    "change_revised": WORDS["revised"],
    "change_removed": WORDS["removed"],
    "change_verdict": WORDS["verdict_changed"],
    "kpis": WORDS["kpis"],
    "kpi": t("KPI", "KPI"),
    "kind": WORDS["kind"],
    "all": t("すべて", "All"),
    "total": t("合計", "Total"),
    "verdict": WORDS["verdict"],
    "headline_verdict": t("総合評価", "Headline verdict"),
    "situation": WORDS["situation"],
    "measures": WORDS["plans"],
    "bodies": t("担当・関係機関", "Bodies named"),
    "documents": t("文書", "Documents named"),
    "context": t("参考情報", "Context"),
    "summary": t("概要", "Summary"),
    "wording": t("計画の文言", "The plan's wording"),
    "target": WORDS["goal"],
    "deadline": t("期限", "Deadline"),
    "no_deadline": t("期限なし", "No deadline"),
    "baseline": t("基準値", "Baseline"),
    "latest": WORDS["latest"],
    "notes": t("注記", "Notes"),
    "chart": t("グラフ", "Chart"),
    "chart_note": t(
        "グラフの内容は下のデータ表と同じです。",
        "The chart shows the same data as the table below.",
    ),
    "chart_loading": t("グラフを読み込んでいます…", "Loading the chart…"),
    "chart_empty": t("表示する観測値がありません。", "There are no observations to chart."),
    "data_table": t("データ表", "Data table"),
    "series": t("系列", "Series"),
    "period": WORDS["period"],
    "value": t("値", "Value"),
    "unit": t("単位", "Unit"),
    "flags": t("注意事項", "Caveats"),
    "source": judgement.SOURCE,
    "sources": t("出典", "Sources"),
    "vintage": t("データ版", "Vintage"),
    "note": t("備考", "Note"),
    "role": t("役割", "Role"),
    # {peers}: the peers' labels (「韓国・中国」, "Korea and China"); {rows}: 「36行」, "36 rows"
    "peer_rows_show": t(
        "比較対象（{peers}）の{rows}も表示する", "Also show {peers} for comparison ({rows})"
    ),
    "peer_rows_folded": t(
        "比較対象（{peers}）の{rows}は、表の上の切り替えで表示できます。",
        "Folded: the {rows} of {peers}, for comparison (the switch above the table shows them).",
    ),
    "rows_count": t("{n}行", "{n} rows"),
    "rows_count_one": t("{n}行", "{n} row"),
    "no_observations": t(
        "このKPIにはまだ観測値がありません。", "This KPI has no observations yet."
    ),
    "verdicts_by_method": t("評価手法ごとの評価", "Verdict by each method"),
    "method": t("手法", "Method"),
    "explanation": t("説明", "Explanation"),
    "numbers": t("計算に使った数値", "Numbers used"),
    "pace": t("必要なペースと実績", "Pace needed and achieved"),
    "pace_needed": t("最新値から必要なペース", "Needed from the latest value"),
    "pace_achieved": t("実績のペース", "Achieved"),
    "projection": t("見通し", "Projection"),
    "projected_value": t("期限時点の予測値", "Projected value at the deadline"),
    "interval": t("予測区間", "Prediction interval"),
    "components": t("構成要素", "Components"),
    "current": t("今回", "Current"),
    "previous": t("前回", "Previous"),
    "change_pct": t("増減率（%）", "Change (%)"),
    "published_total": t("公表された合計", "Published total"),
    "rounding_caveat": t(
        "公表の増減率は四捨五入前の値から計算されているため、表の丸めた値から再計算すると一致しない場合があります。",
        "Published changes were computed from unrounded values; recomputing them from the "
        "rounded figures shown may differ slightly.",
    ),
    "definition_changed": t("定義変更あり", "definition changed"),
    "events": t("主な出来事", "Events"),
    "peers": t("比較対象", "Peers"),
    "downloads": t("ダウンロード", "Downloads"),
    "download_csv": t("CSV（表示中のデータ表）", "CSV (the data table shown)"),
    "download_xlsx": t("Excel（表示中のデータ表）", "Excel (the data table shown)"),
    "download_json": t("JSON（このページのデータ）", "JSON (this page's data)"),
    "download_svg": t("SVG（グラフ）", "SVG (the chart)"),
    "plan_at_a_glance": t(
        "計画の全体像（KPIごとの評価と最新値）",
        "The plan at a glance (each KPI's verdict and latest value)",
    ),
    "kpi_count": t("KPI {n}件", "{n} KPIs"),
    "kpi_count_one": t("KPI {n}件", "{n} KPI"),
    "measure_count": t("施策 {n}件", "{n} measures"),
    "measure_count_one": t("施策 {n}件", "{n} measure"),
    "section_count": t("節 {n}件", "{n} sections"),
    "section_count_one": t("節 {n}件", "{n} section"),
    "part_count": t("部 {n}件", "{n} parts"),
    "part_count_one": t("部 {n}件", "{n} part"),
    "result_count_one": t("{n}件の結果", "{n} result"),
    "download_png": t("PNG（グラフ）", "PNG (the chart)"),
    "chart_series_toggle": t("表示する系列", "Series shown"),
    "chart_save": t("グラフを保存", "Save the chart"),
    "embed": t("このグラフを埋め込む", "Embed this chart"),
    "embed_more": t(
        "KPIの詳細（出典・評価の計算）", "The KPI in full (sources, how it was judged)"
    ),
    "embed_copy": t("埋め込み用コード", "Code to embed"),
    "embed_help": t(
        "次のコードを自分のページに貼り付けると、このグラフ（データ版固定）が表示されます。",
        "Paste this code into your page to show this chart (fixed to this data vintage).",
    ),
    "permalink": t("このデータ版への固定リンク", "Permanent link to this vintage"),
    "as_of": WORDS["as_of"],
    "as_of_latest": t("最新", "latest"),
    "as_of_before_first": t("最初のデータ版より前", "before the first vintage"),
    "data": t("データ", "Data"),
    "api_reference": t("API リファレンス", "API reference"),
    "api_machine": t("機械可読な記述:", "The machine-readable description:"),
    "api_in_english": t(
        "アドレス・パラメータ・項目の説明は、OpenAPI の記述（英語）をそのまま示しています。",
        "",  # the English page needs no such note
    ),
    "api_version": t("版", "version"),
    "api_operations": t("アドレス", "Addresses"),
    "api_parameters": t("パラメータ", "Parameters"),
    "api_schemas": t("応答の形（スキーマ）", "What the answers hold (schemas)"),
    "api_fields": t("項目", "Fields"),
    "api_name": t("名前", "Name"),
    "api_where": t("場所", "In"),
    "api_type": t("型", "Type"),
    "api_description": t("説明", "Description"),
    "api_required": t("必須", "required"),
    "api_optional": t("省略可", "optional"),
    "data_intro": t(
        "計画のすべての観測値（{kpis}件のKPIの{series}系列、{observations}件）を、出典・注記・"
        "データ版とともにダウンロードできます。",
        "Every observation of the plan ({observations} values of {series} series, for {kpis} "
        "KPIs), with its source, flags, notes and vintage.",
    ),
    "dataset_csv": t("CSV（取込形式）", "CSV (the import format)"),
    "dataset_xlsx": t(
        "Excel（観測値・系列・データ版のシート）", "Excel (observations, series, vintages)"
    ),
    "dataset_zip": t(
        "Frictionless Data Package（zip: datapackage.json と CSV）",
        "Frictionless Data Package (zip: datapackage.json and CSV)",
    ),
    "dataset_columns": t("列", "Columns"),
    "dataset_counts": t("件数", "Counts"),
    "dataset_counts_text": t(
        "KPI {kpis}件、系列 {series}、観測値 {observations}件",
        "{kpis} KPIs, {series} series, {observations} observations",
    ),
    "dataset_how": t(
        "1行1観測値（そのデータ時点で最新の値）。ipkpi data import でそのまま取り込めます。"
        "「#」で始まる行は説明です。列: series 系列ID、period 期間、value 値、unit 単位、"
        "flags フラグ、note/note_en 備考、vintage データ版。",
        "One observation a row (the latest value at the date). Reads back with ipkpi data "
        "import. Lines starting with # describe the data. Columns: series, period, value, "
        "unit, flags, note/note_en, vintage.",
    ),
    "dataset_vintages": t(
        "過去のデータ版のファイルは、そのデータ版を選んで表示したこのページにあります。",
        "The files of a past vintage are on this page with that vintage chosen.",
    ),
    "download_plan": t("計画", "Plan"),
    "download_why": t("評価の説明", "Why"),
    "download_how": t("このファイル", "This file"),
    "download_how_text": t(
        "1行1観測値。値を直して、ipkpi data import またはデータ取込ページでそのまま取り込めます"
        "（直した値だけが改訂されます）。「#」で始まる行は説明で、取り込まれません。"
        "フラグは名前（uncertain など）、単位はページの表示のとおりです。",
        "One observation a row. Correct values and send the file back as it is (ipkpi data "
        "import, or the import page): only the values changed are revised. Lines starting "
        "with # describe the data and are not imported. Flags are given by name (uncertain, "
        "…), units as the page shows them.",
    ),
    "download_no_data": t(
        "データなし（最初のデータ版より前）", "no data (before the first vintage)"
    ),
    "download_past": t("過去のデータ版。最新は", "a past vintage; the latest is"),
    "download_item": t("項目", "Item"),
    "download_text": t("内容", "Text"),
    "download_data_sheet": t("データ", "data"),
    "download_about_sheet": t("説明", "about"),
    "vintage_banner_label": t("表示中のデータ版", "The data shown"),
    "past_vintage": t(
        "過去のデータ版（{vintage}）を表示しています。最新のデータ版は {latest} です。",
        "You are looking at a past data vintage ({vintage}); the latest is {latest}.",
    ),
    "before_first_vintage": t(
        "この時点ではまだデータがありません（最初のデータ版は {first}）。",
        "There are no data yet at this date (the first vintage is {first}).",
    ),
    "show_latest": t("最新のデータを表示", "Show the latest data"),
    "show": t("表示", "Show"),
    "filter": t("絞り込み", "Filter"),
    "apply": t("適用", "Apply"),
    "reset": t("解除", "Reset"),
    "status": t("評価", "Status"),
    "shown_count": t("件を表示", "shown"),
    "search_label": t(
        "KPI・節・施策を検索（日本語・英語）",
        "Search KPIs, sections and measures (Japanese or English)",
    ),
    "search_results": t("検索結果", "Search results"),
    "nearest_kpis": t("もしかして：", "Did you mean:"),
    "result_count": t("{n}件の結果", "{n} results"),
    "no_results": t("該当するものはありません。", "Nothing matches."),
    "fallback_language": t("（日本語訳なし）", "(no English text: shown in Japanese)"),
    "not_found_title": t("ページが見つかりません", "Page not found"),
    "bad_request_title": t("リクエストに誤りがあります", "Bad request"),
    "error_title": t("エラー", "Error"),
    "back_home": t("ホームへ戻る", "Back to the home page"),
    "api": t("API（OpenAPI）", "API (OpenAPI)"),
    "json_version": t("このページのJSON", "This page as JSON"),
    "footer_note": t(
        "評価は公表された統計機関の手法によるものです。各評価の計算過程を各KPIのページに示しています。",
        "Verdicts follow the published methods of statistical offices; each KPI page shows "
        "how its verdicts were computed.",
    ),
    "none": t("なし", "None"),
    "data_vintages": t("データ版", "Data vintages"),
    "observations_count": t("観測値の数", "Observations"),
    "kpis_with_data": WORDS["kpis_with_data"],
    "interpretation": t("数値での解釈", "Numeric reading"),
    "criterion": t("基準", "Criterion"),
    "direction": t("方向", "Direction"),
    "due": t("期限", "Due"),
    "pending_until": t("設定時期", "To be set"),
    "milestone_status": t("状況", "Status"),
    "completion_recorded": judgement.COMPLETION,
    "required_path": t("必要な経路", "Required path"),
    "projected_path": t("予測経路", "Projected path"),
    "peer_label": t("比較", "peer"),
    "tone": t("評価の区分", "Verdict group"),
    "tone_good": TONE_LABELS["good"],
    "tone_fair": TONE_LABELS["fair"],
    "tone_poor": TONE_LABELS["poor"],
    "tone_bad": TONE_LABELS["bad"],
    "tone_early": t(
        "判断には早い（基準値以降のデータ不足）",
        "Too early to tell (too little data since the baseline)",
    ),
    "tone_neutral": t(
        "評価なし（目標なし・データ不足・未設定）", "No verdict (no target, too few data, pending)"
    ),
    "tone_short_good": t("達成・順調", "On track"),
    "tone_short_fair": t("要加速", "Too slow"),
    "tone_short_bad": t("後退・未達", "Moving away"),
    "tone_short_early": t("判断には早い", "Too early"),
    "tone_short_neutral": TONE_LABELS["neutral"],
    "series_id": t("系列ID", "Series id"),
    "source_url": t("出典URL", "Source URL"),
}

#: Keys that show a word defined once above (tests/units/test_words_once.py).
UI.update(
    implementation=UI["measures_index"],
    result_measure=UI["measure"],
    result_part=UI["part"],
    result_section=UI["section"],
    download_kpi=UI["kpi"],
    result_kpi=UI["kpi"],
    download_verdict=UI["headline_verdict"],
    download_wording=UI["wording"],
    download_latest=UI["latest"],
    download_sources=UI["sources"],
    download_as_of=UI["as_of"],
    tone_short_poor=UI["tone_poor"],
)


def ui_strings(lang: Lang) -> dict[str, str]:
    """Every UI string in ``lang``."""
    return {key: text.get(lang) for key, text in UI.items()}
