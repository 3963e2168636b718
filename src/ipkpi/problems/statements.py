"""Wordings for the secretariat's statement files and milestone completion files
(``ipkpi statement import``, ``ipkpi milestone import``)."""

from __future__ import annotations

from .model import Template

STATEMENT_NOT_TABLE = Template(
    "statement.not_table",
    "not a CSV or XLSX file (it ends in {suffix!r})",
    "CSVまたはXLSXファイルではありません（拡張子 {suffix!r}）",
    "save the table as .csv (UTF-8) or .xlsx",
    "表を .csv（UTF-8）か .xlsx で保存してください",
)
STATEMENT_NO_ROWS = Template(
    "statement.no_rows",
    "the file has a header but no rows",
    "見出し行だけで、データの行がありません",
    "write one row per KPI and review date",
    "KPIと評価基準日ごとに1行書いてください",
)
STATEMENT_MISSING_COLUMN = Template(
    "statement.missing_column",
    "the column {field} is missing",
    "列「{field}」がありません",
    "the header names these columns: {columns}",
    "見出し行に次の列を置いてください: {columns}",
)
STATEMENT_UNKNOWN_COLUMN = Template(
    "statement.unknown_column",
    "unknown column {field!r}",
    "不明な列「{field}」です",
    "the columns are: {columns}",
    "使える列は次のとおりです: {columns}",
)
STATEMENT_EMPTY_CELL = Template(
    "statement.empty_cell",
    "{field} is empty",
    "{field}が空欄です",
    "write {what}",
    "{what}を書いてください",
)
STATEMENT_NOT_DATE = Template(
    "statement.not_date",
    "{field} is not a date",
    "{field}が日付として読めません",
    "write the date as YYYY-MM-DD (e.g. 2026-06-30)",
    "日付は YYYY-MM-DD（例 2026-06-30）で書いてください",
)
STATEMENT_FUTURE_DATE = Template(
    "statement.future_date",
    "{field} {date} is after today ({today})",
    "{field}（{date}）が今日（{today}）より後です",
    "write the day it was written or decided",
    "作成日・決定日を書いてください",
)
STATEMENT_UNKNOWN_KPI = Template(
    "statement.unknown_kpi",
    "the plan has no KPI {kpi!r}",
    "計画にKPI「{kpi}」はありません",
    "use the KPI ids `ipkpi status --format json` lists",
    "`ipkpi status --format json` に出るKPI IDを使ってください",
)
STATEMENT_UNKNOWN_STATUS = Template(
    "statement.unknown_status",
    "{word!r} is not a status word",
    "「{word}」は評価の語ではありません",
    "use one of {allowed}, or leave it empty",
    "{allowed} のいずれかを書くか、空欄にしてください",
)
STATEMENT_TWICE = Template(
    "statement.twice",
    "KPI {kpi} has a second row for {date} (the first is row {first})",
    "KPI {kpi} の {date} の行が2行あります（先の行は{first}行目）",
    "one row per KPI and review date: delete one",
    "KPIと評価基準日ごとに1行にしてください",
)
STATEMENT_NOT_MILESTONE = Template(
    "statement.not_milestone",
    "KPI {kpi} is not a milestone",
    "KPI {kpi} は期限付き成果物ではありません",
    "completions are recorded for milestones only",
    "完了を記録できるのは期限付き成果物だけです",
)
STATEMENT_NOT_URL = Template(
    "statement.not_url",
    "{field} is not a web address",
    "{field}がWebアドレスではありません",
    "write the address of the page that publishes the decision (https://…)",
    "決定を公表しているページのアドレス（https://…）を書いてください",
)
STATEMENT_TOO_LONG = Template(
    "statement.too_long",
    "{field} is {length:,} characters long (at most {limit:,})",
    "{field}が{length:,}文字あります（上限{limit:,}文字）",
    "shorten it",
    "短くしてください",
)
STATEMENT_COMPLETION_TWICE = Template(
    "statement.completion_twice",
    "milestone {kpi} has a second row (the first is row {first})",
    "期限付き成果物 {kpi} の行が2行あります（先の行は{first}行目）",
    "one row per milestone: delete one",
    "1成果物1行にしてください",
)
