"""Wordings for the rows of a data file, SDMX messages, withdrawals and the store itself."""

from __future__ import annotations

from .model import Template

# -- cells ----------------------------------------------------------------------------------
NO_OBSERVATIONS = Template(
    "data.no_observations",
    "no observations in the file",
    "ファイルに観測値がありません",
    "add rows below the header",
    "見出しの下に行を加えてください",
)
NO_SERIES = Template(
    "data.series.missing",
    "no series",
    "系列がありません",
    "give the id of a series of the plan",
    "計画の系列 ID を書いてください",
)
UNKNOWN_SERIES = Template(
    "data.series.unknown",
    "unknown series",
    "計画にない系列です",
    "use the id of a series of the plan",
    "計画の系列 ID を使ってください",
)
DID_YOU_MEAN = Template(
    "hint.did_you_mean", "did you mean {suggestion!r}?", "「{suggestion}」のことですか？"
)
BAD_PERIOD = Template("data.period.invalid", "not a valid period", "期間として読めません")
WRONG_FREQUENCY = Template(
    "data.period.wrong_frequency",
    "a {kind} in a {frequency} series",
    "{frequency}の系列に{kind}の期間があります",
    "write periods like {example}",
    "期間は {example} のように書いてください",
)
NO_VALUE = Template(
    "data.value.missing",
    "no value",
    "値がありません",
    "give a number, or leave the row out",
    "数値を書くか、その行を削除してください",
)
NOT_A_NUMBER = Template(
    "data.value.not_number",
    "not a number",
    "数値ではありません",
    "write a number such as 1234.5, 1,234 or ▲12",
    "1234.5、1,234、▲12 のような数値で書いてください",
)
NOT_FINITE = Template(
    "data.value.not_finite",
    "not a finite number",
    "有限の数値ではありません",
    "write a number",
    "数値で書いてください",
)
NUMBER_NOTATION = Template(
    "data.value.notation",
    "a number in a notation people do not type (an underscore, or digits of another script)",
    "表で使わない書き方の数値です（「_」や、0〜9 以外の数字）",
    "write the digits 0–9 (half- or full-width), commas grouping thousands: 1,000 or 1000",
    "0〜9 の数字（半角・全角）で書き、桁区切りはカンマにしてください（1,000 または 1000）",
)
UNDERFLOW = Template(
    "data.value.underflow",
    "a number too small to store: it would be stored as 0",
    "小さすぎて保存できない数値です（0 として保存されてしまいます）",
    "check the exponent, or give the value in a larger unit",
    "指数を確かめるか、大きな単位で書いてください",
)
OVERFLOW = Template(
    "data.value.overflow",
    "a number too large to store",
    "大きすぎて保存できない数値です",
    "check the exponent",
    "指数を確かめてください",
)
IMPLAUSIBLY_LARGE = Template(
    "data.value.too_large",
    "larger than any value of this kind can be: over {limit} {unit}",
    "この種類の値としては大きすぎます（{limit} {unit} 超）",
    "check the number and its unit (the series is in {series_unit})",
    "数値と単位を確かめてください（系列の単位は {series_unit}）",
)
IMPLAUSIBLY_SMALL = Template(
    "data.value.too_small",
    "smaller than any non-zero value of this kind can be: under {limit} {unit}",
    "0 でない値としては小さすぎます（{limit} {unit} 未満）",
    "check the number and its unit (the series is in {series_unit})",
    "数値と単位を確かめてください（系列の単位は {series_unit}）",
)
RANK_NOT_POSITIVE_WHOLE = Template(
    "data.value.rank",
    "a rank is a whole number from 1",
    "順位は 1 以上の整数です",
    "write the rank as published: 1 for first",
    "公表された順位を書いてください（1位は 1）",
)
COUNT_NOT_WHOLE = Template(
    "data.value.count",
    "{what} is a whole number, 0 or more",
    "{what}は 0 以上の整数です",
    "check the number and its unit (the series is in {series_unit})",
    "数値と単位を確かめてください（系列の単位は {series_unit}）",
)
NEGATIVE = Template(
    "data.value.negative",
    "{what} cannot be negative",
    "{what}は負になりません",
    "check the sign (▲ and △ mean minus)",
    "符号を確かめてください（▲・△ はマイナスの意味です）",
)
SHARE_OUT_OF_RANGE = Template(
    "data.value.share_range",
    "a share in percent is between 0 and 100",
    "百分率の割合は 0〜100 です",
    "write the percentage (12.5 for 12.5 %); a change between two shares is a series in points",
    "百分率で書いてください（12.5 % なら 12.5）。割合の増減はポイントの系列です",
)
POINTS_OUT_OF_RANGE = Template(
    "data.value.points_range",
    "a change in percentage points is between -100 and 100",
    "ポイントの増減は -100〜100 です",
    "check the number and its sign",
    "数値と符号を確かめてください",
)
PERIOD_BEYOND_HORIZON = Template(
    "data.period.beyond_horizon",
    "a period that starts after the horizon {horizon}",
    "期間の始まりが、受け付ける範囲の終わり（{horizon}）より後です",
    "a value's period has begun by the end of the year after its import; check the year",
    "取り込む値の期間は、取り込んだ翌年の末までに始まっているはずです。年を確かめてください",
)
UNKNOWN_FLAG = Template("data.flags.unknown", "unknown flag", "不明なフラグです")
NOT_A_WEB_ADDRESS = Template(
    "data.url.invalid",
    "not a web address",
    "ウェブアドレスではありません",
    "give an http:// or https:// URL",
    "http:// または https:// で始まる URL を書いてください",
)
SOURCE_URL_OPTION = Template(
    "data.url.option_invalid",
    "the source URL is not a web address",
    "出典 URL がウェブアドレスではありません",
    "give an http:// or https:// URL",
    "http:// または https:// で始まる URL を書いてください",
)
UNKNOWN_UNIT = Template("data.unit.unknown", "unknown unit", "不明な単位です")
INCOMPATIBLE_UNIT = Template(
    "data.unit.incompatible",
    "a unit incompatible with the series",
    "系列の単位に換算できない単位です",
    "{series} is in {symbol} ({code}); {given} cannot be converted to it",
    "{series} の単位は {symbol}（{code}）で、{given} からは換算できません",
)
DUPLICATE = Template(
    "data.duplicate",
    "a second value for the same series and period",
    "同じ系列・期間の値が2つあります",
    "row {first} already gives {series} for {period}; keep one of the rows",
    "{first}行目に {series} の {period} の値があります。どちらか1行にしてください",
)
STORED_UNIT_CHANGED = Template(
    "data.unit.stored_differs",
    "{series} is stored in {stored} but the plan now gives {unit}",
    "{series} は {stored} で保存されていますが、計画の単位が {unit} に変わっています",
    "keep the plan's unit, or move the stored values to a new series id",
    "計画の単位を元に戻すか、保存済みの値を新しい系列 ID に移してください",
)
MAP_FOR_SDMX_ONLY = Template(
    "data.sdmx_map.not_sdmx",
    "a series map is for SDMX-CSV files; this is {format}",
    "系列対応表は SDMX-CSV のためのものですが、このファイルは {format} です",
    "drop --sdmx-map, or give the SDMX-CSV file",
    "--sdmx-map を外すか、SDMX-CSV ファイルを指定してください",
)
# -- dates of a vintage -----------------------------------------------------------------------
RECORDED_IN_FUTURE = Template(
    "vintage.recorded_in_future",
    "recorded at {moment} UTC, which is in the future (it is now {now} UTC)",
    "記録日時 {moment}（UTC）が未来です（現在 {now} UTC）",
    "give the day the data were published (--recorded-at), or leave it out to record now",
    "データの公表日を指定するか（--recorded-at）、指定せずに現在の日時で記録してください",
)
RECORDED_BEFORE_LATEST = Template(
    "vintage.recorded_before_latest",
    "recorded at {moment} UTC, before the store's latest vintage ({latest} UTC)",
    "記録日時 {moment}（UTC）が、保存済みの最新の版（{latest} UTC）より前です",
    "vintages are recorded in order, so that every as-of view shows what was known then: "
    "load archived releases oldest first, or leave --recorded-at out to record now",
    "版は記録順に並べるので、どの時点の表示もその時点で分かっていたことを示します。"
    "過去の公表分は古い順に取り込むか、--recorded-at を指定せずに現在の日時で記録してください",
)
# -- SDMX-CSV -------------------------------------------------------------------------------
SDMX_DELETION = Template(
    "sdmx.action_delete",
    "a deletion (ACTION D)",
    "削除の指示（ACTION D）です",
    "the store keeps every value; import corrected values instead",
    "保存した値は消しません。訂正した値を取り込んでください",
)
SDMX_UNKNOWN_ACTION = Template(
    "sdmx.action_unknown",
    "an ACTION SDMX does not define",
    "SDMX にない ACTION です",
    "use I (information), A (append), R (replace) or leave it blank",
    "I（情報）、A（追加）、R（置換）のいずれかにするか、空欄にしてください",
)
SDMX_MAP_MISSING = Template(
    "sdmx.map.missing", "no such map file", "対応表のファイルがありません",
    "check the path {path!r}", "パス「{path}」を確かめてください",
)  # fmt: skip
SDMX_MAP_ENCODING = Template(
    "sdmx.map.encoding",
    "the map is neither UTF-8 nor Shift_JIS (CP932)",
    "対応表が UTF-8 でも Shift_JIS（CP932）でもありません",
    "save it as UTF-8",
    "UTF-8 で保存してください",
)
SDMX_MAP_EMPTY = Template(
    "sdmx.map.empty", "the map is empty", "対応表が空です", "give a header key,series[,unit]",
    "key,series[,unit] の見出しを書いてください",
)  # fmt: skip
SDMX_MAP_NO_COLUMN = Template(
    "sdmx.map.no_column",
    "the map has no {columns} column",
    "対応表に {columns} の列がありません",
    "give a header key,series[,unit]; it has {headers}",
    "key,series[,unit] の見出しにしてください（いまの見出しは {headers}）",
)
SDMX_MAP_BLANK = Template(
    "sdmx.map.blank", "no {name}", "{name} が空です", "fill it or drop the row",
    "埋めるか、その行を削除してください",
)  # fmt: skip
SDMX_MAP_REPEATED = Template(
    "sdmx.map.repeated",
    "the key is mapped again (first on row {first})",
    "このキーは2回目です（最初は {first}行目）",
    "map each key once",
    "キーは1回だけ書いてください",
)
SDMX_MAP_NO_ROWS = Template(
    "sdmx.map.no_rows", "the map has no rows", "対応表に行がありません", "add key,series rows",
    "key,series の行を加えてください",
)  # fmt: skip
SDMX_OTHER_STRUCTURE = Template(
    "sdmx.other_structure",
    "this SDMX-CSV has another structure (dimensions {dimensions})",
    "この SDMX-CSV は別の構造です（次元 {dimensions}）",
    "give a series map with --sdmx-map MAP.csv (columns key,series[,unit]; a key is the "
    "dimension values joined with '.', e.g. {example!r}); see docs/data.md",
    "--sdmx-map MAP.csv で系列対応表を指定してください（列 key,series[,unit]。"
    "key は次元の値を「.」でつないだもの、例「{example}」）。docs/data.md を参照",
)
SDMX_NO_COLUMN = Template(
    "sdmx.no_column", "no {name} column", "{name} の列がありません",
    "add the column, as SDMX-CSV has it", "SDMX-CSV の列として加えてください",
)  # fmt: skip
SDMX_NO_KEY_MAPPED = Template(
    "sdmx.no_key_mapped",
    "none of the {count} series keys is in the map {map}",
    "{count} 個の系列キーのどれも対応表 {map} にありません",
    "the file's keys include {keys}; map some of them",
    "ファイルのキーには {keys} などがあります。いずれかを対応表に書いてください",
)
SDMX_UNKNOWN_STATUS = Template(
    "sdmx.unknown_status",
    "an OBS_STATUS ipkpi does not know",
    "ipkpi が知らない OBS_STATUS です",
    "use one of {known} (or M, L, O, Z with no value)",
    "{known} のいずれか（値がないときは M, L, O, Z）にしてください",
)
SDMX_BAD_UNIT_MULT = Template(
    "sdmx.unit_mult",
    "UNIT_MULT is not a whole number between -30 and 30",
    "UNIT_MULT が -30〜30 の整数ではありません",
    "give the power of ten of the unit (3 for thousands, 6 for millions)",
    "単位の10のべき乗を書いてください（千なら 3、百万なら 6）",
)
SDMX_SKIPPED_KEYS = Template(
    "sdmx.skipped_keys",
    "{rows} of {keys} not in the map skipped",
    "対応表にない {keys} 個の系列キーの {rows} 行を読み飛ばしました",
)
SDMX_SKIPPED_ABSENT = Template(
    "sdmx.skipped_absent",
    "{rows} without a value (OBS_STATUS M/L/O/Z) skipped",
    "値のない {rows} 行（OBS_STATUS M/L/O/Z）を読み飛ばしました",
)
# -- the store ------------------------------------------------------------------------------
STORE_BUSY = Template(
    "store.busy",
    "the store is busy with another import; try again",
    "保存先は別の取り込みの処理中です。もう一度試してください",
    "waited {wait} for the other import to finish; run this one again when it has",
    "{wait}待ちましたが終わりませんでした。別の取り込みが終わってから実行し直してください",
)
# -- withdrawals ----------------------------------------------------------------------------
WITHDRAW_NO_REASON = Template(
    "withdraw.no_reason",
    "no reason given",
    "理由がありません",
    "give a reason (--reason): it is kept with the withdrawal",
    "理由を書いてください（--reason）。取り下げとともに記録されます",
)
WITHDRAW_NO_PERIOD = Template(
    "withdraw.no_period",
    "no period given",
    "期間がありません",
    "name at least one period to withdraw",
    "取り下げる期間を1つ以上書いてください",
)
WITHDRAW_BAD_PERIOD = Template(
    "withdraw.bad_period", "period {text!r}: {detail}", "期間「{text}」: {detail}"
)
WITHDRAW_PERIOD_TWICE = Template(
    "withdraw.period_twice",
    "period {period} is given twice",
    "期間 {period} が2回書かれています",
    "name each period once",
    "期間は1回ずつ書いてください",
)
WITHDRAW_UNKNOWN_SERIES = Template(
    "withdraw.unknown_series",
    "the store has no series {series!r}",
    "保存先に系列「{series}」がありません",
    "check the series id",
    "系列 ID を確かめてください",
)
WITHDRAW_NO_CURRENT_VALUE = Template(
    "withdraw.no_current_value",
    "{series} has no current value for {missing} to withdraw (it has {held})",
    "{series} には取り下げる {missing} の現在の値がありません（値があるのは {held}）",
    "see `ipkpi data history {series}`",
    "`ipkpi data history {series}` で履歴を確かめてください",
)
