"""No editor's note and no untranslated enum on any public page, download or report.

The shipped plan's static site is built in both languages and crawled: every HTML, CSV, JSON
and Markdown file. An editor's note (from the plan files or the observations' ``editor_note``
column) must appear in none; a Japanese page's text shows no raw enum value ("状況 unknown",
"uncertain, approximate"); an English page's text shows no Japanese label of the interface.
The follow-up report (Markdown, both languages) is held to the same.
"""

from __future__ import annotations

import csv
import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ipkpi.cli import web_cmd
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.due import BASIS_LABELS, STATE_LABELS, STATE_SHORT
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan import KIND_LABELS, ROLE_LABELS
from ipkpi.plan.loader import load_plan
from ipkpi.plan.release import RHYTHM_LABELS
from ipkpi.report import render_markdown, report_data
from ipkpi.store import Store, catalog_from_plan
from ipkpi.store.shipped import ensure_shipped
from ipkpi.web.data_strings import DATA_UI

PLAN = Path(default_plan_dir())
#: Enum values of the plan and the data that must reach readers only as words.
RAW_ENUM = re.compile(
    r"(?<![A-Za-z_./-])(unknown|uncertain|secondary|approximate|derived|provisional|not_done|"
    r"not_available|done|pending|level_by_deadline|relative_to_peers|change_from_baseline|"
    r"count_to_reach|milestone|irregular|annual|semiannual|overdue|upcoming|strategic|"
    r"related_measure|example|busy_hub|on_track|acceleration_needed|stagnation_or_regression|"
    r"target_achieved|sun_cloud|interval_level)(?![A-Za-z_-])"
)
#: The API reference describes the JSON in English on both sides, by design.
TECHNICAL = ("api.html",)


def editor_notes() -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "editor_note" and isinstance(item, str):
                    found.add(item.strip())
                elif key == "editor_notes" and isinstance(item, list):
                    found.update(str(x).strip() for x in item)
                else:
                    walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in PLAN.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    with (PLAN / "observations.csv").open(encoding="utf-8", newline="") as handle:
        found.update(r["editor_note"].strip() for r in csv.DictReader(handle))
    # Short notes ("Also KISTEP.") could be ordinary words; the long ones are unmistakable.
    return {n for n in found if len(n) >= 25}


def text_nodes(page: str) -> list[str]:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return [html.unescape(t).strip() for t in re.findall(r">([^<]+)<", page) if t.strip()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("public") / "site"
    db = out.parent / "s.db"
    result = CliRunner().invoke(web_cmd.build_site, [str(out), "--db", str(db), "--no-xlsx"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    plan = load_plan(PLAN)
    store = Store.open(tmp_path_factory.mktemp("report") / "r.db")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ensure_shipped(store, PLAN, catalog_from_plan(plan))
    provider = FollowUpProvider(plan, StoreSource(store, plan))
    yield {
        lang: render_markdown(report_data(provider.get(), provider.changes(), lang))
        for lang in ("ja", "en")
    }
    store.close()


def test_no_editors_note_in_any_page_download_or_report(site: Path, reports: dict[str, str]):
    notes = editor_notes()
    assert len(notes) > 100
    files = [p for p in site.rglob("*") if p.suffix in (".html", ".csv", ".json", ".md")]
    assert len(files) > 600
    leaks = [
        (str(path.relative_to(site)), note[:60])
        for path in files
        for note in notes
        if note[:60] in path.read_text(encoding="utf-8")
    ]
    leaks += [(f"report {lang}", n[:60]) for lang, md in reports.items() for n in notes if n in md]
    assert leaks == []


def test_no_raw_enum_on_a_japanese_page(site: Path, reports: dict[str, str]):
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "en"]
    assert len(pages) > 100
    found = [
        (str(path.relative_to(site)), node)
        for path in pages
        if path.name not in TECHNICAL
        for node in text_nodes(path.read_text(encoding="utf-8"))
        if RAW_ENUM.search(node)
    ]
    found += [("report ja", line) for line in reports["ja"].splitlines() if RAW_ENUM.search(line)]
    assert found == []


def test_no_japanese_label_on_an_english_page(site: Path):
    labels = [*DATA_UI.values(), *STATE_LABELS.values(), *STATE_SHORT.values()]
    labels += [*BASIS_LABELS.values(), *KIND_LABELS.values(), *ROLE_LABELS.values()]
    labels += list(RHYTHM_LABELS.values())
    japanese = {t.ja for t in labels if t.ja != t.en}
    pages = list((site / "en").rglob("*.html"))
    assert len(pages) > 100
    found = [
        (str(path.relative_to(site)), node)
        for path in pages
        if path.name not in TECHNICAL
        for node in text_nodes(path.read_text(encoding="utf-8"))
        if node in japanese or node in {"件", "データ待ち"}
    ]
    assert found == []
