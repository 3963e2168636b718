"""How every view words the secretariat's statement and a milestone's completion.

The statement is the secretariat's own judgement, shown beside the computed verdict and never
in its place; a KPI without one says so (事務局評価：未記入), nothing is made up. The CLI, the
pages, the JSON, the report and the deck take their words from here.
"""

from __future__ import annotations

from ..store.statement import Completion, Statement
from ..text import Lang, t
from .model import KpiStatus

LABEL = t("事務局評価", "Secretariat's assessment")
#: What a view says of a KPI the secretariat has written nothing on.
MISSING = t("事務局評価：未記入", "Secretariat's assessment: not written")
#: Said under it: what a reader has instead.
MISSING_NOTE = t(
    "事務局はこのKPIの評価をまだ記入していません。評価はデータから計算したもの（上）だけです。",
    "The secretariat has not written its assessment of this KPI yet: the only verdict is the "
    "one computed from the data (above).",
)
#: Said next to a written statement, so no reader takes it for the computed verdict.
BESIDE = t(
    "データから計算した評価とは別に、事務局が記入した評価です。",
    "Written by the secretariat, beside the verdict computed from the data.",
)
REVIEW_DATE = t("評価基準日", "Review date")
AUTHOR = t("作成者", "Author")
WRITTEN_ON = t("作成日", "Written on")
STATUS = t("事務局の評価語", "Secretariat's status word")
COMPLETION = t("完了の記録", "Completion recorded")
COMPLETED_ON = t("完了日", "Done on")
DECISION = t("決定", "Decision")
SOURCE = t("出典", "Source")


WRITTEN = t("記入あり", "written")
COLON = t("：", ": ")
#: The byline and the completion line: one template per language, filled the same way.
BYLINE = t(
    "評価基準日 {review}、{role}、{written}作成", "Review date {review}; {role}; written {written}"
)
COMPLETION_LINE = t(
    "完了 {done}：{decision}（出典 {url}）", "Done {done}: {decision} (source {url})"
)


def byline(statement: Statement, lang: Lang) -> str:
    """「評価基準日 2026-06-30、事務局参事官、2026-07-01作成」."""
    return BYLINE.get(lang).format(
        review=statement.review_date, role=statement.role(lang), written=statement.written_on
    )


def statement_line(status: KpiStatus, lang: Lang) -> str:
    """The statement in one line (CLI, deck, report tables), or 事務局評価：未記入."""
    s = status.statement
    if s is None:
        return MISSING.get(lang)
    return _labelled(lang, s.status_label(lang), f"{s.text(lang)} [{byline(s, lang)}]")


def completion_line(completion: Completion, lang: Lang) -> str:
    """「完了 2025-06-13：…（出典 https://…）」."""
    return COMPLETION_LINE.get(lang).format(
        done=completion.completed_on, decision=completion.decision(lang), url=completion.source_url
    )


def short_line(status: KpiStatus, lang: Lang) -> str:
    """「事務局評価：遅れ」 (or 記入あり without a status word), or 事務局評価：未記入."""
    s = status.statement
    if s is None:
        return MISSING.get(lang)
    return _labelled(lang, "", s.status_label(lang) or WRITTEN.get(lang))


def _labelled(lang: Lang, word: str, body: str) -> str:
    """「事務局評価（遅れ）：body」: the label, the status word if any, the body."""
    head = LABEL.get(lang) + ((f"（{word}）" if lang == "ja" else f" ({word})") if word else "")
    return f"{head}{COLON.get(lang)}{body}"
