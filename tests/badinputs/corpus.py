"""The bad-input corpus: every class of hostile or damaged file, generated (nothing downloaded).

``build(folder)`` writes the files and returns the cases. Each case is a file (and the
options an import is given) with the class it belongs to and what should happen: ``refuse``
(nothing changes; the message names where and what to do) or ``accept`` (a file that only
looks odd: a CP932 SDMX map, bare-CR line endings). The series are those of the web tests'
plan (``tests/web/fixtures/webplan``): 兆円 exports, ranks, monthly accesses.

Run ``python -m tests.badinputs.corpus DIR`` to write the files for a look.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

MONEY, RANK, ACCESS = "alpha.one.exports.jpn", "alpha.one.rank.jpn", "beta.two.access.total"
HEADER = "series,period,value\n"


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # the class: dates, xlsx, csv, numbers, sdmx, web
    path: Path
    expect: str = "refuse"  # or "accept"
    options: dict[str, str] = field(default_factory=dict)  # CLI options (--name value)
    web: bool = True  # also sent through the web import


def _text(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rezip(data: bytes, change: dict[str, bytes | None], stored: bool = False) -> bytes:
    """The archive with members replaced (None: dropped)."""
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", method) as new:
        for info in old.infolist():
            body = change.get(info.filename, old.read(info.filename))
            if body is not None:
                new.writestr(info.filename, body)
        for name, body in change.items():
            if name not in old.namelist() and body is not None:
                new.writestr(name, body)
    return out.getvalue()


GOOD_ROWS: list[list[object]] = [["series", "period", "value"], [RANK, 2023, 12]]
SHEET = "xl/worksheets/sheet1.xml"


def _with_dtd(sheet: str, dtd: str) -> str:
    """The sheet with a DTD of entities, and a cell that uses the last one."""
    body = sheet.split("?>", 1)[-1] if sheet.startswith("<?xml") else sheet
    cell = '<c r="D2" t="inlineStr"><is><t>&lol9;</t></is></c>'
    body = body.replace("</row></sheetData>", cell + "</row></sheetData>", 1)
    return f'<?xml version="1.0"?><!DOCTYPE worksheet {dtd}>{body}'


def _xlsx_cases(folder: Path) -> list[Case]:
    good = _xlsx_bytes(GOOD_ROWS)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        sheet = archive.read(SHEET).decode()
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    laughs_dtd = laughs.split("]>")[0].split("<!DOCTYPE lolz ")[1] + "]"
    undefined = sheet.replace("<sheetData>", "<sheetData>&undefined;", 1)
    external = sheet.replace(
        '<c r="C2" t="n"><v>12</v></c>',
        '<c r="C2"><f>[1]Sheet1!A1</f><v>12</v></c>',
    )
    plain = _rezip(good, {}, stored=True)
    # A byte of the sheet changed inside a stored member: the CRC no longer matches.
    at = plain.index(b"<sheetData>") + 3
    bad_crc = plain[:at] + bytes([plain[at] ^ 0x20]) + plain[at + 1 :]
    deflated = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + 2 + min(40, info.compress_size - 4)):
        deflated[i] ^= 0xA5
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SHEET, b"0" * 20_000_000)
        archive.writestr("[Content_Types].xml", b"<Types/>")
    made = {
        "xml_syntax.xlsx": _rezip(good, {SHEET: sheet[: len(sheet) // 2].encode()}),
        "entity_expansion.xlsx": _rezip(good, {SHEET: _with_dtd(sheet, laughs_dtd).encode()}),
        "entity_expansion_strings.xlsx": _rezip(good, {"xl/sharedStrings.xml": laughs.encode()}),
        "undefined_entity.xlsx": _rezip(good, {SHEET: undefined.encode()}),
        "bad_crc.xlsx": bad_crc,
        "bad_inflate.xlsx": bytes(deflated),
        "no_content_types.xlsx": _rezip(good, {"[Content_Types].xml": None}),
        "external_link.xlsx": _rezip(good, {SHEET: external.encode()}),
        "zip_bomb.xlsx": bomb.getvalue(),
        "random.xlsx": random.Random(7).randbytes(8192),
        "truncated.xlsx": good[: len(good) // 2],
        "rank_negative.xlsx": _xlsx_bytes([GOOD_ROWS[0], [RANK, 2023, -3]]),
    }
    cases = []
    for name, data in made.items():
        (folder / name).write_bytes(data)
        kind = "numbers" if name in ("rank_negative.xlsx", "external_link.xlsx") else "xlsx"
        # A DTD in a part no relationship names is never parsed: the workbook is fine.
        expect = "accept" if name == "entity_expansion_strings.xlsx" else "refuse"
        cases.append(Case(name.removesuffix(".xlsx"), kind, folder / name, expect))
    return cases


def _csv_cases(folder: Path) -> list[Case]:
    rows = [f"{RANK},2022,13", f"{RANK},2023,12"]
    texts = {
        "bare_cr.csv": ("csv", HEADER.replace("\n", "\r") + "\r".join(rows) + "\r", "accept"),
        "tab_separated.csv": ("csv", HEADER.replace(",", "\t") + f"{RANK}\t2023\t12\n", "refuse"),
        "semicolon.csv": ("csv", HEADER.replace(",", ";") + f"{RANK};2023;12\n", "refuse"),
        "month_13.csv": ("csv", f"{HEADER}{ACCESS},2024-13,5\n", "refuse"),
        "header_only.csv": ("csv", HEADER, "refuse"),
        "empty.csv": ("csv", "", "refuse"),
        "truncated.csv": ("csv", f"{HEADER}{RANK},2022,13\n{RANK},20", "refuse"),
        "ragged.csv": ("csv", f"{HEADER}{RANK},2022,13,extra,more\n", "refuse"),
        "open_quote.csv": ("csv", f'{HEADER}{RANK},2022,"13\n', "refuse"),
        "nul_bytes.csv": ("csv", f"{HEADER}{RANK},2022,1\x003\n", "refuse"),
        "underscore.csv": ("numbers", f"{HEADER}{MONEY},2023,1_000\n", "refuse"),
        "arabic_digits.csv": ("numbers", f"{HEADER}{MONEY},2023,١٢٣\n", "refuse"),
        "underflow.csv": ("numbers", f"{HEADER}{MONEY},2023,1e-400\n", "refuse"),
        "overflow.csv": ("numbers", f"{HEADER}{MONEY},2023,1e400\n", "refuse"),
        "huge.csv": ("numbers", f"{HEADER}{MONEY},2023,1e30\n", "refuse"),
        "rank_negative.csv": ("numbers", f"{HEADER}{RANK},2023,-3\n", "refuse"),
        "rank_zero.csv": ("numbers", f"{HEADER}{RANK},2023,0\n", "refuse"),
        "rank_fraction.csv": ("numbers", f"{HEADER}{RANK},2023,2.5\n", "refuse"),
        "access_negative.csv": ("numbers", f"{HEADER}{ACCESS},2024-03,-5\n", "refuse"),
        "far_period.csv": ("numbers", f"{HEADER}{RANK},2095,3\n", "refuse"),
        "nan.csv": ("numbers", f"{HEADER}{MONEY},2023,nan\n", "refuse"),
    }
    cases = [
        Case(name.removesuffix(".csv"), kind, _text(folder, name, text), expect)
        for name, (kind, text, expect) in texts.items()
    ]
    binary = folder / "random.csv"
    binary.write_bytes(random.Random(11).randbytes(4096))
    # Random bytes without NUL or line breaks: a one-line "header" to a naive reader.
    noise = bytes(b for b in random.Random(13).randbytes(6000) if b not in (0, 10, 13))
    (folder / "random_text.csv").write_bytes(noise[:4096])
    utf16 = _text(folder, "utf16.csv", f"{HEADER}{RANK},2023,12\n", "utf-16")
    euc = _text(folder, "euc_jp.csv", f"系列,期間,値,注記\n{RANK},2023,12,速報値です\n", "euc_jp")
    return [
        *cases,
        Case("random_binary", "csv", binary),
        Case("random_no_nul", "csv", folder / "random_text.csv"),
        Case("utf16", "csv", utf16),
        Case("euc_jp", "csv", euc),
    ]


SDMX_HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,SERIES,TIME_PERIOD,OBS_VALUE\n"
SDMX_ROW = "dataflow,IPKPI:DF_IPKPI(1.0),{action},alpha@one@rank@jpn,2023,12\n"


def _sdmx_cases(folder: Path) -> list[Case]:
    foreign = "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
    foreign += "UNSD:DF_SDG(1.0),A,392,2023,1.5,{mult}\n"
    map_text = "key,series,unit,備考\nA.392,alpha.one.exports.jpn,jpy_cho,輸出額（兆円）\n"
    sdmx_map = _text(folder, "map_cp932.csv", map_text, "cp932")
    action = {a: _text(folder, f"action_{a}.csv", SDMX_HEADER + SDMX_ROW.format(action=a))
              for a in "XD"}  # fmt: skip
    return [
        Case("action_x", "sdmx", action["X"]),
        Case("action_d", "sdmx", action["D"]),
        Case(
            "unit_mult_-400", "sdmx", _text(folder, "unit_mult.csv", foreign.format(mult="-400")),
            options={"sdmx-map": str(sdmx_map)}, web=False,
        ),
        Case(
            "map_in_cp932", "sdmx", _text(folder, "foreign_ok.csv", foreign.format(mult="0")),
            "accept", options={"sdmx-map": str(sdmx_map)}, web=False,
        ),
    ]  # fmt: skip


def _date_cases(folder: Path) -> list[Case]:
    good = _text(folder, "dated.csv", f"{HEADER}{RANK},2023,11\n")
    back = _text(folder, "backdated.csv", f"{HEADER}{RANK},2023,10\n")
    future, past = {"recorded-at": "2999-01-01"}, {"recorded-at": "2001-01-01"}
    return [
        Case("recorded_in_future", "dates", good, options=future, web=False),
        Case("recorded_before_known", "dates", back, options=past, web=False),
    ]


def build(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    return [*_csv_cases(folder), *_xlsx_cases(folder), *_sdmx_cases(folder), *_date_cases(folder)]


if __name__ == "__main__":
    for case in build(Path(sys.argv[1])):
        print(f"{case.kind:8} {case.expect:7} {case.path.name}")
