"""The corpus through the CLI importer and the web import: what happened to each input.

An :class:`Outcome` is ``accepted`` (imported, or kept as a draft on the web), ``refused``
(with ``clear`` when the message names the file or place and says what to do), ``traceback``
(an exception escaped the CLI) or ``server_error`` (HTTP 500, or an exception in the app).
``unchanged`` says whether the store's rows were the same after the input, table by table and
row by row. ``python -m tests.badinputs.runner`` prints the counts (the closing note's table).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import inspect, text

from ipkpi.plan.loader import load_plan
from ipkpi.store import Store

from .corpus import Case, build

WEBPLAN = Path(__file__).parents[1] / "web" / "fixtures" / "webplan"
#: Tables an import may write: compared row by row before and after each input.
DATA_TABLES = ("vintages", "series", "observations", "submissions")
_HINT = re.compile(r" — |。|（.*してください|してください")


@dataclass(frozen=True)
class Outcome:
    case: str
    via: str
    result: str  # accepted, refused, traceback, server_error
    clear: bool
    warnings: int
    unchanged: bool
    text: str
    expect: str = "refuse"

    @property
    def as_expected(self) -> bool:
        return self.result in ("accepted", "refused")


def rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import writes, in a stable order."""
    names = set(inspect(store.engine).get_table_names())
    out = {}
    with store.engine.connect() as conn:
        for table in DATA_TABLES:
            if table in names:
                found = conn.execute(text(f"SELECT * FROM {table}")).all()
                out[table] = sorted((tuple(r) for r in found), key=repr)
    return out


def fresh_store(folder: Path) -> Store:
    from tests.web.conftest import make_store

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return make_store(folder / "store.db", load_plan(WEBPLAN))


def run_cli(case: Case, store: Store, database: Path) -> Outcome:
    from ipkpi.cli.main import cli

    before = rows(store)
    args = ["data", "import", str(case.path), "--db", str(database), "--plan", str(WEBPLAN)]
    for name, value in case.options.items():
        args += [f"--{name}", value]
    # the corpus's expected words are English: the CLI speaks Japanese unless told otherwise
    result = CliRunner().invoke(cli, args, env={"IPKPI_LANG": "en"})
    output = result.output
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    if escaped:
        kind = "traceback"
    elif result.exit_code == 0:
        kind = "accepted"
    else:
        kind = "refused"
    if escaped:
        output += f"\n{type(result.exception).__name__}: {result.exception}"
    clear = kind == "refused" and case.path.name in output and bool(_HINT.search(output))
    notes = output.count("note: ")
    same = rows(store) == before
    return Outcome(case.name, "cli", kind, clear, notes, same, output, case.expect)


def run_web(case: Case, client: Any, store: Store, lang: str = "en") -> Outcome:
    before = rows(store)
    path = "/en/import" if lang == "en" else "/import"
    data = {"ministry": "METI", "csrf_token": client.csrf}
    try:
        body = case.path.read_bytes()
        response = client.post(path, data=data, files={"file": (case.path.name, body, "text/csv")})
    except Exception as exc:  # the app raised: TestClient re-raises the server's exception
        return Outcome(case.name, f"web-{lang}", "server_error", False, 0, rows(store) == before,
                       f"{type(exc).__name__}: {exc}")  # fmt: skip
    found = _web_outcome(case.name, f"web-{lang}", response, store, before)
    return replace(found, expect=case.expect)


def _web_outcome(name: str, via: str, response: Any, store: Store, before: Any) -> Outcome:
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))
    status = response.status_code
    if status >= 500:
        kind = "server_error"
    elif status < 400:
        kind = "accepted"
    else:
        kind = "refused"
    clear = kind == "refused" and bool(_HINT.search(page))
    notes = response.text.count('class="import-warning"')
    return Outcome(name, via, kind, clear, notes, rows(store) == before, page[:4000])


