"""The JSON API's models and its OpenAPI paths: series, observations, vintages, submissions.

Every model is a closed ``TypedDict`` (:mod:`.models`), so a field a handler adds without its
model fails the schema test (schemathesis, ``tests/web/test_api_schema.py``). A submission's
``ETag`` is its version (``"v3"``); a step needs ``If-Match`` with it: 428 without one, 412
when someone changed the submission since (RFC 9110 §13.1.1, RFC 6585 §3).
"""

from __future__ import annotations

from typing import Any, NotRequired

from typing_extensions import TypedDict

from ..ministries import ministries
from .models import closed

PREFIX = "/api/v1"
STATES = ["draft", "submitted", "returned", "accepted", "published", "withdrawn"]
STEPS = ["submit", "recall", "return", "accept", "publish", "withdraw"]


@closed
class LocalText(TypedDict):
    ja: str
    en: str


@closed
class SeriesItem(TypedDict):
    id: str
    kpi: str
    label: LocalText
    unit: str
    frequency: str


@closed
class SeriesList(TypedDict):
    series: list[SeriesItem]


@closed
class ObservationItem(TypedDict):
    period: str
    value: float
    flags: list[str]
    note: str | None
    source_title: str | None
    source_url: str | None


@closed
class ObservationList(TypedDict):
    series: str
    unit: str
    as_of: str | None
    observations: list[ObservationItem]


@closed
class VintageItem(TypedDict):
    id: int
    recorded_at: str
    file_name: str
    file_format: str
    sha256: str
    source_title: str | None
    source_url: str | None
    row_count: int
    new_count: int
    revised_count: int


@closed
class VintageList(TypedDict):
    vintages: list[VintageItem]


@closed
class SubmissionItem(TypedDict):
    id: int
    kind: str
    ministry: str
    title: str
    state: str
    version: int
    etag: str
    created_by: str
    created_at: str
    updated_by: str
    updated_at: str
    submitted_at: str | None
    reviewed_by: str
    reviewed_at: str | None
    review_comment: str
    published_at: str | None
    vintage_id: int | None
    batch_id: int | None
    cycle: str | None
    file_name: str
    file_size: int


@closed
class SubmissionList(TypedDict):
    submissions: list[SubmissionItem]


@closed
class StepRequest(TypedDict):
    """A step's body (optional): the comment a return needs."""

    comment: NotRequired[str]


@closed
class ApiErrorDetail(TypedDict):
    status: int
    message: str
    message_ja: str


@closed
class ApiError(TypedDict):
    error: ApiErrorDetail


@closed
class UploadResult(TypedDict):
    """A data file kept as a draft (or submitted): the submission and what it would change."""

    submission: SubmissionItem
    new_count: int
    revised_count: int
    unchanged_count: int
    problems: int


@closed
class ProblemItem(TypedDict):
    code: str
    row: int
    column: str
    cell: str
    value: str
    message: str
    hint: str


@closed
class UploadProblems(TypedDict):
    """A file refused whole: each problem by code, in ``language`` (from Accept-Language)."""

    error: ApiErrorDetail
    language: str
    total: int
    problems: list[ProblemItem]


MODELS: list[type[Any]] = [
    SeriesList, ObservationList, VintageList, SubmissionItem, SubmissionList, StepRequest,
    ApiError, UploadResult, UploadProblems,
]  # fmt: skip

_WHO: list[dict[str, list[str]]] = [{"bearerToken": []}, {"sessionCookie": []}]
SECURITY_SCHEMES = {
    "bearerToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A named API token (the account page makes one); scopes narrow it.",
    },
    "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "__Host-ipkpi_session",
        "description": "The browser's session; a step also needs header X-CSRF-Token.",
    },
}
_ERRORS = {
    "400": "A malformed parameter or body; the message says which",
    "401": "No valid session or token",
    "403": "Not allowed (the role, the token's scopes, or a missing CSRF token)",
    "404": "No such object, or not one the caller may see",
    "409": "The submission's state does not allow this step",
    "412": "If-Match does not name the current version: someone changed it (who and when)",
    "428": "If-Match is required: send the ETag of the version the step was decided on",
    "413": "The file is larger than the size limit",
    "415": "Not a multipart/form-data body, or a file that is not CSV or XLSX",
    "429": "Too many attempts: wait the seconds of Retry-After",
    "503": "The store holds as many pending files as it may: try again later",
}
#: The upload's form: the ministry before the file (it is checked when the file begins).
UPLOAD_FORM: dict[str, Any] = {
    "type": "object",
    "required": ["ministry", "file"],
    "additionalProperties": False,
    "properties": {
        "ministry": {"enum": [m.code for m in ministries()],
                     "description": "The ministry's code (MAFF, METI, …)"},
        "title": {"type": "string", "description": "A title for the submission"},
        "sheet": {"type": "string", "description": "The XLSX sheet to read"},
        "source_title": {"type": "string", "description": "The data's source, as a title"},
        "source_url": {"type": "string", "description": "The data's source, as an address"},
        "submit": {"enum": ["true", "false"], "description": "true: send it for review at once"},
        "file": {"type": "string", "format": "binary",
                 "contentMediaType": "application/octet-stream",
                 "description": "The CSV or XLSX data file (the import template's columns)"},
    },
}  # fmt: skip


