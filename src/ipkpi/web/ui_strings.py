"""Every string the dashboard shows that is not plan text, in Japanese and English.

Templates ask for ``ui.key`` and get the string in the page's language; a key that is missing
here is an error at render time (Jinja's StrictUndefined), never a blank.
"""

from __future__ import annotations

from typing import Final

from ..text import Lang, Text, t
from .data_strings import DATA_UI

UI: Final[dict[str, Text]] = {
    **DATA_UI,
    # measures and ministries (the review cycle)
    "measures_index": t("施策の実施状況", "Measures"),
    "implementation": t("施策の実施状況", "Measures"),
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
    "change_new": t("新しい観測値", "New observation"),
    "change_revised": t("改訂", "Revised"),
    "change_removed": t("削除", "Removed"),
    "change_verdict": t("評価の変化", "Verdict changed"),
    "kpis": t("KPI", "KPIs"),
    "kpi": t("KPI", "KPI"),
    "kind": t("種類", "Kind"),
    "all": t("すべて", "All"),
    "total": t("合計", "Total"),
    "verdict": t("評価", "Verdict"),
    "headline_verdict": t("総合評価", "Headline verdict"),
    "situation": t("現状と課題", "Situation and issues"),
    "measures": t("今後の予定（方向性）", "Planned measures"),
    "bodies": t("担当・関係機関", "Bodies named"),
    "documents": t("文書", "Documents named"),
    "context": t("参考情報", "Context"),
    "summary": t("概要", "Summary"),
    "wording": t("計画の文言", "The plan's wording"),
    "target": t("目標", "Target"),
    "deadline": t("期限", "Deadline"),
    "no_deadline": t("期限なし", "No deadline"),
    "baseline": t("基準値", "Baseline"),
    "latest": t("最新値", "Latest value"),
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
    "period": t("期間", "Period"),
    "value": t("値", "Value"),
    "unit": t("単位", "Unit"),
    "flags": t("注意事項", "Caveats"),
    "source": t("出典", "Source"),
    "sources": t("出典", "Sources"),
    "vintage": t("データ版", "Vintage"),
    "note": t("備考", "Note"),
    "role": t("役割", "Role"),
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
    "as_of": t("データ時点", "Data as of"),
    "as_of_latest": t("最新", "latest"),
    "data": t("データ", "Data"),
    "api_reference": t("API リファレンス", "API reference"),
    "api_machine": t("機械可読な記述:", "The machine-readable description:"),
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
    "download_kpi": t("KPI", "KPI"),
    "download_plan": t("計画", "Plan"),
    "download_wording": t("計画の文言", "The plan's wording"),
    "download_latest": t("最新値", "Latest value"),
    "download_verdict": t("総合評価", "Headline verdict"),
    "download_why": t("評価の説明", "Why"),
    "download_as_of": t("データ時点", "Data as of"),
    "download_sources": t("出典", "Sources"),
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
    "result_kpi": t("KPI", "KPI"),
    "result_section": t("節", "Section"),
    "result_measure": t("施策", "Measure"),
    "result_part": t("部", "Part"),
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
    "kpis_with_data": t("データのあるKPI", "KPIs with data"),
    "interpretation": t("数値での解釈", "Numeric reading"),
    "criterion": t("基準", "Criterion"),
    "direction": t("方向", "Direction"),
    "due": t("期限", "Due"),
    "pending_until": t("設定時期", "To be set"),
    "milestone_status": t("状況", "Status"),
    "completion_recorded": t("完了の記録", "Completion recorded"),
    "required_path": t("必要な経路", "Required path"),
    "projected_path": t("予測経路", "Projected path"),
    "peer_label": t("比較", "peer"),
    "tone": t("評価の区分", "Verdict group"),
    "tone_good": t("達成・順調", "Met or on track"),
    "tone_fair": t("進展あり（加速が必要）", "Progressing, acceleration needed"),
    "tone_poor": t("停滞", "Stalling"),
    "tone_bad": t("後退・未達", "Moving away or missed"),
    "tone_early": t(
        "判断には早い（基準値以降のデータ不足）",
        "Too early to tell (too little data since the baseline)",
    ),
    "tone_neutral": t(
        "評価なし（目標なし・データ不足・未設定）", "No verdict (no target, too few data, pending)"
    ),
    "tone_short_good": t("達成・順調", "On track"),
    "tone_short_fair": t("要加速", "Too slow"),
    "tone_short_poor": t("停滞", "Stalling"),
    "tone_short_bad": t("後退・未達", "Moving away"),
    "tone_short_early": t("判断には早い", "Too early"),
    "tone_short_neutral": t("評価なし", "No verdict"),
    "series_id": t("系列ID", "Series id"),
    "source_url": t("出典URL", "Source URL"),
    # The data import page (only when the server has an import token).
    "import_data": t("データ取込", "Import data"),
    "staff": t("府省庁・事務局", "Ministries & secretariat"),
    "import_intro": t(
        "計画の施策を担当する府省が、端末やgitを使わずにデータファイルを送るためのページです。"
        "送信したファイルはまず確認画面に表示され、「取り込む」を押すまで何も保存されません。",
        "Ministries that own the plan's measures can send a data file here, without a terminal "
        "or git. A file is first checked and shown; nothing is stored until you press Import.",
    ),
    "import_form": t("ファイルを送信", "Send a file"),
    "import_file": t("データファイル（CSV・XLSX・SDMX-CSV）", "Data file (CSV, XLSX, SDMX-CSV)"),
    "import_sheet": t("XLSXのシート名（省略可）", "XLSX sheet name (optional)"),
    "import_sheet_help": t(
        "省略すると最初のシートを読みます。", "Without it, the first sheet is read."
    ),
    "import_source_title": t("出典名（省略可）", "Source title (optional)"),
    "import_source_url": t("出典URL（省略可）", "Source URL (optional)"),
    "import_source_help": t(
        "出典の書かれていない行に使われます。", "Used for the rows that name no source."
    ),
    "import_check": t("確認する", "Check the file"),
    "import_limits": t("ファイルの上限", "File size limits"),
    "import_guide": t("受け付けるファイル", "Files accepted"),
    "import_guide_formats": t(
        "CSV（UTF-8 または Shift_JIS）、"
        "XLSX（最初のシートまたは指定したシート。表の上の表題は読み飛ばします）、"
        "SDMX-CSV（ipkpi の書き出し形式）。他の機関の SDMX-CSV は系列対応表が必要なため、"
        "コマンド ipkpi data import --sdmx-map を使ってください。",
        "CSV (UTF-8 or Shift_JIS), XLSX (the first sheet or the one you name; a title block "
        "above the table is skipped), SDMX-CSV (as ipkpi exports it). SDMX-CSV of other "
        "producers needs a series map: use the command ipkpi data import --sdmx-map.",
    ),
    "import_guide_columns": t(
        "列: series（系列）、period（期間・年度）、value（値）は必須。"
        "unit（単位）、source_title（出典）、"
        "source_url（出典URL）、flags（フラグ: 速報、推計、約 など）、note（注記）は任意。",
        "Columns: series (系列), period (期間, 年度) and value (値) are required; unit (単位), "
        "source_title (出典), source_url (出典URL), flags (速報 provisional, 推計 estimate, "
        "約 approximate…) and note (注記) are optional.",
    ),
    "import_guide_periods": t(
        "期間: 2024・2024年・令和6年は暦年、"
        "2024年度・FY2024・令和6年度・R6年度は年度（4月〜翌3月）。"
        "列名を「年度」にすると 2024 も年度として読みます。"
        "2024年3月、2024年第1四半期、2024年度上期 なども可。"
        "系列ごとに受け付ける期間の種類は下の一覧のとおりです。",
        "Periods: 2024, 2024年 and 令和6年 are calendar years; 2024年度, FY2024, 令和6年度 and "
        "R6年度 are fiscal years (April to March). Under a column headed 年度 a bare 2024 is a "
        "fiscal year. 2024年3月, 2024年第1四半期, 2024年度上期 and the like are read too. Each "
        "series takes one kind of period, listed below.",
    ),
    "import_guide_units": t(
        "単位: 系列の単位、または同じ種類の別の単位で書けます。"
        "兆円の系列に 15,073 億円 と書くと 1.5073 兆円 として保存されます。"
        "単位の無い行は系列の単位とみなします。▲12 は −12、1,234 の桁区切りも読みます。",
        "Units: a value may be in the series' unit or another of the same kind: 15,073 億円 for "
        "a series in 兆円 is stored as 1.5073 兆円. A row without a unit is in the series' unit. "
        "▲12 reads as −12, and 1,234 as 1234.",
    ),
    "import_guide_all_or_nothing": t(
        "1行でも誤りがあれば何も取り込まれず、すべての問題が行と列つきで示されます。"
        "取り込むたびにデータ版が記録され、以前の値は上書きされません。",
        "If any row is wrong nothing is imported, and every problem is listed with its row and "
        "column. Each import is recorded as a data vintage; earlier values are never overwritten.",
    ),
    "import_guide_docs": t(
        "詳しい規則は ipkpi の文書 docs/data.md"
        "（「File formats」「Periods」「Units」）にあります。",
        "The full rules are in ipkpi's documentation, docs/data.md (File formats, Periods, Units).",
    ),
    "import_templates": t("記入用テンプレート", "Templates"),
    "import_templates_help": t(
        "計画の系列ごとに1行（系列IDと単位入り、値は空欄）。値の無い行は削除してから送ってください。",
        "One row per series of the plan, with its id and unit and the value left blank. "
        "Delete the rows you leave without a value before sending.",
    ),
    "import_template_csv": t("CSVテンプレート（UTF-8 BOM付き）", "CSV template (UTF-8 with BOM)"),
    "import_template_xlsx": t("Excelテンプレート", "Excel template"),
    "import_series_list": t("系列の一覧", "The plan's series"),
    "import_period_form": t("期間の書き方", "Period written as"),
    "import_preview": t("取り込む前の確認", "Check before importing"),
    "import_file_name": t("ファイル", "File"),
    "import_new": t("新規", "New"),
    "import_revised": t("改訂", "Revised"),
    "import_unchanged": t("変更なし", "Unchanged"),
    "import_warnings": t("注意", "Notes"),
    "import_changes": t("変更される値", "Values that change"),
    "import_no_changes": t("このファイルで変わる値はありません。", "This file changes no value."),
    "import_more_changes": t("ほか {n} 件の変更があります。", "{n} more changes are not shown."),
    "import_row": t("行", "Row"),
    "import_old_value": t("現在の値", "Current value"),
    "import_change": t("変更の区分", "Change"),
    "import_see_guide": t("受け付けるファイルと書き方", "Files accepted and how to write them"),
    "import_new_value": t("新しい値", "New value"),
    "import_start_over": t("別のファイルを送る", "Send another file"),
    "import_problems": t("ファイルの問題", "Problems in the file"),
    "import_problems_count": t(
        "{n} 件の問題があります。何も取り込まれていません。",
        "{n} problems found; nothing was imported.",
    ),
    "import_problem_one": t(
        "1 件の問題があります。何も取り込まれていません。", "1 problem found; nothing was imported."
    ),
    "import_more_problems": t(
        "ほか {n} 件の問題は省略しました。種類ごとの件数:",
        "{n} more problems are not listed. By kind:",
    ),
    "import_cell": t("セル・列", "Cell or column"),
    "import_reason": t("問題", "Problem"),
    "import_hint": t("対処", "What to do"),
    "import_whole_file": t("ファイル全体", "whole file"),
    "import_already": t(
        "このファイル（同じ内容）はすでに取り込まれています"
        "（データ版 {id}、{when}）。追加するものはありません。",
        "This file (the same content) was already imported (vintage {id}, {when}); nothing to add.",
    ),
    "import_vintage": t("記録されたデータ版", "Vintage recorded"),
    "import_vintage_id": t("データ版ID", "Vintage id"),
    "import_recorded_at": t("記録日時", "Recorded at"),
    "import_changed_kpis": t("値が変わったKPI", "KPIs whose data changed"),
    "import_no_changed_kpis": t("値が変わったKPIはありません。", "No KPI's data changed."),
    "import_too_large": t(
        "ファイルが大きすぎます（{size}、上限 {limit}）。"
        "分割するか、CSVにして送ってください。何も保存されていません。",
        "The file is too large ({size}; the limit is {limit}). Split it, or send it as CSV. "
        "Nothing was stored.",
    ),
    "import_over_limit": t(
        "ファイルが上限（{limit}）を超えたため、受信を止めました。"
        "分割するか、CSVにして送ってください。何も保存されていません。",
        "The file is over the {limit} limit, so the upload was stopped. Split it, or send it "
        "as CSV. Nothing was stored.",
    ),
    "import_no_file": t(
        "ファイルが選ばれていません。データファイルを選んでから送信してください。",
        "No file was chosen: choose a data file, then send the form.",
    ),
    "import_bad_form": t(
        "フォームを読み取れませんでした（{detail}）。何も保存されていません。",
        "The form could not be read ({detail}). Nothing was stored.",
    ),
    "import_signin": t(
        "データを送るにはサインインしてください。何も保存されていません。",
        "Sign in to send data. Nothing was stored.",
    ),
    "import_no_role": t(
        "データを提出できる府省庁の役割（編集・承認）がありません。何も保存されていません。",
        "You have no ministry role that may submit data (editor, approver). Nothing was stored.",
    ),
    "import_refused": t(
        "フォームを受け付けませんでした（{detail}）。何も保存されていません。",
        "The form was refused ({detail}). Nothing was stored.",
    ),
    "import_too_many": t(
        "送信が多すぎます。{seconds}秒後にもう一度お試しください。",
        "Too many uploads: try again in {seconds} seconds.",
    ),
    "import_busy": t(
        "いまは受け付けられません（{detail}）。しばらくしてからもう一度お試しください。",
        "Cannot take the file now ({detail}). Try again in a little while.",
    ),
    "import_ministry": t("提出する府省庁", "Ministry submitting"),
    "import_title": t("提出の名前（省略可）", "Submission title (optional)"),
    "import_draft_saved": t(
        "ファイルを確認し、下書き（提出 {id}）として保存しました。まだ公開されていません。"
        "内容を確かめて、事務局の審査に送ってください。",
        "The file was checked and saved as a draft (submission {id}). Nothing is published yet: "
        "check the changes below, then send it to the secretariat for review.",
    ),
    "import_send_for_review": t("審査に送る", "Send for review"),
    "import_open_draft": t("下書きを開く", "Open the draft"),
    "import_too_large_client": t(
        "このファイルは上限（{limit}）を超えています。", "This file is over the {limit} limit."
    ),
    "frequency_annual": t("暦年: 2024", "Calendar year: 2024"),
    "frequency_fiscal": t("年度: 2024年度、FY2024", "Fiscal year: FY2024, 2024年度"),
    "frequency_half": t("半期: 2024年上半期、2024-H1", "Half: 2024-H1, 2024年上半期"),
    "frequency_quarterly": t(
        "四半期: 2024年第1四半期、2024-Q1", "Quarter: 2024-Q1, 2024年第1四半期"
    ),
    "frequency_fiscal_half": t(
        "年度の半期: 2024年度上期、FY2024-H1", "Fiscal half: FY2024-H1, 2024年度上期"
    ),
    "frequency_fiscal_quarterly": t(
        "年度の四半期: 2024年度第1四半期、FY2024-Q1", "Fiscal quarter: FY2024-Q1, 2024年度第1四半期"
    ),
    "frequency_monthly": t("月: 2024年3月、2024-03", "Month: 2024-03, 2024年3月"),
    "frequency_irregular": t("任意の期間", "Any period"),
}


def ui_strings(lang: Lang) -> dict[str, str]:
    """Every UI string in ``lang``."""
    return {key: text.get(lang) for key, text in UI.items()}