@contextmanager
def web_client(store: Store) -> Iterator[Any]:
    from ipkpi.followup import FollowUpProvider
    from ipkpi.followup.store_source import StoreSource
    from ipkpi.service import ratelimit
    from ipkpi.web import create_app
    from tests.web.conftest import TestClient
    from tests.web.service_helpers import PUBLIC, add_person, sign_in

    plan = load_plan(WEBPLAN)
    # The corpus is one person sending ~100 files: lift the 30-an-hour limit for the run.
    kept, ratelimit.UPLOADS = ratelimit.UPLOADS, ratelimit.Limit("upload", 100_000, 3600)
    add_person(store, "editor@meti.example.jp", ministry="METI")
    app = create_app(FollowUpProvider(plan, StoreSource(store, plan), check_every=0),
                     public_url=PUBLIC)  # fmt: skip
    try:
        with TestClient(app, base_url=PUBLIC) as client:
            client.csrf = sign_in(client, "editor@meti.example.jp")
            yield client
    finally:
        ratelimit.UPLOADS = kept


def web_only_cases(client: Any, store: Store) -> list[Outcome]:
    """A malformed multipart body and a 5,000-character file name."""
    out = []
    before = rows(store)
    boundary = "xyzzy"
    broken = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"'
        f"\r\n\r\nseries,period,value\r\n"
    )  # fmt: skip  (no closing boundary)
    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    garbage = b"--x\r\n\x00\xff" * 50
    for name, call in (
        ("malformed_multipart",
         lambda: client.post("/en/import", content=broken.encode(), headers=headers)),
        ("garbage_boundary", lambda: client.post("/en/import", content=garbage, headers=headers)),
        ("long_filename", lambda: client.post(
            "/en/import", data={"ministry": "METI", "csrf_token": client.csrf},
            files={"file": ("a" * 5000 + ".csv", b"series,period,value\n", "text/csv")})),
    ):  # fmt: skip
        try:
            response = call()
        except Exception as exc:
            out.append(Outcome(name, "web-en", "server_error", False, 0, rows(store) == before,
                               f"{type(exc).__name__}: {exc}"))  # fmt: skip
            continue
        out.append(_web_outcome(name, "web-en", response, store, before))
    return out


def run_all(folder: Path) -> list[Outcome]:
    cases = build(folder / "corpus")
    store = fresh_store(folder)
    outcomes = []
    try:
        for case in cases:
            outcomes.append(run_cli(case, store, folder / "store.db"))
        with web_client(store) as client:
            for case in cases:
                if case.web:
                    for lang in ("en", "ja"):
                        outcomes.append(run_web(case, client, store, lang))
            outcomes += web_only_cases(client, store)
    finally:
        store.close()
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    counts = Counter(o.result for o in outcomes)
    noted = sum(o.warnings > 0 for o in outcomes)
    bad_in = sum(o.result == "accepted" and o.expect == "refuse" for o in outcomes)
    clear = sum(o.clear for o in outcomes)
    changed = [f"{o.via}:{o.case}" for o in outcomes if not o.unchanged and o.result != "accepted"]
    lines = [
        f"inputs {len(outcomes)} (cases through CLI, web en, web ja)",
        f"refused {counts['refused']} (clear: names the place and what to do: {clear})",
        f"accepted {counts['accepted']} (bad inputs accepted: {bad_in}; with notes: {noted})",
        f"tracebacks {counts['traceback']}  server errors (500) {counts['server_error']}",
        f"store changed by a refused input: {len(changed)} {changed}",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    work = Path(tempfile.mkdtemp(prefix="ipkpi-corpus-"))
    try:
        found = run_all(work)
        for o in found:
            first = o.text.strip().splitlines()[0][:150] if o.text.strip() else ""
            if "-v" in sys.argv or o.result in ("traceback", "server_error") or not o.clear:
                print(f"{o.via:6} {o.case:24} {o.result:12} clear={o.clear!s:5} {first}")
        print(summary(found))
    finally:
        shutil.rmtree(work, ignore_errors=True)
