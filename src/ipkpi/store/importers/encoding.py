"""The text encoding of a CSV file: UTF-8 (with or without BOM) or Shift_JIS/CP932.

A file that is neither is refused with the place of the first bad byte, rather than read
as mojibake. CP932 decodes almost any byte string, so a CP932 reading that yields half-width
katakana or private-use characters (what EUC-JP or Latin-1 bytes turn into) is refused too;
``--encoding`` forces an encoding when such a file is right after all.
"""

from __future__ import annotations

import codecs
import re

from ...problems import data_files as says
from ...text import Text
from ..problems import DataFileError, file_problem

_SUSPICIOUS = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\x80-\x9f]")


def decode(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise file_problem(file, says.BINARY())
    if encoding:
        return _forced(data, file, encoding), encoding
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise file_problem(file, says.UTF16())
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            expected = Text(
                ja="UTF-8 ではありません（UTF-8 の BOM で始まっているのに）",
                en="not UTF-8 (though it starts with a UTF-8 BOM)",
            )
            raise _bad_bytes(data, file, exc, expected) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            expected = Text(
                ja="UTF-8 でも Shift_JIS（CP932）でもありません",
                en="neither UTF-8 nor Shift_JIS (CP932)",
            )
            raise _bad_bytes(data, file, utf8_error, expected) from None
        odd = _SUSPICIOUS.search(text)
        if odd:
            line = text.count("\n", 0, odd.start()) + 1
            implausible = says.IMPLAUSIBLE_CP932(line=line, char=odd.group())
            raise file_problem(file, implausible, row=line) from None
        return text, "cp932"


def _forced(data: bytes, file: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise file_problem(file, says.UNKNOWN_ENCODING(name=encoding)) from None
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        expected = Text(ja=f"{encoding} ではありません", en=f"not {encoding}")
        raise _bad_bytes(data, file, exc, expected) from None


def _bad_bytes(data: bytes, file: str, exc: UnicodeDecodeError, expected: Text) -> DataFileError:
    line = data.count(b"\n", 0, exc.start) + 1
    byte = data[exc.start : exc.start + 1].hex()
    message = says.BAD_BYTES(expected=expected, byte=byte, offset=exc.start, line=line)
    return file_problem(file, message, row=line)
