"""Reading an uploaded data file from a multipart form, streamed to disk under a size limit.

The body is parsed as it arrives (python-multipart): text fields are kept in memory (a few
KB at most), the file goes straight into a staging folder, and the upload stops as soon as
the file passes its limit, so a large or hostile body is never held in memory. The caller has
checked who is asking from the headers before the body is read; the form puts its CSRF token
and ministry before the file, and ``before_file`` checks them when the file part begins, so a
forged or unauthorised form stops before a byte of the file is written.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ..text import Text

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

#: The largest text field (token, sheet name, source title or URL).
MAX_FIELD_BYTES = 8 * 1024
#: Text fields in one form.
MAX_FIELDS = 16
#: What the form's text fields and multipart framing add to the file's size, at most.
FORM_OVERHEAD = MAX_FIELDS * MAX_FIELD_BYTES + 64 * 1024
_MAX_NAME_BYTES = 200
_WINDOWS_RESERVED = '<>:"|?*'
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class UploadError(Exception):
    """A form that cannot be read: ``kind`` says which (``form``, ``too_large``, ``refused``)."""

    def __init__(
        self, kind: str, detail: str | Text = "", *, size: int = 0, limit: int = 0
    ) -> None:
        super().__init__(str(detail) or kind)
        self.kind = kind
        self.detail = detail
        self.size = size
        self.limit = limit


@dataclass
class Upload:
    """The form's text fields and the file, written to ``path`` (None: no file was sent)."""

    fields: dict[str, str] = field(default_factory=dict)
    file_name: str = ""
    path: Path | None = None
    size: int = 0


def safe_file_name(name: str) -> str:
    """The file's own name: no folders (``C:\\Users\\x\\data.csv`` → ``data.csv``), no control
    characters, at most 200 bytes (the extension kept); ``upload`` when nothing is left."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if os.name == "nt":  # pragma: no cover - names Windows cannot store
        base = "".join("_" if c in _WINDOWS_RESERVED else c for c in base).rstrip(". ")
    if base in ("", ".", ".."):
        return "upload"
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, dot, suffix = base, "", ""
    tail = dot + suffix
    room = _MAX_NAME_BYTES - len(tail.encode())
    while len(stem.encode()) > room:
        stem = stem[:-1]
    return (stem + tail) or "upload"


def limit_for(file_name: str, csv_limit: int, xlsx_limit: int) -> int:
    """The size limit for a file by its name (the importer checks its content again)."""
    return xlsx_limit if file_name.lower().endswith(XLSX_SUFFIXES) else csv_limit


async def read_upload(
    request: Request,
    folder: Path,
    *,
    file_limit: Callable[[str], int],
    before_file: Callable[[dict[str, str]], str | None],
) -> Upload:
    """Parse the form into ``folder``; raises :class:`UploadError`.

    ``file_limit(name)`` is the largest file accepted under that name; ``before_file(fields)``
    is called with the text fields sent before the file, and refuses it (kind ``refused``)
    by returning why.
    """
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise UploadError("form", "the request is not a multipart form (multipart/form-data)")
    largest = max(file_limit("x.csv"), file_limit("x.xlsx"))
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > largest + FORM_OVERHEAD:
        size = int(declared)
        raise UploadError("too_large", size=size, limit=largest)
    state = _FormState(folder, file_limit, before_file)
    parser = MultipartParser(boundary, state.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
            await state.flush()
        parser.finalize()
        await state.flush()
    except MultipartParseError as exc:
        raise UploadError("form", _malformed(exc)) from None
    finally:
        state.close()
    if not state.ended:
        raise UploadError("form", "the upload was cut short; send the file again")
    return state.upload


def _malformed(exc: MultipartParseError) -> Text:
    """Why python-multipart gave up on the body, for the person who sent it."""
    if "header size" in str(exc).lower():
        return Text(
            ja="項目の見出しが長すぎます。ファイル名を短くして送り直してください",
            en="a part's header is too long: shorten the file name and send it again",
        )
    return Text(
        ja="multipart 形式の本文が壊れています。フォームから送り直してください",
        en="the multipart body is malformed; send the file again from the form",
    )


class _FormState:
    """The parser's callbacks: where the current part goes and what has been read."""

    def __init__(
        self,
        folder: Path,
        file_limit: Callable[[str], int],
        before_file: Callable[[dict[str, str]], str | None],
    ) -> None:
        self.folder = folder
        self.file_limit = file_limit
        self.before_file = before_file
        self.upload = Upload()
        self.ended = False
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._name = ""
        self._is_file = False
        self._data = bytearray()
        self._limit = 0
        self._handle: IO[bytes] | None = None
        self._pending: list[bytes] = []

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value,
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_end": self.end,
        }

    def part_begin(self) -> None:
        self._disposition = b""
        self._name = ""
        self._is_file = False
        self._data = bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            if len(self.upload.fields) >= MAX_FIELDS:
                raise UploadError("form", f"more than {MAX_FIELDS} fields")
            return
        if self._name != "file" or self.upload.path is not None or self._handle is not None:
            raise UploadError("form", "send one file, in the field named 'file'")
        refused = self.before_file(self.upload.fields)
        if refused is not None:
            raise UploadError("refused", refused)  # before a byte of the file is received
        original = options[b"filename"].decode("utf-8", "replace")
        self._is_file = True
        if not original:  # the form was sent without choosing a file
            return
        name = safe_file_name(original)
        self.upload.file_name = name
        self._limit = self.file_limit(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.upload.path = self.folder / name
        self._handle = self.upload.path.open("wb")

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if not self._is_file:
            if len(self._data) + (end - start) > MAX_FIELD_BYTES:
                raise UploadError("form", f"the field {self._name!r} is too long")
            self._data += data[start:end]
            return
        if self._handle is None:
            return
        self.upload.size += end - start
        if self.upload.size > self._limit:
            raise UploadError("too_large", limit=self._limit)  # its whole size is not known
        self._pending.append(data[start:end])

    def part_end(self) -> None:
        if not self._is_file:
            self.upload.fields[self._name] = self._data.decode("utf-8", "replace")

    def end(self) -> None:
        self.ended = True

    async def flush(self) -> None:
        """Write what the last chunk brought, off the event loop."""
        if self._pending and self._handle is not None:
            data, self._pending = b"".join(self._pending), []
            await run_in_threadpool(self._handle.write, data)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
