"""Thresholds and context figures in words a reader follows (issue 12 acceptance, wording)."""

from __future__ import annotations

from ipkpi.assessment.methods.dns import PROJECTION_THRESHOLDS
from ipkpi.assessment.methods.linear import TARGET_THRESHOLDS
from ipkpi.followup.describe import shown_period
from ipkpi.followup.threshold_words import threshold_text
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import load_plan


def test_the_weather_symbols_bounds_say_what_they_bound() -> None:
    """Destatis: a projected shortfall under 5 % of the gap → sun, up to 20 % → sun and cloud
    (assessment/methods/dns.py, the values the method uses)."""
    assert threshold_text("dns", "projection", PROJECTION_THRESHOLDS, "ja") == (
        "目標年に予測される不足（残りの差に対する割合）が 5% 未満で「☀ 晴れ」、"
        "20% 以下で「🌤 晴れ時々曇り」"
    )
    assert threshold_text("dns", "projection", PROJECTION_THRESHOLDS, "en") == (
        "The shortfall projected at the target year, as a share of the gap left: ☀ Sun under 5%; "
        "🌤 Sun partly hidden by a cloud at 20% or less"
    )


def test_a_pace_ratios_bounds_name_the_verdicts_they_open() -> None:
    said = threshold_text("linear", "target", TARGET_THRESHOLDS, "en")
    assert said == (
        "Achieved pace ÷ pace needed: On track at 0.95 or more; Progress made but acceleration "
        "needed at 0.6 or more; Limited progress at 0 or more"
    )
    ja = threshold_text("linear", "target", TARGET_THRESHOLDS, "ja")
    assert ja is not None and ja.startswith("実績ペース÷必要ペースが 0.95 以上で「順調")
    assert threshold_text("forecast", "target", {"interval_level": 0.9}, "ja") == "90% 予測区間"
    assert threshold_text("trend", "slope", {"coefficient": 0.1}, "en") is None  # unknown: raw


def test_no_context_figure_prints_its_year_twice() -> None:
    """plans/ip2025: 「日本の過去の最高位（2007年）」 is 4位 in 2007; its label says the year."""
    plan = load_plan(default_plan_dir())
    baselines = [k.baseline for k in plan.kpis() if getattr(k, "baseline", None) is not None]
    figures = [f for kpi in plan.kpis() for f in kpi.context if f.label]
    figures += [f for f in baselines if f.label]  # 「日本（2024年）」, the GII's baseline
    best = next(f for f in figures if f.label and "過去の最高位" in f.label.get("ja"))
    assert (best.period, shown_period(best, "ja"), shown_period(best, "en")) == ("2007", "", "")
    for fig in figures:
        for lang in ("ja", "en"):
            shown = shown_period(fig, lang)
            assert not shown or shown not in fig.label.get(lang), (fig.label, lang)
