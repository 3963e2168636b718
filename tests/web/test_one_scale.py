"""One scale per series on a page, and English units in English (issue 8, item 6).

Walks every KPI of the shipped plan, with its shipped data, in both languages, through the
page JSON (facts, latest value, verdict sentences and numbers, the headline's basis and what
it awaits, the pace box, the components, the chart's labels and tooltips, the data table), the
report's entry and the CLI's status row. The KPI's series (and its peers' and components',
drawn on the same axis) must read in one scale everywhere: ``3億`` and ``1.4億``, never
``140百万`` beside them (ux-review item 14). Each other series of the data table reads in one
scale of its own. English text never holds 約, 件, 億 or 万, nor a unit like ``×100m``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.cli.status_cmd import status_row
from ipkpi.followup import FollowUp, KpiStatus
from ipkpi.report.content import kpi_entry
from ipkpi.text import Lang

from .everywhere import shipped_world

LANGS: tuple[Lang, ...] = ("ja", "en")
SCALES = {"ja": "兆|億|千万|百万|万|千", "en": "trillion|billion|million|thousand"}
#: Counts of observations in the evidence sentences (基準以降の観測値は1件・…, あと2件以上の
#: 観測値): they count values, they are not values of a series counted in 件.
EVIDENCE_COUNT = re.compile(r"\d+件(?:以上)?(?:・|の観測値)")
NOT_ENGLISH = re.compile(r"[約件億万]|×\s?\d|×100m|×10k")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FollowUp, Any]]:
    with shipped_world(tmp_path_factory.mktemp("scale")) as found:
        yield found


def _chart_texts(chart: dict[str, Any] | None) -> list[str]:
    texts: list[str] = []
    for layer in (chart or {}).get("layer", []):
        for row in layer.get("data", {}).get("values", []):
            texts += [
                str(row[k])
                for k in ("value_text", "low_text", "high_text", "total", "target")
                if row.get(k)
            ]
    return texts


def axis_texts(page: dict[str, Any], status: KpiStatus, lang: Lang) -> list[str]:
    """Every text of the page, the report and the CLI that words the KPI's own values."""
    kpi = page["kpi"]
    verdicts = [page["headline"], *page["verdicts"]]
    texts = [f["value"] for f in kpi["facts"]] + [kpi["latest"]]
    texts += [v["explanation"] for v in verdicts]
    texts += [n["text"] for v in verdicts for n in v["numbers"] if isinstance(n["text"], str)]
    texts += [page["why"]["basis"], page["why"]["awaited"]]
    if page["pace"]:
        texts += [page["pace"]["needed_text"], page["pace"]["achieved_text"]]
    components = page["components"]
    if components:
        texts += [r[k] for r in components["rows"] for k in ("current", "previous")]
        if components["total"]:
            texts += [components["total"]["current"], components["total"]["previous"]]
    texts += _chart_texts(page["chart"])
    axis = {s["id"] for s in page["series"] if s["role"] in ("kpi", "peer", "component")}
    sep = "" if lang == "ja" else " "
    texts += [
        f"{r['value_text']}{sep}{r['unit_text']}"
        for r in page["table"]["rows"]
        if r["series_id"] in axis and r["unit_code"] == status.unit
    ]
    entry = kpi_entry(status, lang)
    texts += [str(entry[k]) for k in ("goal", "latest", "explanation")]
    row = status_row(status, None, lang)
    texts += [str(row[k]) for k in ("latest_text", "goal", "explanation", "pace_text")]
    return [EVIDENCE_COUNT.sub(" ", t) for t in texts if t]


def scales_in(texts: list[str], noun: str, lang: Lang) -> set[str]:
    """The scale words the texts give a quantity of ``noun`` (``""``: none)."""
    words = SCALES[lang]
    if noun:
        space = r"\s?" if lang == "en" else ""
        pattern = re.compile(rf"\d(?:\s?({words}))?{space}{re.escape(noun)}")
    else:  # a bare count in English: "31,760", "140 million"
        pattern = re.compile(rf"\d ({words})\b")
    return {m.group(1) or "" for t in texts for m in pattern.finditer(t)}


def english_text(body: str) -> str:
    """A page's visible English: no scripts, no text marked as Japanese (a source's title)."""
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    body = re.sub(r'<span lang="ja"[^>]*>.*?</span>', " ", body, flags=re.S)
    body = re.sub(r'<a [^>]*hreflang="ja"[^>]*>.*?</a>', " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_each_series_reads_in_one_scale_on_every_view(world: tuple[FollowUp, Any]) -> None:
    followup, client = world
    checked = 0
    for listed in followup.kpis():
        status = followup.kpi(listed.kpi.id)
        assert status is not None
        for lang in LANGS:
            prefix = "" if lang == "ja" else "/en"
            page = client.get(f"{prefix}/kpi/{status.kpi.id}.json").json()
            wording = status.wording
            noun = wording.noun.get(lang) if wording.noun else ""
            expected = wording.scale(lang).word
            found = scales_in(axis_texts(page, status, lang), noun, lang)
            assert found <= {expected}, (status.kpi.id, lang, expected, found)
            checked += bool(found)
            units: dict[str, set[str]] = {}
            for r in page["table"]["rows"]:
                units.setdefault(r["series_id"], set()).add(r["unit_text"])
            assert all(len(u) == 1 for u in units.values()), (status.kpi.id, lang, units)
    assert checked > 20


def test_the_piracy_series_reads_in_oku_on_its_whole_page(world: tuple[FollowUp, Any]) -> None:
    """The review's case: 基準値 約3億 stood above 最新値 140百万 (and 63.98 百万 in the table)."""
    _, client = world
    page = client.get("/kpi/protection.piracy.publication_piracy_access.json").json()
    facts = {f["label"]: f["value"] for f in page["kpi"]["facts"]}
    assert facts["基準値"] == "約3億アクセス/月 (2025-03)"
    assert page["kpi"]["latest"] == "1.4億アクセス/月"
    first = page["table"]["rows"][0]
    assert (first["period"], first["value_text"], first["unit_text"]) == (
        "2020-01",
        "0.6398",
        "億アクセス/月",
    )
    # The download keeps the stored value and unit, so a corrected file comes back unchanged.
    assert (first["value"], first["unit"]) == (63.98, "百万アクセス/月")
    en = client.get("/en/kpi/protection.piracy.publication_piracy_access.json").json()
    first = en["table"]["rows"][0]
    assert (first["value_text"], first["unit_text"]) == ("63.98", "million accesses/month")
    damage = [r for r in en["table"]["rows"] if r["series_id"].endswith("free_reading_loss")]
    assert damage and {r["unit_text"] for r in damage} == {"trillion yen"}


def test_english_pages_hold_no_japanese_units(world: tuple[FollowUp, Any]) -> None:
    followup, client = world
    for status in followup.kpis():
        text = english_text(client.get(f"/en/kpi/{status.kpi.id}").text)
        found = [text[max(0, m.start() - 30) : m.end() + 10] for m in NOT_ENGLISH.finditer(text)]
        assert not found, (status.kpi.id, found)
