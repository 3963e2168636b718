"""Shortcuts of the page rendering give what the general code gives (the static site's speed)."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import quote

import pytest
from markupsafe import Markup

from ipkpi.charts import kpi_chart
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.agreement import agreement_of
from ipkpi.followup.evidence_text import evidence_words
from ipkpi.followup.explain import explanation
from ipkpi.followup.model import AsOf
from ipkpi.plan import Plan
from ipkpi.text import Lang
from ipkpi.web.badge import badge
from ipkpi.web.headline import agreement, agreement_words, headline_evidence, headline_why
from ipkpi.web.pages import PAGES
from ipkpi.web.pages.common import kpi_row
from ipkpi.web.pages.spec import _quote
from ipkpi.web.present import LocalText
from ipkpi.web.render import environment, local, nav_items
from ipkpi.web.site_pages import KPI_ROUTES, site_pages
from ipkpi.web.table_html import table_rows
from ipkpi.web.urls import ServerUrls, StaticUrls, Urls, relative
from ipkpi.web.verdicts import _thresholds, verdict_data

FILES = [
    StaticUrls.file(route, lang, as_of, fmt, params)
    for route, params in (
        ("home", {}),
        ("kpi", {"kpi_id": "ipx.gii_rank"}),
        ("part", {"part_id": "p1"}),
        ("search", {}),
    )
    for lang in ("ja", "en")
    for as_of in (None, dt.date(2025, 6, 30), dt.datetime(2025, 6, 30, 9, 0))
    for fmt in ("html", "json")
]


def test_links_between_site_files_are_those_relpath_gives():
    folders = sorted({posixpath.dirname(f) for f in FILES})
    assert "" in folders and "en/as-of/2025-06-30T090000/kpi" in folders
    targets = [*FILES, "static/style.css", "openapi.json", "en"]
    for target in targets:
        for folder in folders:
            assert relative(target, folder) == posixpath.relpath(target, folder or ".")
    assert relative("kpi/ipx.gii_rank.html", "en/as-of/2025-06-30/kpi") == (
        "../../../../kpi/ipx.gii_rank.html"
    )
    assert relative("en", "en") == "."
    # a path that is not a plain site path is left to relpath
    assert relative("a/../b.html", "a") == posixpath.relpath("a/../b.html", "a") == "../b.html"


def test_a_template_reads_a_dicts_keys_and_still_calls_its_methods():
    page = {"title": "R&D <2025>", "get": "not the method", "items": 3, "x": "y"}
    text = environment().from_string(
        "{{ page.title }}|{{ page.get('x') }}|{{ page.items() | list | length }}|"
        "{{ page['get'] }}|{{ page.missing is defined }}"
    )
    assert text.render(page=page) == "R&amp;D &lt;2025&gt;|y|4|not the method|False"


def test_a_kpis_list_row_is_worked_out_once_per_language_and_each_caller_gets_a_copy(
    provider: FollowUpProvider,
):
    followup = provider.get(None)
    status = followup.kpi("alpha.one.exports")
    assert status is not None
    fresh = replace(status)  # nothing remembered yet
    first, again = kpi_row(fresh, "en"), kpi_row(fresh, "en")
    assert first == again and first is not again
    assert first["id"] == "alpha.one.exports" and first["latest_period"] == "2024"
    first["title"] = "changed by one page"
    assert (
        kpi_row(fresh, "en")["title"]
        == kpi_row(replace(status), "en")["title"]
        != ("changed by one page")
    )
    assert kpi_row(fresh, "ja")["kind_label"] != kpi_row(fresh, "en")["kind_label"]
    calls: list[int] = []
    assert fresh.remembered("answer", lambda: calls.append(1) or 42) == 42
    assert fresh.remembered("answer", lambda: calls.append(1) or 43) == 42 and calls == [1]
    assert replace(fresh).remembered("answer", lambda: 44) == 44  # a copy remembers nothing


def test_the_pages_of_one_kpi_come_together_and_no_page_is_lost(plan: Plan):
    as_ofs: list[AsOf | None] = [None, dt.date(2025, 1, 10)]
    jobs = list(site_pages(plan, as_ofs))
    every = {
        (page.name, tuple(params.items()), lang, as_of)
        for page in PAGES
        if page.static
        for params in page.instances(plan)
        for lang in ("ja", "en")
        for as_of in as_ofs
    }
    assert {(j.route, j.params, j.lang, j.as_of) for j in jobs} == every
    assert len(jobs) == len(every)
    assert {"kpi", "embed"} == KPI_ROUTES
    kpi_jobs = [j for j in jobs if j.route in KPI_ROUTES]
    assert jobs[-len(kpi_jobs) :] == kpi_jobs  # the many come last
    first = [(j.route, j.lang, j.as_of) for j in kpi_jobs[:4]]
    assert first == [
        ("embed", "ja", None),
        ("embed", "en", None),
        ("kpi", "ja", None),
        ("kpi", "en", None),
    ]
    assert len({j.params for j in kpi_jobs[:4]}) == 1  # one KPI's four pages, then the next's
    assert kpi_jobs[4].params != kpi_jobs[0].params


def test_a_kpis_chart_and_sentences_are_worked_out_once_and_read_as_before(
    provider: FollowUpProvider,
):
    status = provider.get(None).kpi("alpha.one.exports")
    assert status is not None
    fresh = replace(status)
    page, embed = kpi_chart(fresh, "ja"), kpi_chart(fresh, "ja", height=260)
    assert page["height"] - embed["height"] == 60 and page["width"] == "container"
    assert {k: v for k, v in page.items() if k != "height"} == {
        k: v for k, v in embed.items() if k != "height"
    }
    assert page["layer"] is embed["layer"]  # one spec, two sizes
    assert kpi_chart(fresh, "ja") == kpi_chart(replace(status), "ja")
    assert kpi_chart(fresh, "en")["description"] != page["description"]
    report = kpi_chart(fresh, "en", width=620, height=220)
    assert report["width"] == 620 and report == kpi_chart(
        replace(status), "en", width=620, height=220
    )
    headline = fresh.headline
    said = verdict_data(headline, fresh, "en")["explanation"]
    assert said == explanation(headline, fresh.wording).en
    assert verdict_data(headline, fresh, "ja")["explanation"] == (
        explanation(headline, fresh.wording).ja
    )
    assert said.startswith(headline.method_label.en)


def _link(urls: Urls, lang: Lang) -> Callable[..., str]:
    return lambda name, fmt="html", **kw: urls.page(name, lang, None, fmt, None, **kw)


def test_the_navigation_is_rendered_once_per_folder_language_and_page_name():
    one, two = StaticUrls("en/kpi/a.html"), StaticUrls("en/kpi/b.html")
    items = nav_items(one, "en", None, "progress", _link(one, "en"))
    assert items is nav_items(two, "en", None, "progress", _link(two, "en"))
    assert '<li><a href="../progress.html" aria-current="page">Progress summary</a></li>' in items
    assert items.startswith('<li><a href="../index.html">Home</a></li>\n')
    home = StaticUrls("index.html")
    ja = nav_items(home, "ja", None, "home", _link(home, "ja"))
    assert '<li><a href="index.html" aria-current="page">ホーム</a></li>' in ja
    assert "../" not in ja and ja.count("aria-current") == 1
    staff = ServerUrls(imports=True)
    served = nav_items(staff, "ja", None, "signin", _link(staff, "ja"))
    assert served.endswith('<li><a href="/account" aria-current="page">府省庁・事務局</a></li>')
    public = ServerUrls()
    assert "/import" not in nav_items(public, "ja", None, "signin", _link(public, "ja"))


def test_an_address_part_is_quoted_as_urllib_quotes_it():
    values = ["ipx.gii_rank", "a b", "日本", "a/b", "~x-y_z.1", "%41", "a?b", "a#b", "", "é"]
    assert [_quote(v) for v in values] == [quote(v) for v in values]
    assert _quote("a b") == "a%20b" and _quote("ipx.gii_rank") == "ipx.gii_rank"


def test_the_data_table_rows_read_as_the_template_loop_wrote_them():
    ui = {k: f"{k} <label>" for k in ("role", "period", "value", "unit", "flags")}
    ui |= {"source": "Source", "vintage": "Vintage {as of}", "note": "Note"}
    rows = [
        {
            "series": "Exports & imports",
            "series_id": "x.jpn",
            "role": "kpi",
            "period": "FY2024",
            "value": 1.5,
            "value_text": "1.5",
            "unit_text": "兆円",
            "flags": "provisional",
            "source": "",
            "source_url": "https://example.org/a?b=1&c=2",
            "vintage": "2025-06-30",
            "note": LocalText("速報値", "ja"),
        },
        {
            "series": "Peers",
            "series_id": "x.usa",
            "role": "peer",
            "period": "2023",
            "value": None,
            "value_text": "—",
            "unit_text": "",
            "flags": "",
            "source": "OECD",
            "source_url": "",
            "vintage": "",
            "note": "",
        },
    ]
    loop = environment().from_string(
        "{% for r in page.table.rows %}\n"
        '      <tr{% if r.flags %} class="flagged"{% endif %}>\n'
        '        <th scope="row">{{ r.series|local }}</th>\n'
        '        <td data-label="{{ ui.role }}">{{ r.role }}</td>\n'
        '        <td data-label="{{ ui.period }}">{{ r.period }}</td>\n'
        '        <td class="num" data-label="{{ ui.value }}" data-value="{{ r.value }}">'
        "{{ r.value_text }}</td>\n"
        '        <td data-label="{{ ui.unit }}">{{ r.unit_text }}</td>\n'
        '        <td class="flags-cell" data-label="{{ ui.flags }}">{{ r.flags }}</td>\n'
        '        <td class="wrap-anywhere" data-label="{{ ui.source }}">{% if r.source_url %}'
        '<a href="{{ r.source_url }}">{{ (r.source or r.source_url)|local }}</a>{% else %}'
        "{{ r.source|local }}{% endif %}</td>\n"
        '        <td data-label="{{ ui.vintage }}">{{ r.vintage }}</td>\n'
        '        <td class="wrap-anywhere" data-label="{{ ui.note }}">{{ r.note|local }}</td>\n'
        "      </tr>\n"
        "{% endfor %}\n"
    )
    made = table_rows(rows, ui, local)
    assert made == loop.render(page={"table": {"rows": rows}}, ui=ui)
    assert '<tr class="flagged">' in made and "Exports &amp; imports" in made
    assert 'href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>' in made
    assert '<span lang="ja" class="fallback">速報値</span>' in made
    assert 'data-value="None">—</td>' in made and made.endswith("      </tr>\n")
    # the KPI's own rows and the peers' (kpi.html's two tbody), as the filters chose them
    peers = environment().from_string(
        "{{ table_rows(rows|rejectattr('series_id', 'in', ids)|list, ui, local) }}|"
        "{{ table_rows(rows|selectattr('series_id', 'in', ids)|list, ui, local) }}"
    )
    for ids in (["x.usa"], ["x.jpn", "x.usa"], [], ["x.deu"]):
        own = table_rows(rows, ui, local, leave_out=ids)
        theirs = table_rows(rows, ui, local, only=ids)
        assert peers.render(rows=rows, ids=ids, ui=ui, local=local, table_rows=table_rows) == (
            f"{own}|{theirs}"
        )
    assert table_rows(rows, ui, local, only=["x.usa"]).count("<tr") == 1


def test_the_methods_agreement_is_worked_out_once_per_status(provider: FollowUpProvider):
    status = provider.get(None).kpi("alpha.one.exports")
    assert status is not None
    fresh = replace(status)
    found = agreement(fresh)
    assert found is not None and found is agreement(fresh)
    assert found == agreement_of(status)
    why = headline_why(provider.get(None), fresh, "en")
    assert why["agreement"] == found.summary("en") and why["sentence"]


def test_a_badge_reads_as_the_macro_wrote_it():
    macro = (
        environment()
        .from_string(
            "{% macro old(tone, label, method='') -%}\n"
            '<span class="badge tone-{{ tone }}"><span class="icon" aria-hidden="true">'
            "{{ {'good': '✓', 'fair': '↗', 'poor': '→', 'bad': '✗', 'early': '…', "
            "'neutral': '–'}[tone] }}</span> {{ label }}</span>{% if method %} "
            '<span class="method">{{ method }}</span>{% endif %}\n'
            "{%- endmacro %}"
        )
        .module
    )
    for tone in ("good", "fair", "poor", "bad", "early", "neutral"):
        for label, method in (("On track", "Open SDG"), ("R&D <up>", ""), (Markup("<b>x</b>"), 0)):
            assert badge(tone, label, method) == macro.old(tone, label, method)
    assert badge("bad", "Off track", "UNSD") == (
        '<span class="badge tone-bad"><span class="icon" aria-hidden="true">✗</span> Off track'
        '</span> <span class="method">UNSD</span>'
    )
    page = environment().from_string(
        '{% import "_macros.html" as m with context %}{{ m.badge("good", "ok") }}'
    )
    assert page.render(ui={}, lang="ja", link=str) == badge("good", "ok")


def test_thresholds_are_worded_once_per_method_rule_and_values():
    items = (("interval_level", 0.9),)
    assert _thresholds("forecast", None, items, "en") == "90% prediction interval"
    assert _thresholds("forecast", None, items, "ja") == "90% 予測区間"
    unknown = (("high", 0.95), ("low", 0.6))
    assert _thresholds("nobody", "x", unknown, "en") == "high 0.95, low 0.6"
    assert _thresholds("nobody", "x", unknown, "ja") == "上位 0.95、下位 0.6"
    assert _thresholds("nobody", "x", unknown, "en") is _thresholds("nobody", "x", unknown, "en")


def test_the_agreement_words_and_the_evidence_words_are_kept_per_language(
    provider: FollowUpProvider,
):
    status = provider.get(None).kpi("alpha.one.exports")
    assert status is not None
    fresh = replace(status)
    found = agreement_of(status)
    assert found is not None
    assert agreement_words(fresh, "en") == (found.summary("en"), found.why("en"))
    assert agreement_words(fresh, "ja")[0] == found.summary("ja") != found.summary("en")
    assert headline_evidence(fresh, "ja") is headline_evidence(fresh, "ja")
    assert headline_evidence(fresh, "en") == evidence_words(status, "en")


def test_a_data_tables_repeated_cells_are_escaped_once_each_as_they_are():
    """The same text as a plain string and as a fallback in either language reads as each."""
    ui = {k: k for k in ("role", "period", "value", "unit", "flags", "source", "vintage", "note")}
    base = {"series": "S", "role": "kpi", "period": "2024", "value": 1.0, "value_text": "1"}
    base |= {"unit_text": "<u>", "flags": "", "source": "", "source_url": "", "vintage": "v"}
    notes = ["速報値", LocalText("速報値", "ja"), LocalText("速報値", "en"), "速報値"]
    made = str(table_rows([{**base, "note": n} for n in notes], ui, local))
    cells = [line for line in made.splitlines() if 'data-label="note"' in line]
    assert [c.split(">", 1)[1] for c in cells] == [
        "速報値</td>",
        '<span lang="ja" class="fallback">速報値</span></td>',
        '<span lang="en" class="fallback">速報値</span></td>',
        "速報値</td>",
    ]
    assert made.count('data-label="unit">&lt;u&gt;</td>') == 4


def test_a_static_pages_links_remembered_are_the_links_worked_out(
    monkeypatch: pytest.MonkeyPatch,
):
    from ipkpi.web import urls as module

    monkeypatch.setattr(module, "_LINKS", {})
    for current in FILES:
        folder = posixpath.dirname(current)
        for _ in range(2):  # worked out, then remembered
            urls = StaticUrls(current)
            for lang in ("ja", "en"):
                for as_of in (None, dt.date(2025, 6, 30)):
                    target = StaticUrls.file("kpi", lang, as_of, "json", {"kpi_id": "a b"})
                    made = urls.page("kpi", lang, as_of, "json", None, kpi_id="a b")
                    assert made == posixpath.relpath(target, folder or ".")
            assert urls.static("style.css") == posixpath.relpath("static/style.css", folder or ".")
            assert urls.root("openapi.json") == posixpath.relpath("openapi.json", folder or ".")
    assert 0 < len(module._LINKS) < 4096
    for i in range(5000):  # the memory is bounded: full, it starts again
        StaticUrls("kpi/x.html").page("kpi", "ja", None, "html", None, kpi_id=str(i))
    assert len(module._LINKS) <= 4096


def test_an_output_is_escaped_as_jinjas_own_escape_writes_it():
    from jinja2 import Environment

    values = ["R&D <2025> 'a' \"b\"", LocalText("<x>", "en"), Markup("<b>ok</b>"), 3, 2.5, None]
    values += [True, local(LocalText("a&b", "ja")), local("<i>"), ["<a>", Markup("<b>")]]
    source = "{% for v in values %}{{ v }}|{% endfor %}{% macro m(x) %}<p>{{ x }}</p>{% endmacro %}"
    source += "{{ m('<&>') }}{% set b %}<q>{{ values[0] }}</q>{% endset %}{{ b }}"
    plain = Environment(autoescape=True).from_string(source).render(values=values)
    ours = environment().from_string(source)
    assert type(ours).__name__ == "_PageTemplate"
    assert ours.render(values=values) == plain
    assert "R&amp;D &lt;2025&gt; &#39;a&#39; &#34;b&#34;|&lt;x&gt;|<b>ok</b>|3|2.5|None|" in plain


def test_a_jinja_whose_templates_escape_otherwise_is_refused_not_rendered_unescaped(
    monkeypatch: pytest.MonkeyPatch,
):
    """The compiled code imports ``escape`` from jinja2.runtime; if a release stops doing so,
    replacing it would leave the outputs escaped by whatever the namespace then holds."""
    import jinja2.runtime

    monkeypatch.setattr(jinja2.runtime, "escape", lambda value: value)
    with pytest.raises(RuntimeError, match=r"Jinja2 to 3\.1\.x"):
        environment().from_string("{{ x }}")


def test_a_template_calls_plain_and_marked_callables_as_jinja_does():
    from jinja2 import Environment, pass_context, pass_environment

    class Greeter:
        @pass_context
        def __call__(self, context: object, name: str) -> str:
            return f"{type(context).__name__}:{name}"

    @pass_environment
    def env_name(env: object) -> str:
        return "ours" if type(env).__name__.startswith("_Page") else "jinja"

    def plain(obj: str = "", **kw: str) -> str:
        return f"{obj}|{sorted(kw)}"

    def stops() -> None:
        raise StopIteration

    names = {"greet": Greeter(), "plain": plain, "env_name": env_name, "stops": stops}
    names |= {"d": {"a": 1}, "bound": "a-b".split}
    source = (
        "{{ greet('x') }} {{ plain(obj='o', self='s') }} {{ env_name() }} {{ stops() is defined }}"
        " {{ d.get('a') }} {{ bound('-') }}{% for i in [1] %}{{ plain(i) }}{% endfor %}"
        "{% set b = plain('b') %}{{ b }} {{ range(2)|list }}"
    )
    jinja = Environment(autoescape=True).from_string(source).render(names)
    ours = environment().from_string(source).render(names)
    assert ours.replace("_PageContext", "Context") == jinja.replace("jinja", "ours")
    assert "o|[&#39;self&#39;] ours False 1 [&#39;a&#39;, &#39;b&#39;]1|[]b|[] [0, 1]" in ours


def test_a_templates_globals_hold_the_environments_and_its_own():
    template = environment().from_string("{{ badge('good', x) }}", globals={"x": "ok"})
    assert template.render() == str(badge("good", "ok"))
