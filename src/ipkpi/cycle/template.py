"""The ministry's Excel: one workbook per ministry and cycle, prefilled, with drop-downs.

Sheets: 説明 About (the cycle, the ministry, the pinned vocabularies, how to fill it in),
取組状況 Updates (one row per measure the ministry answers for; the grey columns are ipkpi's,
the white ones the ministry's), 指摘事項 Findings (open findings on those measures, to
respond to), KPI (the figures of the linked KPIs) and 語彙 Lists (the drop-down terms).
A workbook written here and read back by :func:`~.workbook.check_workbook` gives the same
updates (round trip).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..followup import FollowUp
from ..ministries import ministries
from ..plan import Measure
from .model import Finding, FindingResponse, MeasureUpdate, ReviewCycle
from .suggest import suggest
from .tables import kpi_row, measure_numbers
from .vocabulary import vocabulary

ABOUT, UPDATES, FINDINGS, KPIS, LISTS = (
    "説明 About",
    "取組状況 Updates",
    "指摘事項 Findings",
    "KPI",
    "語彙 Lists",
)

#: (key, header, width, the ministry fills it in)
UPDATE_COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("number", "No.", 8, False),
    ("measure", "施策ID measure", 26, False),
    ("text", "施策 measure text", 50, False),
    ("role", "役割 role", 10, False),
    ("kpis", "関連KPI linked KPIs", 40, False),
    ("suggested", "区分の提案 suggested class", 12, False),
    ("suggested_reason", "提案の理由 why", 40, False),
    ("status_ja", "取組状況（日本語） progress (ja)", 50, True),
    ("status_en", "取組状況（英語） progress (en)", 50, True),
    ("check", "進捗区分 Check", 12, True),
    ("override_ja", "提案と異なる理由（日本語） why not the suggestion (ja)", 30, True),
    ("override_en", "提案と異なる理由（英語） (en)", 30, True),
    ("act", "今後の方向 Act", 12, True),
    ("delay", "遅延理由 delay", 18, True),
    ("delay_ja", "遅延の説明（日本語） (ja)", 30, True),
    ("delay_en", "遅延の説明（英語） (en)", 30, True),
    ("evidence_title", "根拠資料 evidence", 30, True),
    ("evidence_url", "根拠URL", 30, True),
    ("evidence_date", "根拠の日付 date", 12, True),
)
FINDING_COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("finding", "指摘ID finding", 16, False),
    ("measure", "施策ID measure", 26, False),
    ("cycle", "指摘したサイクル raised in", 20, False),
    ("text", "指摘事項 finding", 50, False),
    ("response_ja", "対応（日本語） response (ja)", 50, True),
    ("response_en", "対応（英語） response (en)", 50, True),
    ("response_status", "対応状況 state", 12, True),
)
ABOUT_KEYS = ("cycle", "ministry", "cutoff", "due", "check", "act", "delay", "response", "state")
GREY = PatternFill("solid", fgColor="E6E9EE")


@dataclass(frozen=True, slots=True)
class TemplateInput:
    cycle: ReviewCycle
    ministry: str
    measures: list[Measure]
    followup: FollowUp
    updates: list[MeasureUpdate]
    findings: list[Finding]
    responses: list[FindingResponse]


def measures_of(measures: list[Measure], ministry: str) -> list[Measure]:
    return [m for m in measures if m.serves(ministry)]


def write_template(data: TemplateInput) -> bytes:
    pins = data.cycle.vocabularies
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = ABOUT
    body = ministries().get(data.ministry)
    about.append(["ipkpi", f"{data.cycle.name.ja} / {data.cycle.name.en}"])
    values = [
        data.cycle.code,
        data.ministry,
        data.cycle.cutoff.isoformat(),
        data.cycle.due.isoformat(),
        pins["check"],
        pins["act"],
        pins["delay"],
        pins["response"],
        data.cycle.state,
    ]
    for key, value in zip(ABOUT_KEYS, values, strict=True):
        about.append([key, value])
    about.append(["name", f"{body.name.ja} / {body.name.en}"])
    about.append([])
    for line in _instructions():
        about.append([line])
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 60
    lists = book.create_sheet(LISTS)
    ranges = _write_lists(lists, pins)
    lists.sheet_state = "hidden"
    sheet = book.create_sheet(UPDATES, 1)
    _header(sheet, UPDATE_COLUMNS)
    numbers = measure_numbers(data.followup.plan)
    found = {(u.measure_id, u.ministry): u for u in data.updates}
    with_f = "F" in vocabulary(pins["check"]).codes()
    for measure in measures_of(data.measures, data.ministry):
        role = next(m.role for m in measure.ministries if m.code == data.ministry)
        hint = suggest(measure, data.followup, with_f)
        kpis = "; ".join(_kpi_text(data.followup, link.kpi) for link in measure.kpis)
        update = found.get((measure.id, data.ministry))
        sheet.append(
            _update_cells(
                numbers[measure.id], measure, role, kpis, hint.check, hint.reason.ja, update, pins
            )
        )
    _validate(
        sheet,
        UPDATE_COLUMNS,
        {"check": ranges["check"], "act": ranges["act"], "delay": ranges["delay"]},
    )
    fsheet = book.create_sheet(FINDINGS, 2)
    _header(fsheet, FINDING_COLUMNS)
    answered = {(r.finding, r.ministry): r for r in data.responses}
    response_vocab = vocabulary(pins["response"])
    for finding in data.findings:
        given = answered.get((finding.code, data.ministry))
        fsheet.append(
            [
                finding.code,
                finding.measure_id,
                finding.cycle,
                finding.text.ja,
                given.text.ja if given else None,
                given.text.en if given else None,
                response_vocab.label(given.status, "ja") if given else None,
            ]
        )
    _validate(fsheet, FINDING_COLUMNS, {"response_status": ranges["response"]})
    ksheet = book.create_sheet(KPIS, 3)
    ksheet.append(
        [
            "KPI ID",
            "KPI",
            "基準値 baseline",
            "現状値（時点） latest",
            "目標（期限） target",
            "進捗 progress",
        ]
    )
    linked = dict.fromkeys(k.kpi for m in measures_of(data.measures, data.ministry) for k in m.kpis)
    for kpi_id in linked:
        status = data.followup.kpi(kpi_id)
        if status is not None:
            row = kpi_row(status, "ja")
            ksheet.append(
                [kpi_id, row["kpi"], row["baseline"], row["current"], row["goal"], row["progress"]]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _kpi_text(followup: FollowUp, kpi_id: str) -> str:
    status = followup.kpi(kpi_id)
    if status is None:
        return kpi_id
    row = kpi_row(status, "ja")
    return f"{row['kpi']}: {row['current']} → {row['goal']}（{row['progress']}）"


def _update_cells(
    number: str,
    measure: Measure,
    role: str,
    kpis: str,
    suggested: str,
    reason: str,
    update: MeasureUpdate | None,
    pins: dict[str, str],
) -> list[str | None]:
    check, act, delay = (vocabulary(pins[k]) for k in ("check", "act", "delay"))
    fixed: list[str | None] = [
        number,
        measure.id,
        measure.text.ja,
        "主担当 lead" if role == "lead" else "関係 co",
        kpis or None,
        check.label(suggested, "ja") if suggested else None,
        reason,
    ]
    if update is None:
        return fixed + [None] * (len(UPDATE_COLUMNS) - len(fixed))
    first = update.evidence[0] if update.evidence else None

    def text(value: str) -> str | None:
        return value or None

    return [
        *fixed,
        text(update.status.ja),
        text(update.status.en),
        check.label(update.check, "ja") if update.check else None,
        text(update.override_reason.ja),
        text(update.override_reason.en),
        act.label(update.act, "ja") if update.act else None,
        delay.label(update.delay, "ja") if update.delay else None,
        text(update.delay_text.ja),
        text(update.delay_text.en),
        text(first.title) if first else None,
        text(first.url) if first else None,
        text(first.date) if first else None,
    ]


def _header(sheet: object, columns: tuple[tuple[str, str, int, bool], ...]) -> None:
    ws = sheet  # openpyxl's Worksheet (untyped)
    ws.append([c[1] for c in columns])  # type: ignore[attr-defined]
    for index, (_key, _title, width, filled) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width  # type: ignore[attr-defined]
        cell = ws.cell(row=1, column=index)  # type: ignore[attr-defined]
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if not filled:
            cell.fill = GREY
    ws.freeze_panes = "C2"  # type: ignore[attr-defined]


def _write_lists(sheet: object, pins: dict[str, str]) -> dict[str, str]:
    ws = sheet
    ranges = {}
    for index, kind in enumerate(("check", "act", "delay", "response"), start=1):
        vocab = vocabulary(pins[kind])
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=vocab.key)  # type: ignore[attr-defined]
        for row, label in enumerate(vocab.labels("ja"), start=2):
            ws.cell(row=row, column=index, value=label)  # type: ignore[attr-defined]
        ranges[kind] = f"'{LISTS}'!${letter}$2:${letter}${len(vocab.terms) + 1}"
    return ranges


def _validate(
    sheet: object, columns: tuple[tuple[str, str, int, bool], ...], lists: dict[str, str]
) -> None:
    ws = sheet
    for index, (key, *_rest) in enumerate(columns, start=1):
        if key in lists:
            rule = DataValidation(
                type="list",
                formula1=lists[key],
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="ipkpi",
                error="一覧から選んでください / choose from the list",
            )
            letter = get_column_letter(index)
            rule.add(f"{letter}2:{letter}1000")
            ws.add_data_validation(rule)  # type: ignore[attr-defined]


def _instructions() -> list[str]:
    lines: list[tuple[str, str]] = [
        (
            "白い列に記入してください。灰色の列（施策ID・提案など）は変更しないでください。",
            "Fill in the white columns; leave the grey ones (measure id, suggestion) as they are.",
        ),
        (
            "進捗区分・今後の方向・遅延理由は一覧から選びます。区分が提案と異なるときは理由を書きます。",
            "Choose Check, Act and delay from the lists; give a reason when Check differs from the "
            "suggestion.",
        ),
        (
            "取り込みは全件か無か：問題が一つでもあれば何も登録されず、問題はすべてシート・行・セルで示されます。",
            "Import is all or nothing: with any problem nothing is stored, and every problem is "
            "named by sheet, row and cell.",
        ),
    ]
    return [f"{ja} / {en}" for ja, en in lines]
