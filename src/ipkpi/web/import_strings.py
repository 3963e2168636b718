"""The strings of the data import page, in Japanese and English (part of :data:`.ui_strings.UI`)."""

from __future__ import annotations

from typing import Final

from ..report.content import WORDS
from ..text import Text, t

IMPORT_UI: Final[dict[str, Text]] = {
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
    "import_revised": WORDS["revised"],
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
