"""Wordings for the plan files and for the tables ``ipkpi assess-table`` reads."""

from __future__ import annotations

from .model import Template

# -- plan files ------------------------------------------------------------------------------
PLAN_NOT_A_FOLDER = Template(
    "plan.not_a_folder",
    "not a folder",
    "フォルダではありません",
    "give the plan's folder, e.g. plans/ip2025",
    "計画のフォルダを指定してください（例: plans/ip2025）",
)
PLAN_FILE_MISSING = Template(
    "plan.file_missing",
    "file not found",
    "ファイルがありません",
    "create it or fix the reference to it",
    "ファイルを作るか、参照を直してください",
)
PLAN_NOT_UTF8 = Template(
    "plan.not_utf8",
    "not UTF-8 text ({detail})",
    "UTF-8 のテキストではありません（{detail}）",
    "save the file as UTF-8",
    "UTF-8 で保存してください",
)
PLAN_YAML_SYNTAX = Template(
    "plan.yaml_syntax",
    "YAML syntax error: {detail}",
    "YAML の構文エラー: {detail}",
    "fix the indentation or quoting at this line",
    "この行の字下げか引用符を直してください",
)
PLAN_YAML_ERROR = Template(
    "plan.yaml_error", "YAML error: {detail}", "YAML のエラー: {detail}", "fix the file",
    "ファイルを直してください",
)  # fmt: skip
PLAN_DUPLICATE_KEY = Template(
    "plan.duplicate_key",
    "duplicate key {key!r} (first at line {first})",
    "キー「{key}」が重複しています（最初は {first}行目）",
    "keep one of them; YAML would silently drop the first",
    "どちらか1つにしてください。YAML は黙って最初の方を捨てます",
)
PLAN_UNKNOWN_KEY_IN_SOURCES = Template(
    "plan.sources_unknown_key",
    "unknown key {key!r}",
    "不明なキー「{key}」",
    "a sources file holds only 'sources:'",
    "出典ファイルには 'sources:' だけを書きます",
)
PLAN_PART_FILE_MISSING = Template(
    "plan.part_file_missing",
    "part {part!r} has no file parts/{part}/part.yaml",
    "部「{part}」のファイル parts/{part}/part.yaml がありません",
    "create it or remove the part from the list",
    "ファイルを作るか、一覧からその部を外してください",
)
PLAN_PART_ID_MISMATCH = Template(
    "plan.part_id_mismatch",
    "part id {id!r} does not match its folder {folder!r}",
    "部の ID「{id}」がフォルダ名「{folder}」と合いません",
    "rename the folder or fix the id",
    "フォルダ名か ID を直してください",
)
PLAN_SECTION_FILE_MISSING = Template(
    "plan.section_file_missing",
    "section {section!r} has no file {name}",
    "節「{section}」のファイル {name} がありません",
    "create {path} or remove the section from the list",
    "{path} を作るか、一覧からその節を外してください",
)
PLAN_SECTION_ID_MISMATCH = Template(
    "plan.section_id_mismatch",
    "section id {id!r} does not match its file name {name!r}",
    "節の ID「{id}」がファイル名「{name}」と合いません",
    "rename the file or fix the id",
    "ファイル名か ID を直してください",
)
PLAN_NOT_A_LIST = Template(
    "plan.not_a_list",
    "{key!r} must be a list",
    "「{key}」は一覧（リスト）で書きます",
    "write each item as a '- id: …' line",
    "各項目を '- id: …' の行で書いてください",
)
PLAN_NOT_A_MAPPING = Template(
    "plan.not_a_mapping",
    "the file must hold a mapping (key: value lines)",
    "ファイルは「キー: 値」の行で書きます",
    "start with 'id: …'",
    "'id: …' から書き始めてください",
)
PLAN_NOT_AN_ID_LIST = Template(
    "plan.not_an_id_list",
    "{key!r} must be a list of ids",
    "「{key}」は ID の一覧で書きます",
    "e.g. [investment, ai]",
    "例: [investment, ai]",
)
PLAN_NOT_A_FIELD_OF_KIND = Template(
    "plan.field_of_other_kind",
    "{key!r} is not a field of a KPI of kind {kind!r}",
    "「{key}」は種類「{kind}」の KPI の項目ではありません",
    "remove it or change the kind; fields of {kind}: {allowed}",
    "削除するか種類を変えてください。{kind} の項目: {allowed}",
)
PLAN_UNKNOWN_KEY = Template(
    "plan.unknown_key",
    "unknown key {key!r}",
    "不明なキー「{key}」",
    "remove it or check its spelling",
    "削除するか、綴りを確かめてください",
)
PLAN_VALUE_WITHOUT_SOURCE = Template(
    "plan.value_without_source",
    "a value without a source",
    "出典のない値です",
    "add 'source: <id>' naming an entry of sources.yaml",
    "sources.yaml の項目を指す 'source: <id>' を加えてください",
)
PLAN_MISSING_KIND = Template(
    "plan.missing_kind",
    "a KPI without 'kind'",
    "'kind' のない KPI です",
    "add 'kind:' with one of {kinds}",
    "'kind:' に {kinds} のいずれかを書いてください",
)
PLAN_MISSING_KEY = Template(
    "plan.missing_key",
    "missing required key {key!r}",
    "必須のキー「{key}」がありません",
    "add '{key}:'",
    "'{key}:' を加えてください",
)
PLAN_UNKNOWN_KIND = Template(
    "plan.unknown_kind",
    "unknown KPI kind {kind!r}",
    "不明な KPI の種類「{kind}」",
    "use one of {kinds}",
    "{kinds} のいずれかを使ってください",
)
PLAN_BAD_VALUE = Template(
    "plan.bad_value",
    "{key!r}: {detail}",
    "「{key}」の値が正しくありません（{detail}）",
    "fix the value",
    "値を直してください",
)
PLAN_DUPLICATE_ID = Template(
    "plan.duplicate_id",
    "duplicate {category} id {id!r} (first at {first})",
    "{category} の ID「{id}」が重複しています（最初は {first}）",
    "ids must be unique: rename one of them",
    "ID は一意にします。どちらかの名前を変えてください",
)
PLAN_MISSING_LANGUAGE = Template(
    "plan.missing_language",
    "missing {language} text in {field!r}",
    "「{field}」に{language}の文がありません",
    "write it as {{ja: …, en: …}}",
    "{{ja: …, en: …}} の形で書いてください",
)
PLAN_UNKNOWN_SOURCE = Template(
    "plan.unknown_source",
    "unknown source {source!r}",
    "不明な出典「{source}」",
    "add it to sources.yaml or fix the id",
    "sources.yaml に加えるか、ID を直してください",
)
PLAN_UNKNOWN_UNIT = Template(
    "plan.unknown_unit",
    "{detail}",
    "{detail}",
    "use a unit code from ipkpi.units",
    "ipkpi.units の単位コードを使ってください",
)
PLAN_UNKNOWN_HEADLINE = Template(
    "plan.unknown_headline_kpi",
    "reference to an unknown KPI {kpi!r}",
    "不明な KPI「{kpi}」を参照しています",
    "use the id of a KPI defined in a part or section file",
    "部か節のファイルで定義した KPI の ID を使ってください",
)
PLAN_KPI_SERIES_COUNT = Template(
    "plan.kpi_series_count",
    "KPI {kpi!r} has {count} series with role 'kpi'",
    "KPI「{kpi}」の role 'kpi' の系列が {count} 本あります",
    "give exactly one series 'role: kpi' (the one the verdict is about)",
    "'role: kpi' の系列（評価の対象）をちょうど1本にしてください",
)
PLAN_PEER_WITHOUT_COUNTRY = Template(
    "plan.peer_without_country",
    "peer series {series!r} has no country",
    "比較対象の系列「{series}」に国がありません",
    "add 'country:' with its ISO 3166 alpha-3 code (e.g. KOR)",
    "'country:' に ISO 3166 の3文字コード（例: KOR）を書いてください",
)
PLAN_DEADLINE_BEFORE_BASELINE = Template(
    "plan.deadline_before_baseline",
    "deadline {deadline} is before the baseline ({baseline})",
    "期限 {deadline} が基準（{baseline}）より前です",
    "check the deadline and the baseline period",
    "期限と基準の期間を確かめてください",
)
PLAN_UNKNOWN_COMPONENT = Template(
    "plan.unknown_component",
    "component refers to {series!r}, not a component series of {kpi}",
    "構成要素が「{series}」を参照していますが、{kpi} の構成要素の系列ではありません",
    "add the series with 'role: component' or fix the id",
    "'role: component' の系列として加えるか、ID を直してください",
)
PLAN_UNKNOWN_MINISTRY = Template(
    "plan.unknown_ministry",
    "{detail}",
    "{detail}",
    "see `ipkpi ministries`",
    "`ipkpi ministries` で一覧を確かめてください",
)
PLAN_TWO_LEADS = Template(
    "plan.two_lead_ministries",
    "measure {measure!r} has more than one lead ministry",
    "施策「{measure}」に主担当の府省庁が2つ以上あります",
    "keep one 'role: lead'; the others are 'role: co'",
    "'role: lead' は1つにし、ほかは 'role: co' にしてください",
)
PLAN_MINISTRY_TWICE = Template(
    "plan.ministry_twice",
    "ministry {code} listed twice",
    "府省庁 {code} が2回書かれています",
    "list each ministry once",
    "府省庁は1回ずつ書いてください",
)
PLAN_LINK_UNKNOWN_KPI = Template(
    "plan.link_unknown_kpi",
    "link to an unknown KPI {kpi!r}",
    "不明な KPI「{kpi}」へのリンクです",
    "use the id of a KPI defined in a part or section file",
    "部か節のファイルで定義した KPI の ID を使ってください",
)
PLAN_MILESTONE_TWICE = Template(
    "plan.milestone_twice",
    "milestone id {id!r} twice",
    "マイルストーンの ID「{id}」が2回あります",
    "rename one",
    "どちらかの名前を変えてください",
)
PLAN_MILESTONE_DUE = Template(
    "plan.milestone_due",
    "{detail}",
    "{detail}",
    "write a period: 2025-06, 2026, FY2026",
    "期間で書いてください（2025-06、2026、FY2026）",
)
PLAN_OBSERVATIONS_COLUMNS = Template(
    "plan.observations_columns",
    "missing columns: {columns}",
    "列がありません: {columns}",
    "the header is series,period,value,unit,source_title,source_url,flags,note,note_en,editor_note",
    "見出しは series,period,value,unit,source_title,source_url,flags,note,note_en,editor_note です",
)
PLAN_OBSERVATION_UNKNOWN_SERIES = Template(
    "plan.observation_unknown_series",
    "unknown series {series!r}",
    "不明な系列「{series}」",
    "use the id of a series defined in a KPI",
    "KPI で定義した系列の ID を使ってください",
)
PLAN_OBSERVATION_WITHOUT_SOURCE = Template(
    "plan.observation_without_source",
    "a value without a source",
    "出典のない値です",
    "fill source_title and source_url",
    "source_title と source_url を埋めてください",
)
# -- assess-table inputs -----------------------------------------------------------------------
TABLE_UNREADABLE = Template(
    "table.unreadable",
    "cannot read the {table} file: {detail}",
    "{table}のファイルを読めません（{detail}）",
    "give a UTF-8 CSV file",
    "UTF-8 の CSV ファイルを指定してください",
)
TABLE_EMPTY = Template(
    "table.empty", "the {table} file is empty", "{table}のファイルが空です",
    "give a header row and data rows", "見出し行とデータ行を書いてください",
)  # fmt: skip
TABLE_MISSING_COLUMN = Template(
    "table.missing_column",
    "missing column {column!r}",
    "列「{column}」がありません",
    "the table needs {needed}",
    "この表には {needed} の列が要ります",
)
TABLE_TARGET_WITHOUT_OBSERVATIONS = Template(
    "table.target_without_observations",
    "series {series!r} has a target but no observations",
    "系列「{series}」には目標があるのに観測値がありません",
    "add its observations or remove its target row",
    "観測値を加えるか、目標の行を削除してください",
)
TABLE_NO_TARGET_ROW = Template(
    "table.no_target_row",
    "series {series!r} has no row in the targets table (its direction is needed)",
    "系列「{series}」の行が目標の表にありません（向きが要ります）",
    "add a row with its direction (increase or decrease)",
    "向き（increase か decrease）の行を加えてください",
)
TABLE_BLANK_SERIES = Template(
    "table.blank_series", "blank series name", "系列名が空です", "name the series",
    "系列名を書いてください",
)  # fmt: skip
TABLE_DUPLICATE_YEAR = Template(
    "table.duplicate_year",
    "series {series!r} already has a value for {year} ({first})",
    "系列「{series}」には {year} の値がすでにあります（{first}）",
    "keep one row per year",
    "1年に1行にしてください",
)
TABLE_SERIES_TWICE = Template(
    "table.series_twice",
    "series {series!r} appears twice (first at {first})",
    "系列「{series}」が2回あります（最初は {first}）",
    "keep one row per series",
    "系列ごとに1行にしてください",
)
TABLE_UNKNOWN_DIRECTION = Template(
    "table.unknown_direction",
    "unknown direction {direction!r}",
    "不明な向き「{direction}」",
    "write increase or decrease",
    "increase か decrease と書いてください",
)
TABLE_TARGET_BEFORE_BASE = Template(
    "table.target_before_base",
    "the target year must be after the base year",
    "目標年は基準年より後にします",
    "check target_year and base_year",
    "target_year と base_year を確かめてください",
)
TABLE_NOT_A_NUMBER = Template(
    "table.not_number",
    "not a number: {text!r}",
    "数値ではありません:「{text}」",
    "write a number such as 1234.5",
    "1234.5 のような数値で書いてください",
)
TABLE_NOT_FINITE = Template(
    "table.not_finite",
    "not a finite number: {text!r}",
    "有限の数値ではありません:「{text}」",
    "write a number",
    "数値で書いてください",
)
TABLE_BLANK_YEAR = Template(
    "table.blank_year", "blank year", "年が空です", "give the year (2024, FY2024, 2024年度)",
    "年を書いてください（2024、FY2024、2024年度）",
)  # fmt: skip
TABLE_BAD_YEAR = Template("table.bad_year", "{detail}", "{detail}")
TABLE_YEAR_REPEATED = Template(
    "table.year_repeated",
    "year {year} appears more than once",
    "{year} 年が2回以上あります",
    "keep one value per period",
    "期間ごとに1つの値にしてください",
)
