"""Reading a filled template: every problem by sheet, row and cell, or a batch to apply.

:func:`check_workbook` never writes anything. It returns either the problems (all of them,
each naming its sheet and cell and saying what to do, in Japanese and English) or a
:class:`~.records.Batch` that :meth:`~.records.CycleRecords.apply` stores in one transaction.
The service layer wraps the same two steps in its submission workflow.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..ministries import UnknownMinistryError, ministries
from ..plan import Plan
from ..text import Text
from .model import Evidence, Finding, FindingResponse, MeasureUpdate, ReviewCycle
from .records import Batch
from .template import ABOUT, ABOUT_KEYS, FINDING_COLUMNS, FINDINGS, UPDATE_COLUMNS, UPDATES
from .vocabulary import Vocabulary, vocabulary


@dataclass(frozen=True, slots=True, order=True)
class CellProblem:
    """One problem in a workbook: where (sheet, cell), what is wrong and what to do."""

    sheet: str
    row: int
    column: str
    value: str
    message: Text
    hint: Text = field(default_factory=Text)

    @property
    def cell(self) -> str:
        return f"{self.column}{self.row}" if self.row else ""

    def render(self, lang: str = "ja") -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        message = self.message.ja if lang == "ja" else self.message.en
        hint = self.hint.ja if lang == "ja" else self.hint.en
        shown = f" ({self.value!r})" if self.value else ""
        return f"{where}: {message}{shown}" + (f" — {hint}" if hint else "")


@dataclass(frozen=True, slots=True)
class CheckResult:
    problems: tuple[CellProblem, ...]
    batch: Batch | None


def _t(ja: str, en: str) -> Text:
    return Text(ja=ja, en=en)


def check_workbook(
    content: bytes, file_name: str, cycle: ReviewCycle, plan: Plan, findings: list[Finding]
) -> CheckResult:
    """Every problem of a filled template for ``cycle``, or the batch it holds."""
    problems: list[CellProblem] = []
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        bad = CellProblem(
            file_name,
            0,
            "",
            "",
            _t("XLSXファイルとして読めません", "not a readable XLSX file"),
            _t(
                f"ipkpi cycle template で作り直してください（{exc}）",
                f"write a new one with ipkpi cycle template ({exc})",
            ),
        )
        return CheckResult((bad,), None)
    missing = [s for s in (ABOUT, UPDATES, FINDINGS) if s not in book.sheetnames]
    if missing:
        return CheckResult(
            tuple(
                CellProblem(
                    s,
                    0,
                    "",
                    "",
                    _t("シートがありません", "sheet missing"),
                    _t("テンプレートのシートを消さないでください", "keep the template's sheets"),
                )
                for s in missing
            ),
            None,
        )
    about = _about(book[ABOUT])
    problems += _check_about(about, cycle)
    ministry = about.get("ministry", ("", 0))[0]
    pins = cycle.vocabularies
    updates = list(_updates(book[UPDATES], plan, ministry, pins, problems))
    responses = list(_responses(book[FINDINGS], findings, ministry, pins, problems))
    book.close()
    if problems:
        return CheckResult(tuple(sorted(problems)), None)
    sha = hashlib.sha256(content).hexdigest()
    batch = Batch(cycle.code, ministry, file_name, sha, tuple(updates), tuple(responses))
    return CheckResult((), batch)


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _about(sheet: Any) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row and _text(row[0]) in ABOUT_KEYS:
            found[_text(row[0])] = (_text(row[1]) if len(row) > 1 else "", number)
    return found


def _check_about(about: dict[str, tuple[str, int]], cycle: ReviewCycle) -> list[CellProblem]:
    out = []
    code, row = about.get("cycle", ("", 2))
    if code != cycle.code:
        out.append(
            CellProblem(
                ABOUT,
                row,
                "B",
                code,
                _t(
                    f"このファイルはサイクル {code or '（空）'} のもので、"
                    f"{cycle.code} には取り込めません",
                    f"this file is for cycle {code or '(empty)'}, not {cycle.code}",
                ),
                _t("このサイクルのテンプレートを使ってください", "use this cycle's template"),
            )
        )
    elif cycle.state != "open":
        out.append(
            CellProblem(
                ABOUT,
                row,
                "B",
                code,
                _t(
                    f"サイクル {code} は締め切られています（{cycle.state}）。変更は取り込めません",
                    f"cycle {code} is {cycle.state}: it can no longer be changed",
                ),
                _t("事務局に連絡してください", "contact the secretariat"),
            )
        )
    ministry, m_row = about.get("ministry", ("", 3))
    try:
        ministries().get(ministry)
    except UnknownMinistryError as exc:
        out.append(
            CellProblem(
                ABOUT,
                m_row,
                "B",
                ministry,
                _t(exc.message("ja"), exc.message("en")),
                _t("府省庁コードを直してください", "fix the ministry code"),
            )
        )
    for kind in ("check", "act", "delay", "response"):
        given, k_row = about.get(kind, ("", 0))
        if given != cycle.vocabularies[kind]:
            out.append(
                CellProblem(
                    ABOUT,
                    k_row,
                    "B",
                    given,
                    _t(
                        f"語彙 {given} はこのサイクルの {cycle.vocabularies[kind]} と異なります",
                        f"vocabulary {given} is not this cycle's {cycle.vocabularies[kind]}",
                    ),
                    _t("このサイクルのテンプレートを使ってください", "use this cycle's template"),
                )
            )
    return out


def _columns(columns: tuple[tuple[str, str, int, bool], ...]) -> dict[str, int]:
    return {key: index for index, (key, *_rest) in enumerate(columns)}


def _term(
    vocab: Vocabulary, value: str, sheet: str, row: int, column: str, problems: list[CellProblem]
) -> str:
    if not value:
        return ""
    code = vocab.read(value)
    if code is None:
        allowed = "、".join(vocab.labels("ja"))
        problems.append(
            CellProblem(
                sheet,
                row,
                column,
                value,
                _t(
                    f"「{value}」は語彙 {vocab.key} にありません",
                    f"{value!r} is not a term of {vocab.key}",
                ),
                _t(f"一覧から選んでください: {allowed}", f"choose one of: {allowed}"),
            )
        )
        return ""
    return code


def _updates(
    sheet: Any, plan: Plan, ministry: str, pins: dict[str, str], problems: list[CellProblem]
) -> Iterator[MeasureUpdate]:
    col = _columns(UPDATE_COLUMNS)

    def letter(key: str) -> str:
        return str(get_column_letter(col[key] + 1))

    check, act, delay = (vocabulary(pins[k]) for k in ("check", "act", "delay"))
    seen: dict[str, int] = {}
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = [_text(v) for v in row] + [""] * len(UPDATE_COLUMNS)
        value = {key: cells[i] for key, i in col.items()}
        if not any(value.values()):
            continue
        measure_id = value["measure"]
        measure = plan.measure(measure_id)
        where = (UPDATES, number, letter("measure"), measure_id)
        if measure is None:
            problems.append(
                CellProblem(
                    *where,
                    _t(
                        f"施策 {measure_id or '（空）'} は計画にありません",
                        f"unknown measure {measure_id or '(empty)'}",
                    ),
                    _t("施策IDを変更しないでください", "do not change the measure ids"),
                )
            )
            continue
        if not measure.serves(ministry):
            problems.append(
                CellProblem(
                    *where,
                    _t(
                        f"施策 {measure_id} は {ministry} の担当ではありません",
                        f"measure {measure_id} is not one of {ministry}'s",
                    ),
                    _t("自府省の施策の行だけを残してください", "keep only your ministry's rows"),
                )
            )
            continue
        if measure_id in seen:
            problems.append(
                CellProblem(
                    *where,
                    _t(
                        f"施策 {measure_id} が2行あります（{seen[measure_id]}行目）",
                        f"measure {measure_id} appears twice (row {seen[measure_id]})",
                    ),
                    _t("1施策1行にしてください", "one row per measure"),
                )
            )
            continue
        seen[measure_id] = number
        filled = [k for k, _t2, _w, mine in UPDATE_COLUMNS if mine and value[k]]
        if not filled:
            continue  # not reported: stays missing, nothing is stored
        found = _term(check, value["check"], UPDATES, number, letter("check"), problems)
        if not value["status_ja"]:
            problems.append(
                CellProblem(
                    UPDATES,
                    number,
                    letter("status_ja"),
                    "",
                    _t("取組状況（日本語）が空です", "the progress report (Japanese) is empty"),
                    _t("取組状況を書いてください", "write the progress report"),
                )
            )
        suggested = check.read(value["suggested"]) or ""
        if found and suggested and found != suggested and not value["override_ja"]:
            problems.append(
                CellProblem(
                    UPDATES,
                    number,
                    letter("override_ja"),
                    "",
                    _t(
                        f"区分 {value['check']} は提案 {value['suggested']} と異なります。"
                        "理由が必要です",
                        f"Check {value['check']} differs from the suggestion {value['suggested']}: "
                        "a reason is needed",
                    ),
                    _t("理由を書いてください", "give the reason"),
                )
            )
        url = value["evidence_url"]
        if url and not url.startswith(("https://", "http://")):
            problems.append(
                CellProblem(
                    UPDATES,
                    number,
                    letter("evidence_url"),
                    url,
                    _t(
                        "根拠URLは http(s):// で始まる必要があります",
                        "the evidence URL must start with http(s)://",
                    ),
                    _t("URLを直してください", "fix the URL"),
                )
            )
        evidence: tuple[Evidence, ...] = ()
        if value["evidence_title"] or url:
            evidence = (Evidence(value["evidence_title"], url, value["evidence_date"]),)
        yield MeasureUpdate(
            measure_id,
            ministry,
            Text(ja=value["status_ja"], en=value["status_en"]),
            check=found,
            act=_term(act, value["act"], UPDATES, number, letter("act"), problems),
            suggested=suggested,
            suggested_reason=Text(ja=value["suggested_reason"]),
            override_reason=Text(ja=value["override_ja"], en=value["override_en"]),
            evidence=evidence,
            delay=_term(delay, value["delay"], UPDATES, number, letter("delay"), problems),
            delay_text=Text(ja=value["delay_ja"], en=value["delay_en"]),
        )


def _responses(
    sheet: Any,
    findings: list[Finding],
    ministry: str,
    pins: dict[str, str],
    problems: list[CellProblem],
) -> Iterator[FindingResponse]:
    col = _columns(FINDING_COLUMNS)
    known = {f.code for f in findings}
    vocab = vocabulary(pins["response"])
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = [_text(v) for v in row] + [""] * len(FINDING_COLUMNS)
        value = {key: cells[i] for key, i in col.items()}
        if not (value["response_ja"] or value["response_en"] or value["response_status"]):
            continue
        if value["finding"] not in known:
            problems.append(
                CellProblem(
                    FINDINGS,
                    number,
                    "A",
                    value["finding"],
                    _t("この指摘IDはありません", "unknown finding id"),
                    _t("指摘IDを変更しないでください", "do not change the finding ids"),
                )
            )
            continue
        status = _term(
            vocab,
            value["response_status"],
            FINDINGS,
            number,
            get_column_letter(col["response_status"] + 1),
            problems,
        )
        yield FindingResponse(
            value["finding"],
            ministry,
            Text(ja=value["response_ja"], en=value["response_en"]),
            status or "in_progress",
        )
