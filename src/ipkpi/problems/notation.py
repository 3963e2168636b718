"""Wordings for values as people write them: periods, eras, units, flags, numbers."""

from __future__ import annotations

from .model import Template

# -- periods --------------------------------------------------------------------------------
PERIOD_EMPTY = Template(
    "period.empty",
    "the period is empty",
    "期間が空です",
    "give a year, fiscal year, month or date",
    "年・年度・月・日付のいずれかを書いてください",
)
PERIOD_UNREADABLE = Template(
    "period.unreadable",
    "cannot read {text!r} as a period",
    "「{text}」を期間として読めません",
    "use a form like {examples}",
    "{examples} のように書いてください",
)
PERIOD_NOT_A_YEAR = Template(
    "period.not_a_year",
    "not a year: {text!r}",
    "年ではありません:「{text}」",
    "use 2015, FY2015 or 2015-16",
    "2015、FY2015、2015-16 のように書いてください",
)
PERIOD_IN_TEXT = Template(
    "period.in_text",
    "{text!r}: {detail}",
    "「{text}」: {detail}",
)
PERIOD_YEAR_OUTSIDE = Template(
    "period.year_outside",
    "year {year} is outside {first}–{last}",
    "{year}年は {first}〜{last} 年の範囲外です",
    "check the period",
    "期間を確かめてください",
)
PERIOD_NO_SUBPERIOD = Template(
    "period.no_subperiod",
    "a {kind} has no sub-period",
    "{kind}には下位の期間がありません",
)
PERIOD_NO_SUCH_PART = Template(
    "period.no_such_part",
    "{kind} {index} does not exist (1–{limit})",
    "{kind}の {index} はありません（1〜{limit}）",
)
PERIOD_NO_SUCH_DAY = Template(
    "period.no_such_day",
    "{month} has no day {day}",
    "{month} に {day} 日はありません",
)
PERIOD_RANGE_NOT_ONE_YEAR = Template(
    "period.range_not_one_fiscal_year",
    "neither a month nor a fiscal year written as a range of years",
    "月でも、年の範囲で書いた年度でもありません",
    "a month is 2024-03 (01–12); a fiscal year as a range spans one year: 2015-16 or 2015-2016",
    "月は 2024-03（01〜12）、年の範囲で書く年度は 2015-16 や 2015-2016 のように1年分です",
)
PERIOD_NO_SUCH_MONTH = Template(
    "period.no_such_month",
    "there is no month {month}: months are 01–12 (a fiscal year as a range is 2024-25)",
    "{month}月という月はありません。月は 01〜12 です（年の範囲で書く年度は 2024-25）",
    "months are 01–12: 2024-03 is March 2024 (a fiscal year written as a range is 2024-25)",
    "月は 01〜12 です。2024-03 は2024年3月です（年の範囲で書く年度は 2024-25）",
)
PERIOD_MONTHS_NOT_A_PART = Template(
    "period.months_not_a_part",
    "months {first}–{last} are not a quarter or a half of the year",
    "{first}〜{last}月は四半期でも半期でもありません",
)
PERIOD_FISCAL_MONTHS_NOT_A_PART = Template(
    "period.fiscal_months_not_a_part",
    "months {first}–{last} are not a quarter or a half of the fiscal year",
    "{first}〜{last}月は年度の四半期でも半期でもありません",
    "use 4-6, 7-9, 10-12, 1-3, 4-9 or 10-3月",
    "4-6、7-9、10-12、1-3、4-9、10-3月のいずれかにしてください",
)
PERIOD_BAD_FISCAL_RANGE = Template(
    "period.bad_fiscal_range",
    "a range of {months} months is read as a fiscal {part}: it must start on {starts}",
    "{months}か月の範囲は年度の{part}として読みます。{starts}に始まる必要があります",
)
# -- eras -----------------------------------------------------------------------------------
ERA_UNKNOWN = Template(
    "era.unknown",
    "unknown era {name!r}",
    "不明な元号「{name}」",
    "use 明治, 大正, 昭和, 平成 or 令和 (M, T, S, H, R)",
    "明治・大正・昭和・平成・令和（M, T, S, H, R）のいずれかを使ってください",
)
ERA_YEAR_ZERO = Template(
    "era.year_zero",
    "{era} years start at 1 (元年)",
    "{era}の年は1（元年）から始まります",
)
ERA_OUTSIDE = Template(
    "era.outside",
    "{what} is not in the {era} era ({bounds})",
    "{what}は{era}の期間外です（{bounds}）",
)
ERA_OUTSIDE_WITH_SUGGESTION = Template(
    "era.outside_suggest",
    "{what} is not in the {era} era ({bounds}); {when} is {other}",
    "{what}は{era}の期間外です（{bounds}）。{when} は{other}です",
)
# -- units ----------------------------------------------------------------------------------
UNIT_UNKNOWN = Template(
    "unit.unknown",
    "unknown unit {name!r}",
    "不明な単位「{name}」",
    "use one of {known} (or 兆円, 億円, 万人, %, …)",
    "{known}（または 兆円、億円、万人、% など）のいずれかを使ってください",
)
UNIT_NOT_CONVERTIBLE = Template(
    "unit.not_convertible",
    "cannot convert {source} to {target}: the units measure different things",
    "{source} を {target} に換算できません。測っているものが違う単位です",
)
# -- flags ----------------------------------------------------------------------------------
FLAG_UNKNOWN = Template(
    "flag.unknown",
    "unknown flag {word!r}",
    "不明なフラグ「{word}」",
    "use {flags} (separated by ';')",
    "{flags} を「;」で区切って使ってください",
)
FLAG_BOTH_BOUNDS = Template(
    "flag.both_bounds",
    "a value cannot be both a lower_bound and an upper_bound",
    "1つの値に lower_bound（以上）と upper_bound（以下）の両方は付けられません",
    "keep one of the two flags",
    "どちらか一方のフラグにしてください",
)
