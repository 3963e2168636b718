"""The text encoding of a CSV file: UTF-8 (with or without BOM) or Shift_JIS/CP932.

A file that is neither is refused with the place of the first bad byte, rather than read
as mojibake. CP932 decodes almost any byte string, so a CP932 reading that yields half-width
katakana or private-use characters (what EUC-JP or Latin-1 bytes turn into) is refused too;
``--encoding`` forces an encoding when such a file is right after all.
"""

from __future__ import annotations

import codecs
import re

from ..problems import DataFileError, DataProblem

_SUSPICIOUS = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\x80-\x9f]")
_HINT = "save it as 'CSV UTF-8' (Excel: 名前を付けて保存 → CSV UTF-8), or give --encoding"


def decode(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _error(file, 0, "a binary file, not CSV text", "give a CSV or an XLSX file")
    if encoding:
        return _forced(data, file, encoding), encoding
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _error(file, 0, "the file is UTF-16 text", _HINT)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _bad_bytes(
                data, file, exc, "not UTF-8 (though it starts with a UTF-8 BOM)"
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            raise _bad_bytes(
                data, file, utf8_error, "neither UTF-8 nor Shift_JIS (CP932)"
            ) from None
        odd = _SUSPICIOUS.search(text)
        if odd:
            line = text.count("\n", 0, odd.start()) + 1
            raise _error(
                file,
                line,
                "the file is neither UTF-8 nor plausible Shift_JIS (CP932) text: "
                f"read as CP932, line {line} holds {odd.group()!r}",
                _HINT,
            ) from None
        return text, "cp932"


def _forced(data: bytes, file: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise _error(
            file, 0, f"unknown encoding {encoding!r}", "use utf-8, cp932, euc-jp, …"
        ) from None
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _bad_bytes(data, file, exc, f"not {encoding}") from None


def _bad_bytes(data: bytes, file: str, exc: UnicodeDecodeError, expected: str) -> DataFileError:
    line = data.count(b"\n", 0, exc.start) + 1
    byte = data[exc.start : exc.start + 1].hex()
    return _error(
        file,
        line,
        f"the file is {expected}: byte 0x{byte} at offset {exc.start} (line {line})",
        _HINT,
    )


def _error(file: str, row: int, reason: str, hint: str) -> DataFileError:
    return DataFileError([DataProblem(file, row, "", "", reason, hint)])
