"""Reasons and notes: why a verdict could not be given, and the edge rules that applied.

The statuses of each method are in the method's own module (``Method.statuses``). Codes are
ASCII and stable: they go into CSV, JSON and URLs.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from ..text import Text, t

NA: Final = "not_available"

REASONS: Final[dict[str, Text]] = {
    "": t("", ""),
    "no_data": t("観測値がない", "there are no observations"),
    "single_observation": t("観測値が1つしかない", "there is a single observation"),
    "too_short": t(
        "基準年以降の観測値が1年分しかない（2年以上必要）",
        "the data since the base year span less than a year (two years are needed)",
    ),
    "base_after_current": t(
        "基準年以降の観測値がない（基準年が最新値より後）",
        "there is no observation in or after the base year (base after current)",
    ),
    "sign_change": t(
        "基準値と最新値の符号が異なる（成長率を計算できない）",
        "the base and current values have opposite signs (no growth rate exists)",
    ),
    "target_sign": t(
        "目標値と基準値の符号が異なる", "the target and the base value have opposite signs"
    ),
    "zero_base": t(
        "基準値が0（成長率を計算できない）", "the base value is zero (no growth rate exists)"
    ),
    "non_positive": t(
        "値が正でない（年平均成長率は正の値にのみ定義される）",
        "a value is not positive (compound growth is defined for positive values only)",
    ),
    "target_year_not_after_base": t(
        "目標年が基準年より後でない", "the target year is not after the base year"
    ),
    "no_direction": t("望ましい方向が指定されていない", "no desired direction is given"),
    "too_few_consecutive": t(
        "連続する年次の観測値が4つ未満", "fewer than four consecutive annual observations"
    ),
    "needs_target": t("この方法には数値目標が必要", "this method needs a quantified target"),
    "no_data_by_target_year": t(
        "目標年までの観測値が2つ未満", "fewer than two observations up to the target year"
    ),
    "no_baseline": t("基準値がない", "there is no baseline value"),
    "unit_mismatch": t(
        "目標と系列の単位が換算できない", "the target's unit does not convert to the series' unit"
    ),
    "no_peer_data": t("比較対象の観測値がない", "there are no observations for the peers"),
    "no_series": t("KPIに系列が定義されていない", "the KPI has no series defined"),
    "method_not_used": t(
        "この方法はこのKPIの評価に用いない（種類に応じた規則で評価）",
        "this method does not judge this KPI (its kind's own rule does)",
    ),
    "too_few_points": t(
        "予測には観測値が4点以上必要（それ未満では傾向の幅が分からない）",
        "a forecast needs at least four observations (with fewer, the trend's spread is unknown)",
    ),
}
REASON_CODES: Final = tuple(REASONS)

NOTES: Final[dict[str, Text]] = {
    "target_zero_replaced": t("目標値0は0.001として計算", "a target of 0 is computed as 0.001"),
    "base_zero_replaced": t("基準値0は0.001として計算", "a base value of 0 is computed as 0.001"),
    "base_year_fallback": t(
        "指定の基準年に値がないため、その後の最初の年を基準とした",
        "no value in the base year asked for: the first later year is the base",
    ),
    "base_year_before": t(
        "基準年以降に2点がないため、基準年より前の最も近い年を基準とした",
        "no two values from the base year on: the nearest earlier year is the base",
    ),
    "deadline_passed": t("目標年を過ぎている", "the target year has passed"),
    "direction_defaulted": t(
        "望ましい方向が指定されていないため、Open SDGの既定どおり「減少が望ましい」とした",
        "no desired direction given: lower is better, Open SDG's default",
    ),
    "limit_ignored": t(
        "目標があるため上限・下限は使わない", "a target is given, so the limit is not used"
    ),
    "base_beyond_limit": t(
        "基準値が自然な限界を超えている", "the base value is already beyond the natural limit"
    ),
    "base_beyond_target": t(
        "基準年に既に目標を満たしていた", "the base value already met the target"
    ),
    "forced_deterioration": t(
        "基準年に目標を満たしていたが、その後悪化したため「後退」とする（カナダ統計局 規則10）",
        "the target was met in the base year and the value has since declined: "
        "Deterioration by rule (Statistics Canada rule 10)",
    ),
    "target_equals_base": t(
        "目標値が基準値と等しい（必要成長率0）",
        "the target equals the base value (no growth needed)",
    ),
    "within_1pp": t(
        "0%または100%の目標から1ポイント以内のため達成とみなす",
        "within 1 percentage point of a 0 % or 100 % target: counted as achieved",
    ),
    "percent_assumed": t(
        "目標0または100を百分率とみなした", "a target of 0 or 100 was taken to be a percentage"
    ),
    "hold_rule": t(
        "毎年維持すべき目標として評価（直近値と5年平均変化）",
        "assessed as a target to hold every year (last value, then 5-year mean change)",
    ),
    "short_window": t(
        "6点そろわないため直近4～5点の連続値で平均変化を計算",
        "fewer than six points: the mean change uses the last 4–5 consecutive points",
    ),
    "two_points": t(
        "観測値が2点のみのため予測区間なし", "only two observations: no prediction interval"
    ),
    "clipped_to_limit": t(
        "予測値を自然な限界で打ち切った", "the projection is capped at the natural limit"
    ),
    "interval_cut_at_bound": t(
        "予測値・予測区間のうち取り得る範囲（0～100%、1位以上、0以上）を超える部分は"
        "その境界で打ち切った",
        "the projection or its interval left the quantity's possible range (0–100 %, first "
        "place at best, zero or more) and is cut at that bound",
    ),
    "logit_space": t(
        "割合の予測は0～100%に収まるようロジット変換して計算",
        "the share is forecast on the logit scale, so it stays within 0–100 %",
    ),
    "log_space": t(
        "予測は負にならないよう対数で計算（ペースは年あたりの変化量）",
        "forecast on the log scale so it stays positive (pace as a change a year)",
    ),
    "break_in_series": t(
        "基準と最新の間に系列の断絶がある",
        "the series has a break between the base and the latest value",
    ),
    "plan_baseline_used": t(
        "計画に記載の基準値を観測値として使用",
        "the plan's stated baseline is used as an observation",
    ),
    "moving_target": t(
        "比較対象の最新値を目標とする（比較対象も変化する）",
        "the target is the peers' latest value, which moves as the peers do",
    ),
    "default_target_year": t(
        "目標年の指定がないため2030年とした", "no target year given: 2030 is used"
    ),
    "target_met_no_category": t(
        "最新値は目標を満たしている（この方法に「達成」区分はない）",
        "the latest value meets the target (the method has no 'achieved' category)",
    ),
    "done_late": t("期限後に完了", "completed after the due date"),
}
NOTE_CODES: Final = tuple(NOTES)
NOTE_BIT: Final[dict[str, int]] = {code: 1 << i for i, code in enumerate(NOTE_CODES)}


@cache
def notes_from_mask(mask: int) -> tuple[str, ...]:
    return tuple(code for code, bit in NOTE_BIT.items() if mask & bit)
