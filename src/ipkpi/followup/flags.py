"""The caveats a value carries (``approximate``, ``lower_bound``, …) as a reader reads them."""

from __future__ import annotations

from ..text import Lang, Text, t

FLAG_LABELS: dict[str, Text] = {
    "uncertain": t("⚠ 出典間で不一致・要確認", "⚠ sources disagree or doubtful"),
    "derived": t("† 増減率などから算出", "† derived from a stated change"),
    "provisional": t("速報値", "provisional"),
    "estimate": t("試算値", "estimate"),
    "break_in_series": t("系列の断絶（定義・基準の変更）", "break in series (definition changed)"),
    "approximate": t("約（概数）", "approximate"),
    "secondary": t(
        "二次資料（発行元の公表資料を確認できず）",
        "secondary source (publisher's release not available)",
    ),
    "lower_bound": t("下限値（以上）", "lower bound (at least)"),
    "upper_bound": t("上限値（以下）", "upper bound (at most)"),
}


def flag_labels(flags: tuple[str, ...] | list[str], lang: Lang) -> list[str]:
    return [FLAG_LABELS[f].get(lang) if f in FLAG_LABELS else f for f in flags]
