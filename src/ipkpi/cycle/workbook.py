"""Reading a filled template: every problem by sheet, row and cell, or a batch to apply.

:func:`check_workbook` never writes anything. It returns either the problems (all of them,
each naming its cell as Excel does, ``'取組状況 Updates'!J5``, and saying what to do, in
Japanese and English: :class:`ipkpi.problems.Problem`) or a :class:`~.records.Batch` that
:meth:`~.records.CycleRecords.apply` stores in one transaction. The service layer wraps the
same two steps in its submission workflow.
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
from ..problems import Message, Problem, Template, Value
from ..problems import cycle as says
from ..text import Text
from .model import Evidence, Finding, FindingResponse, MeasureUpdate, ReviewCycle
from .records import Batch
from .template import ABOUT, ABOUT_KEYS, FINDING_COLUMNS, FINDINGS, UPDATE_COLUMNS, UPDATES
from .vocabulary import Vocabulary, vocabulary


@dataclass(frozen=True, slots=True)
class CheckResult:
    problems: tuple[Problem, ...]
    batch: Batch | None


@dataclass
class _Reader:
    file_name: str
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        template: Template,
        sheet: str,
        row: int = 0,
        column: str = "",
        value: str = "",
        **values: Value,
    ) -> None:
        cell = f"'{sheet}'!{column}{row}" if row and column else ""
        where = sheet if not cell else ""
        message = Message(template, tuple(sorted(values.items())))
        self.problems.append(message.at(self.file_name, row, where, value, cell=cell))

    def term(self, vocab: Vocabulary, value: str, sheet: str, row: int, column: str) -> str:
        if not value:
            return ""
        code = vocab.read(value)
        if code is None:
            allowed = "、".join(vocab.labels("ja"))
            self.add(
                says.CYCLE_UNKNOWN_TERM,
                sheet,
                row,
                column,
                value,
                vocabulary=vocab.key,
                allowed=allowed,
            )
            return ""
        return code


def check_workbook(
    content: bytes, file_name: str, cycle: ReviewCycle, plan: Plan, findings: list[Finding]
) -> CheckResult:
    """Every problem of a filled template for ``cycle``, or the batch it holds."""
    reader = _Reader(file_name)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        reader.add(says.CYCLE_NOT_XLSX, "", detail=str(exc))
        return CheckResult(tuple(reader.problems), None)
    missing = [s for s in (ABOUT, UPDATES, FINDINGS) if s not in book.sheetnames]
    for sheet in missing:
        reader.add(says.CYCLE_SHEET_MISSING, sheet, name=sheet)
    if missing:
        return CheckResult(tuple(reader.problems), None)
    about = _about(book[ABOUT])
    _check_about(reader, about, cycle)
    ministry = about.get("ministry", ("", 0))[0]
    pins = cycle.vocabularies
    updates = list(_updates(reader, book[UPDATES], plan, ministry, pins))
    responses = list(_responses(reader, book[FINDINGS], findings, ministry, pins))
    book.close()
    if reader.problems:
        return CheckResult(tuple(reader.problems), None)
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


def _check_about(reader: _Reader, about: dict[str, tuple[str, int]], cycle: ReviewCycle) -> None:
    code, row = about.get("cycle", ("", 2))
    if code != cycle.code:
        reader.add(
            says.CYCLE_WRONG_CYCLE, ABOUT, row, "B", code, given=code or "—", cycle=cycle.code
        )
    elif cycle.state != "open":
        reader.add(says.CYCLE_NOT_OPEN, ABOUT, row, "B", code, cycle=code, state=cycle.state)
    ministry, m_row = about.get("ministry", ("", 3))
    try:
        ministries().get(ministry)
    except UnknownMinistryError as exc:
        detail = Text(ja=exc.message("ja"), en=exc.message("en"))
        reader.add(says.CYCLE_UNKNOWN_MINISTRY, ABOUT, m_row, "B", ministry, detail=detail)
    for kind in ("check", "act", "delay", "response"):
        given, k_row = about.get(kind, ("", 0))
        if given != cycle.vocabularies[kind]:
            reader.add(
                says.CYCLE_WRONG_VOCABULARY,
                ABOUT,
                k_row,
                "B",
                given,
                given=given or "—",
                pinned=cycle.vocabularies[kind],
            )


def _columns(columns: tuple[tuple[str, str, int, bool], ...]) -> dict[str, int]:
    return {key: index for index, (key, *_rest) in enumerate(columns)}


def _updates(
    reader: _Reader, sheet: Any, plan: Plan, ministry: str, pins: dict[str, str]
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
            reader.add(says.CYCLE_UNKNOWN_MEASURE, *where, measure=measure_id or "—")
            continue
        if not measure.serves(ministry):
            reader.add(says.CYCLE_OTHER_MINISTRY, *where, measure=measure_id, ministry=ministry)
            continue
        if measure_id in seen:
            reader.add(says.CYCLE_MEASURE_TWICE, *where, measure=measure_id, first=seen[measure_id])
            continue
        seen[measure_id] = number
        if not any(value[k] for k, _title, _w, mine in UPDATE_COLUMNS if mine):
            continue  # not reported: stays missing, nothing is stored
        found = reader.term(check, value["check"], UPDATES, number, letter("check"))
        if not value["status_ja"]:
            reader.add(says.CYCLE_STATUS_EMPTY, UPDATES, number, letter("status_ja"))
        suggested = check.read(value["suggested"]) or ""
        if found and suggested and found != suggested and not value["override_ja"]:
            reader.add(
                says.CYCLE_REASON_NEEDED,
                UPDATES,
                number,
                letter("override_ja"),
                check=value["check"],
                suggested=value["suggested"],
            )
        url = value["evidence_url"]
        if url and not url.startswith(("https://", "http://")):
            reader.add(says.CYCLE_BAD_URL, UPDATES, number, letter("evidence_url"), url)
        evidence: tuple[Evidence, ...] = ()
        if value["evidence_title"] or url:
            evidence = (Evidence(value["evidence_title"], url, value["evidence_date"]),)
        yield MeasureUpdate(
            measure_id,
            ministry,
            Text(ja=value["status_ja"], en=value["status_en"]),
            check=found,
            act=reader.term(act, value["act"], UPDATES, number, letter("act")),
            suggested=suggested,
            suggested_reason=Text(ja=value["suggested_reason"]),
            override_reason=Text(ja=value["override_ja"], en=value["override_en"]),
            evidence=evidence,
            delay=reader.term(delay, value["delay"], UPDATES, number, letter("delay")),
            delay_text=Text(ja=value["delay_ja"], en=value["delay_en"]),
        )


def _responses(
    reader: _Reader, sheet: Any, findings: list[Finding], ministry: str, pins: dict[str, str]
) -> Iterator[FindingResponse]:
    col = _columns(FINDING_COLUMNS)
    known = {f.code for f in findings}
    vocab = vocabulary(pins["response"])
    status_column = get_column_letter(col["response_status"] + 1)
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = [_text(v) for v in row] + [""] * len(FINDING_COLUMNS)
        value = {key: cells[i] for key, i in col.items()}
        if not (value["response_ja"] or value["response_en"] or value["response_status"]):
            continue
        if value["finding"] not in known:
            reader.add(says.CYCLE_UNKNOWN_FINDING, FINDINGS, number, "A", value["finding"])
            continue
        status = reader.term(vocab, value["response_status"], FINDINGS, number, status_column)
        yield FindingResponse(
            value["finding"],
            ministry,
            Text(ja=value["response_ja"], en=value["response_en"]),
            status or "in_progress",
        )