def _responses(
    ok: str, model: str, refs: dict[str, str], *codes: str, etag: bool = False
) -> dict[str, Any]:
    error = {"application/json": {"schema": {"$ref": refs["ApiError"]}}}
    out: dict[str, Any] = {
        "200": {
            "description": ok,
            "content": {"application/json": {"schema": {"$ref": refs[model]}}},
        }
    }
    if etag:
        out["200"]["headers"] = {
            "ETag": {"description": 'The version, quoted ("v3")', "schema": {"type": "string"}}
        }
    for code in codes:
        out[code] = {"description": _ERRORS[code], "content": error}
    return out


def _path(name: str, description: str, pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if pattern:
        schema["pattern"] = pattern
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": schema}  # fmt: skip


def api_paths(refs: dict[str, str]) -> dict[str, Any]:
    ident = {"name": "id", "in": "path", "required": True, "description": "The submission",
             "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}  # fmt: skip
    as_of = {"name": "as_of", "in": "query", "required": False,
             "description": "The values as known at the end of this date (UTC)",
             "schema": {"type": "string", "format": "date"}}  # fmt: skip
    state = {"name": "state", "in": "query", "required": False,
             "description": "Only submissions in this state",
             "schema": {"enum": STATES}}  # fmt: skip
    step = {"name": "step", "in": "path", "required": True, "description": "The step",
            "schema": {"enum": STEPS}}  # fmt: skip
    if_match = {"name": "If-Match", "in": "header", "required": True,
                "description": "The submission's ETag when the step was decided on",
                "schema": {"type": "string"}}  # fmt: skip
    return {
        f"{PREFIX}/series": {"get": {
            "operationId": "api_series", "summary": "Every series of the plan",
            "responses": _responses("The series", "SeriesList", refs),
        }},
        f"{PREFIX}/series/{{series_id}}/observations": {"get": {
            "operationId": "api_observations",
            "summary": "A series' latest values, or those known at a date",
            "parameters": [_path("series_id", "The series' id"), as_of],
            "responses": _responses("The values", "ObservationList", refs, "400", "404"),
        }},
        f"{PREFIX}/vintages": {"get": {
            "operationId": "api_vintages", "summary": "Every published import (vintage)",
            "responses": _responses("The vintages", "VintageList", refs),
        }},
        f"{PREFIX}/submissions": {"get": {
            "operationId": "api_submissions", "summary": "The submissions the caller may see",
            "security": _WHO, "parameters": [state],
            "responses": _responses("The submissions", "SubmissionList", refs, "400", "401"),
        }},
        f"{PREFIX}/submissions/{{id}}": {"get": {
            "operationId": "api_submission", "summary": "One submission, with its ETag",
            "security": _WHO, "parameters": [ident],
            "responses": _responses("The submission", "SubmissionItem", refs, "401", "404",
                                    etag=True),
        }},
        f"{PREFIX}/submissions/{{id}}/{{step}}": {"post": {
            "operationId": "api_submission_step",
            "summary": "Move a submission on (If-Match required)",
            "security": _WHO, "parameters": [ident, step, if_match],
            "requestBody": {"required": False, "content": {
                "application/json": {"schema": {"$ref": refs["StepRequest"]}}}},
            "responses": _responses(
                "The submission after the step", "SubmissionItem", refs,
                "400", "401", "403", "404", "409", "412", "428", etag=True,
            ),
        }},
        f"{PREFIX}/submissions/data-file": {"post": _upload_operation(refs)},
    }  # fmt: skip


#: The file part: its name must end in .csv, .xlsx or .xlsm (the importer reads by suffix).
_FILE_PART: dict[str, Any] = {
    "contentType": "text/csv, application/octet-stream",
    "headers": {"Content-Disposition": {
        "description": "The file's name ends in .csv, .xlsx or .xlsm (else 415)",
        "schema": {"type": "string", "pattern": r'filename="[^"]*\.(csv|xlsx|xlsm)"',
                   "example": 'form-data; name="file"; filename="observations.csv"'}}},
}  # fmt: skip


def _upload_operation(refs: dict[str, str]) -> dict[str, Any]:
    responses = _responses("", "UploadResult", refs, "400", "401", "403", "409", "413",
                           "415", "429", "503")  # fmt: skip
    created = responses.pop("200")
    created["description"] = "Kept as a draft (or submitted); Location names it"
    created["headers"] = {
        "Location": {"description": "The submission's API address", "schema": {"type": "string"}},
        "ETag": {"description": 'The version, quoted ("v1")', "schema": {"type": "string"}},
    }
    problems = {"application/json": {"schema": {"$ref": refs["UploadProblems"]}}}
    return {
        "operationId": "api_submission_data_file",
        "summary": "Send a data file (CSV or XLSX) as a ministry's draft submission",
        "security": _WHO,
        "requestBody": {"required": True, "content": {"multipart/form-data": {
            "schema": UPLOAD_FORM,
            "encoding": {"file": _FILE_PART}}}},
        "responses": {"201": created, **responses, "422": {
            "description": "The file has problems (each by code, in the Accept-Language "
            "language, ja or en); nothing was kept", "content": problems}},
    }  # fmt: skip
