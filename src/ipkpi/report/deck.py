"""The follow-up as a PowerPoint deck in the shape of the plan's overview deck (python-pptx).

One slide per section (and per part with its own KPIs): 現状と課題 on the left, 今後の予定 with
each measure's ministries and reported status below it, the section's KPI table and a chart
of its first KPI with data on the right. Tables and charts are native PowerPoint objects (a
reader can edit them); every run of text names Noto Sans CJK JP for Latin and East Asian
script, so Japanese renders wherever the font is installed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from ..charts.domain import gap_rows
from ..followup import FollowUp
from ..followup.model import Observation
from ..plan import Rank
from ..text import Lang
from ..wording import unit_symbol

FONT = "Noto Sans CJK JP"
#: How many characters of a slide's title fit on one line at 20 pt (12.5 in); longer ones get
#: 16 pt (seen through LibreOffice: 101 Latin characters ran off both edges at 20 pt).
TITLE_CHARS: dict[str, int] = {"ja": 44, "en": 80}
NAVY = (0x0D, 0x2B, 0x4E)


def _font(run: Any, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            rpr.append(element)
        element.set("typeface", FONT)


def _text_box(
    slide: Any,
    left: int,
    top: int,
    width: int,
    height: int,
    heading: str,
    lines: list[str],
    size: float,
) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    first = frame.paragraphs[0]
    _font(first.add_run(), size + 2, bold=True)
    first.runs[0].text = heading
    for line in lines:
        paragraph = frame.add_paragraph()
        run = paragraph.add_run()
        run.text = f"○ {line}"
        _font(run, size)


def _table(
    slide: Any, rows: list[dict[str, str]], columns: dict[str, str], left: int, top: int, width: int
) -> int:
    """The KPI table; returns its bottom edge (EMU)."""
    keys = list(columns)
    shape = slide.shapes.add_table(
        len(rows) + 1, len(keys), left, top, width, Inches(0.3) * (len(rows) + 1)
    )
    table = shape.table
    for col, key in enumerate(keys):
        table.columns[col].width = int(width * (0.34 if key == "kpi" else 0.66 / (len(keys) - 1)))
        cell = table.cell(0, col)
        cell.text = columns[key]
        _font(cell.text_frame.paragraphs[0].runs[0], 8, bold=True)
        for row, values in enumerate(rows, start=1):
            cell = table.cell(row, col)
            cell.text = values[key]
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    _font(run, 7.5)
    widths = [table.columns[c].width for c in range(len(keys))]
    for row, values in enumerate(rows, start=1):
        # A viewer may not grow a row to its text (LibreOffice cut 「…未記入」 off): each row
        # is made as tall as its longest cell needs.
        lines = max(_lines(values[key], w) for key, w in zip(keys, widths, strict=True))
        table.rows[row].height = max(Inches(0.3), int(Pt(7.5 * 1.3) * lines + Inches(0.1)))
    return top + sum(int(r.height) for r in table.rows)


def _lines(text: str, width: int, size: float = 7.5) -> int:
    """How many lines ``text`` takes in a cell ``width`` EMU wide at ``size`` pt, wrapped
    word by word (a wide CJK character is a word of 1 em; a Latin letter 0.6 em)."""
    room = (width - Inches(0.2)) / Pt(size) - 0.5  # ems a line holds, less the margins
    count = 0
    for line in text.split("\n"):
        used, lines = 0.0, 1
        for word in re.findall(r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+\s*|\s+", line):
            ems = sum(1.0 if ord(ch) > 0x2E7F else 0.6 for ch in word.rstrip())
            if used and used + ems > room:
                lines, used = lines + 1, 0.0
            used += ems + 0.3 * (len(word) - len(word.rstrip()))
        count += lines
    return count


#: A period that is a whole year: 2007, FY2008, 2008年度 (one number of four digits).
YEARLY = re.compile(r"(\D*)(\d{4})(\D*)")


def breaks(observations: Sequence[Observation]) -> bool:
    """Whether the dashboard's chart breaks this series' line somewhere (``gap_rows``)."""
    rows = [{"series": "", "year": o.year} for o in observations]
    return len(gap_rows(rows)) > len(rows)


def with_gaps(observations: Sequence[Observation]) -> tuple[list[str], list[float | None]]:
    """The chart's categories and values with a blank where data are missing, so that the line
    breaks there (PowerPoint leaves a blank value as a gap) instead of joining 2009 to 2011 as
    if they were neighbours. Yearly periods get every missing year; other periods one blank
    category in a gap clearly longer than their usual spacing (``charts.domain.gap_rows``).
    """
    periods = [o.period for o in observations]
    values: list[float | None] = [o.value for o in observations]
    yearly = [YEARLY.fullmatch(p) for p in periods]
    shapes = {(m.group(1), m.group(3)) for m in yearly if m}
    if periods and all(yearly) and len(shapes) == 1:  # 2007…, FY2008…, 2008年度…
        ((before, after),) = shapes
        held = {int(m.group(2)): v for m, v in zip(yearly, values, strict=True) if m}
        years = range(min(held), max(held) + 1)
        return [f"{before}{y}{after}" for y in years], [held.get(y) for y in years]
    rows = gap_rows([{"series": "", "year": o.year, "period": o.period, "value": o.value}
                     for o in observations])  # fmt: skip
    return [r["period"] for r in rows], [r["value"] for r in rows]


def _chart(
    slide: Any,
    followup: FollowUp,
    kpi_ids: list[str],
    lang: Lang,
    left: int,
    top: int,
    width: int,
    height: int,
) -> bool:
    for kpi_id in kpi_ids:
        status = followup.kpi(kpi_id)
        main = status.main if status else None
        if status is None or main is None or len(main.observations) < 2:
            continue
        data = CategoryChartData()  # type: ignore[no-untyped-call]
        categories, values = with_gaps(main.observations)
        data.categories = categories
        symbol = unit_symbol(main.series.unit, lang)
        name = main.series.label.get(lang) + (f"（{symbol}）" if lang == "ja" else f" ({symbol})")
        data.add_series(name, values)  # type: ignore[no-untyped-call]
        frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, data)
        chart = frame.chart
        # The line breaks where the dashboard's does (a year or more missing, well beyond the
        # usual spacing); years merely not surveyed (2015, 2018, 2021) are joined across.
        blanks = chart._chartSpace.chart.find(qn("c:dispBlanksAs"))
        if blanks is not None:
            blanks.set("val", "gap" if breaks(main.observations) else "span")
        chart.has_title = True
        chart.chart_title.text_frame.text = status.kpi.title.get(lang)
        _font(chart.chart_title.text_frame.paragraphs[0].runs[0], 10, bold=True)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(8)
        chart.legend.font.name = FONT
        chart.category_axis.tick_labels.font.size = Pt(7)
        chart.value_axis.tick_labels.font.size = Pt(7)
        # A rank is better the lower it is: 1st at the top, as on the dashboard and in the PDF.
        rank = isinstance(status.kpi, Rank)
        chart.value_axis.reverse_order = rank
        if rank:  # the years along the bottom, where the last place is, not over 1st place
            chart.value_axis.crosses = XL_AXIS_CROSSES.MAXIMUM
        return True
    return False


def render_pptx(data: dict[str, Any], followup: FollowUp) -> bytes:
    """The deck for ``report_data``'s pages, in its language."""
    lang: Lang = data["lang"]
    words = data["words"]
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    cover = deck.slides.add_slide(blank)
    _text_box(
        cover,
        Inches(0.8),
        Inches(2.2),
        Inches(11.5),
        Inches(3),
        data["title"],
        [words["what"], f"{words['as_of']}: {data['vintage']}", data["cycle_line"]],
        16,
    )
    columns = {k: data["annex"]["kpi_columns"][k] for k in ("kpi", "current", "goal", "progress")}
    for page in data["pages"]:
        slide = deck.slides.add_slide(blank)
        title = slide.shapes.add_textbox(Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.6))
        run = title.text_frame.paragraphs[0].add_run()
        run.text = (
            f"{page['part']}　{page['title']}"
            if lang == "ja"
            else f"{page['part']} — {page['title']}"
        )
        title.text_frame.word_wrap = True  # a long part and section name wraps in the box
        _font(run, 20 if len(run.text) <= TITLE_CHARS[lang] else 16, bold=True)
        run.font.color.rgb = RGBColor(*NAVY)  # type: ignore[no-untyped-call]
        situation = page["situation"]
        measures = [
            f"{m['measure']}（{m['ministry']}｜{m['status'].replace(chr(10), ' / ')}）"
            if lang == "ja"
            else f"{m['measure']} ({m['ministry']} | {m['status'].replace(chr(10), ' / ')})"
            for m in page["measures"]
        ]
        size = 10 if sum(len(x) for x in situation + measures) < 700 else 8
        _text_box(
            slide,
            Inches(0.4),
            Inches(0.9),
            Inches(6.4),
            Inches(2.6),
            page["situation_heading"],
            situation,
            size,
        )
        _text_box(
            slide,
            Inches(0.4),
            Inches(3.6),
            Inches(6.4),
            Inches(3.7),
            words["plans"],
            measures or [words["no_measures" if "." in page["id"] else "no_part_measures"]],
            size,
        )
        if page["kpi_table"]:
            # The secretariat's word under the computed progress, never in its place.
            judged = {k["id"]: k["statement"]["short"] for k in page["kpis"]}
            rows = [
                {**row, "progress": f"{row['progress']}\n{judged.get(row['id'], '')}".strip()}
                for row in page["kpi_table"]
            ]
            bottom = _table(slide, rows, columns, Inches(7.0), Inches(0.9), Inches(6.0))
            top = max(Inches(3.9), bottom + Inches(0.15))  # the chart under a tall table
            _chart(
                slide,
                followup,
                [k["id"] for k in page["kpi_table"]],
                lang,
                Inches(7.0),
                top,
                Inches(6.0),
                max(Inches(7.2) - top, Inches(2.0)),
            )
        else:
            _text_box(
                slide,
                Inches(7.0),
                Inches(0.9),
                Inches(6.0),
                Inches(1),
                "KPI",
                [words["no_kpi"]],
                10,
            )
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
