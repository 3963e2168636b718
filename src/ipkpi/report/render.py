"""The report as HTML (charts as inline SVG), PDF (WeasyPrint) or Markdown."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..charts import kpi_chart, to_svg
from ..followup import KpiStatus
from ..markdown_text import block, inline

FORMATS = ("pdf", "html", "md", "pptx", "xlsx")


def charts(data: dict[str, Any]) -> dict[str, str]:
    """Each KPI's chart as SVG, rendered offline by vl-convert (none for a KPI without data)."""
    out = {}
    for page in data["pages"]:
        statuses: list[KpiStatus] = page["statuses"]
        for status in statuses:
            spec = kpi_chart(status, data["lang"], width=620, height=220)
            if spec:
                out[status.kpi.id] = to_svg(spec)
    return out


def render_html(data: dict[str, Any], *, with_charts: bool = True) -> str:
    env = Environment(
        loader=PackageLoader("ipkpi.report", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    svg = charts(data) if with_charts else {}
    return env.get_template("report.html").render(r=data, charts=svg)


def render_pdf(data: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render_html(data)).write_pdf())


def _cell(text: object) -> str:
    return inline(text)


def _statement_item(statement: dict[str, Any]) -> str:
    """The secretariat's statement as a list item, beside the verdict (one line)."""
    if not statement["written"]:
        return f"- {statement['missing']}"
    word = f"**{inline(statement['word'])}** " if statement["word"] else ""
    text = _cell(statement["text"])
    return f"- {statement['label']}: {word}{text} ({inline(statement['byline'])})"


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(_cell(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
        *["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows],
    ]


def render_markdown(data: dict[str, Any]) -> str:
    w = data["words"]
    kc = data["annex"]["kpi_columns"]
    sc = data["annex"]["status_columns"]
    kpi_keys = list(kc)
    status_keys = ["number", "measure", "ministry", "status", "check", "act"]
    lines = [
        f"# {inline(data['title'])}",
        "",
        w["what"],
        "",
        f"{w['as_of']}: {inline(data['vintage'])} · {w['previous']}: {inline(data['previous'])} · "
        f"{w['generated']}: {inline(data['generated'])}",
        "",
        block(data["cycle_line"]),
        "",
        f"## {w['summary']}",
        "",
        *[f"- {inline(t['label'])}: {t['count']}" for t in data["tones"]],
        f"- {w['kpis_with_data']}: {data['coverage']['with_data']} / {data['coverage']['kpis']}",
    ]
    for page in data["pages"]:
        lines += ["", f"## {inline(page['part'])} — {inline(page['title'])}", ""]
        if page["situation"]:
            situation = [f"- {inline(x)}" for x in page["situation"]]
            lines += [f"### {page['situation_heading']}", "", *situation, ""]
        lines += [f"### {w['kpi_table']}", ""]
        if page["kpi_table"]:
            lines += _md_table(
                [kc[k] for k in kpi_keys], [[r[k] for k in kpi_keys] for r in page["kpi_table"]]
            )
        else:
            lines.append(w["no_kpi"])
        if page["measures"]:
            lines += ["", f"### {w['measures']}", "", block(page["rollup"]), ""]
            lines += _md_table(
                [sc[k] for k in status_keys],
                [[m[k] for k in status_keys] for m in page["measures"]],
            )
        lines.append("")
        for k in page["kpis"]:
            latest = k["latest"] + (f" ({k['latest_period']})" if k["latest_period"] else "")
            latest += f" [{', '.join(k['flags'])}]" if k["flags"] else ""  # as the HTML/PDF report
            lines += [
                f"#### {inline(k['title'])}",
                "",
                f"- {w['goal']}: {inline(k['goal'])}",
                f"- {w['latest']}: {inline(latest)}",
                f"- {w['verdict']}: **{inline(k['status_label'])}** ({inline(k['method_label'])})",
                _statement_item(k["statement"]),
            ]
            if k["pace"]:
                pace = k["pace"]
                since = f" ({pace['since']})" if pace["since"] else ""
                lines.append(
                    f"- {w['pace']}: {w['needed']} {inline(pace['needed'])} / "
                    f"{w['achieved']} {inline(pace['achieved'])}{inline(since)}"
                )
            sources = page["sources"].get(k["id"])
            if sources:
                lines.append(f"- {w['source']}: " + " / ".join(inline(x) for x in sources))
            lines += ["", block(k["explanation"]), ""]
            agreement = " ".join(x for x in (k["agreement"], k["differs_text"]) if x)
            said = (k["evidence"], k["basis"], k["awaited"], agreement)
            lines += [f"{block(text)}\n" for text in said if text]
            if k["data_wait"]:
                lines += [*(f"> {inline(line)}" for line in k["data_wait"]), ""]
        if page["changes"]:
            lines += [f"### {w['changes']}", ""]
            lines += _md_table(
                ["KPI", w["kind"], w["period"], w["before"], w["after"]],
                [[c[k] for k in ("kpi", "kind", "period", "old", "new")] for c in page["changes"]],
            )
    lines += ["", f"## {w['ministry_index']}", "", w["index_note"], ""]
    lines += _md_table(
        [sc["ministry"], sc["number"]], [[m["name"], m["measures"]] for m in data["ministries"]]
    )
    lines += ["", f"## {w['annex']}", "", f"### {w['rollup']}", "", block(data["annex"]["policy"])]
    return "\n".join(lines) + "\n"
