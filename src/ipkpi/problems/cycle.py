"""Wordings for the review cycle's workbooks and for plan lineage (``ipkpi plan next``)."""

from __future__ import annotations

from .model import Template

# -- the ministry's workbook (ipkpi cycle import) ---------------------------------------------
CYCLE_NOT_XLSX = Template(
    "cycle.not_xlsx",
    "not a readable XLSX file ({detail})",
    "XLSXファイルとして読めません（{detail}）",
    "write a new one with `ipkpi cycle template`",
    "`ipkpi cycle template` で作り直してください",
)
CYCLE_SHEET_MISSING = Template(
    "cycle.sheet_missing",
    "sheet {name!r} is missing",
    "シート「{name}」がありません",
    "keep the template's sheets",
    "テンプレートのシートを消さないでください",
)
CYCLE_WRONG_CYCLE = Template(
    "cycle.wrong_cycle",
    "this file is for cycle {given}, not {cycle}",
    "このファイルはサイクル {given} のもので、{cycle} には取り込めません",
    "use this cycle's template",
    "このサイクルのテンプレートを使ってください",
)
CYCLE_NOT_OPEN = Template(
    "cycle.not_open",
    "cycle {cycle} is {state}: it can no longer be changed",
    "サイクル {cycle} は締め切られています（{state}）。変更は取り込めません",
    "contact the secretariat",
    "事務局に連絡してください",
)
CYCLE_UNKNOWN_MINISTRY = Template(
    "cycle.unknown_ministry",
    "{detail}",
    "{detail}",
    "fix the ministry code (`ipkpi ministries`)",
    "府省庁コードを直してください（`ipkpi ministries`）",
)
CYCLE_WRONG_VOCABULARY = Template(
    "cycle.wrong_vocabulary",
    "vocabulary {given} is not this cycle's {pinned}",
    "語彙 {given} はこのサイクルの {pinned} と異なります",
    "use this cycle's template",
    "このサイクルのテンプレートを使ってください",
)
CYCLE_UNKNOWN_TERM = Template(
    "cycle.unknown_term",
    "not a term of {vocabulary}",
    "語彙 {vocabulary} にない語です",
    "choose one of: {allowed}",
    "一覧から選んでください: {allowed}",
)
CYCLE_UNKNOWN_MEASURE = Template(
    "cycle.unknown_measure",
    "unknown measure {measure}",
    "施策 {measure} は計画にありません",
    "do not change the measure ids",
    "施策IDを変更しないでください",
)
CYCLE_OTHER_MINISTRY = Template(
    "cycle.other_ministry",
    "measure {measure} is not one of {ministry}'s",
    "施策 {measure} は {ministry} の担当ではありません",
    "keep only your ministry's rows",
    "自府省の施策の行だけを残してください",
)
CYCLE_MEASURE_TWICE = Template(
    "cycle.measure_twice",
    "measure {measure} appears twice (row {first})",
    "施策 {measure} が2行あります（{first}行目）",
    "one row per measure",
    "1施策1行にしてください",
)
CYCLE_STATUS_EMPTY = Template(
    "cycle.status_empty",
    "the progress report (Japanese) is empty",
    "取組状況（日本語）が空です",
    "write the progress report",
    "取組状況を書いてください",
)
CYCLE_REASON_NEEDED = Template(
    "cycle.override_reason_needed",
    "Check {check} differs from the suggestion {suggested}: a reason is needed",
    "区分 {check} は提案 {suggested} と異なります。理由が必要です",
    "give the reason in this cell",
    "このセルに理由を書いてください",
)
CYCLE_BAD_URL = Template(
    "cycle.bad_url",
    "the evidence URL must start with http(s)://",
    "根拠URLは http(s):// で始まる必要があります",
    "fix the URL",
    "URLを直してください",
)
CYCLE_UNKNOWN_FINDING = Template(
    "cycle.unknown_finding",
    "unknown finding id",
    "この指摘IDはありません",
    "do not change the finding ids",
    "指摘IDを変更しないでください",
)

# -- plan lineage (lineage.yaml, ipkpi plan next) ----------------------------------------------
LINEAGE_INVALID = Template(
    "plan.lineage_invalid",
    "the lineage file does not validate: {detail}",
    "系譜ファイルが正しくありません: {detail}",
    "see docs/plan-files.md (Plan to plan)",
    "docs/plan-files.md（Plan to plan）を見てください",
)
LINEAGE_NO_PREVIOUS = Template(
    "plan.lineage_no_previous",
    "previous plan {previous!r} not found beside this one",
    "前の計画「{previous}」がこの計画の隣にありません",
    "keep the folder {previous} next to this plan",
    "フォルダ {previous} をこの計画の隣に置いてください",
)
LINEAGE_PREVIOUS_INVALID = Template(
    "plan.lineage_previous_invalid",
    "the previous plan {folder} does not validate",
    "前の計画 {folder} に問題があります",
    "run 'ipkpi plan validate {folder}'",
    "'ipkpi plan validate {folder}' を実行してください",
)
LINEAGE_ENTRIES = Template(
    "plan.lineage_entries",
    "{kind} {item!r} has {count} lineage entries",
    "{kind}「{item}」の系譜が {count} 件あります",
    "give each measure and KPI exactly one entry",
    "施策・KPIごとに1件にしてください",
)
LINEAGE_UNKNOWN_ITEM = Template(
    "plan.lineage_unknown_item",
    "lineage names {kind} {item!r}, which the plan does not have",
    "系譜にある{kind}「{item}」は計画にありません",
    "remove the entry or fix the id",
    "項目を消すかIDを直してください",
)
LINEAGE_UNKNOWN_SOURCE = Template(
    "plan.lineage_unknown_source",
    "{kind} {item!r} comes from {source!r}, not in {previous}",
    "{kind}「{item}」の元「{source}」は {previous} にありません",
    "use an id of the previous plan",
    "前の計画のIDを使ってください",
)
LINEAGE_UNACCOUNTED = Template(
    "plan.lineage_unaccounted",
    "{kind} {item!r} of {previous} is neither carried nor ended",
    "{previous} の{kind}「{item}」が引き継ぎにも終了にもありません",
    "add it to some 'from' or to 'ended'",
    "どこかの 'from' か 'ended' に加えてください",
)
LINEAGE_RELATION = Template(
    "plan.lineage_relation",
    "{kind} {item!r} ({relation}): relation does not fit",
    "{kind}「{item}」（{relation}）: 区分が合いません",
    "{why}",
    "{why}",
)
