"""SDMX-CSV 2.0 with its data structure definition as an SDMX-ML 2.1 structure message.

``observations.csv`` holds one row per observation (dataflow ``IPKPI:DF_IPKPI(1.0)``);
``structure.xml`` holds the dataflow, the data structure (dimensions SERIES and TIME_PERIOD,
measure OBS_VALUE, attributes UNIT_MEASURE, FLAGS, NOTE, SOURCE_TITLE, SOURCE_URL), the
code lists of series and units with Japanese and English names, and the concepts. SDMX ids
cannot contain ``.``: series ids are written with ``@`` (see :mod:`..importers.sdmx_csv`).
Fiscal years, halves and quarters are SDMX time ranges from their first day (FY2024 →
``2024-04-01/P1Y``, FY2024-H2 → ``2024-10-01/P6M``, FY2024-Q1 → ``2024-04-01/P3M``); calendar
halves are semesters (``2024-S1``).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import polars as pl

from ...files import atomic_path, write_text
from ...periods import parse_period
from ...spreadsheet import neutralised
from ...text import Text, t
from ...units import UnitError, unit
from ..importers.sdmx_csv import to_sdmx_id
from .table import ExportContext, value_text

AGENCY, VERSION = "IPKPI", "1.0"
DATAFLOW, DSD, CONCEPTS = "DF_IPKPI", "DSD_IPKPI", "CS_IPKPI"
STRUCTURE_ID = f"{AGENCY}:{DATAFLOW}({VERSION})"
CSV_NAME, STRUCTURE_NAME = "observations.csv", "structure.xml"
_NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
}
#: Observation-level attributes: SDMX id → tidy column.
ATTRIBUTES = {
    "UNIT_MEASURE": "unit",
    "FLAGS": "flags",
    "NOTE": "note",
    "NOTE_EN": "note_en",
    "SOURCE_TITLE": "source_title",
    "SOURCE_URL": "source_url",
}
CONCEPT_NAMES = {
    "SERIES": t("系列", "Series"),
    "TIME_PERIOD": t("期間", "Time period"),
    "OBS_VALUE": t("値", "Observation value"),
    "UNIT_MEASURE": t("単位", "Unit of measure"),
    "FLAGS": t("注意事項", "Flags (uncertain, provisional, …; ';'-separated)"),
    "NOTE": t("注記", "Note"),
    "NOTE_EN": t("注記（英語）", "Note in English"),
    "SOURCE_TITLE": t("出典", "Source"),
    "SOURCE_URL": t("出典URL", "Source URL"),
}


def write_sdmx(frame: pl.DataFrame, output: Path | None, context: ExportContext) -> list[Path]:
    """Write ``observations.csv`` and ``structure.xml`` into the folder ``output``."""
    if output is None:
        raise ValueError("an SDMX-CSV export needs an output folder (-o DIR)")
    output.mkdir(parents=True, exist_ok=True)
    periods = {p: parse_period(p).sdmx() for p in frame["period"].unique().to_list()}
    rows = frame.select(
        pl.lit("dataflow").alias("STRUCTURE"),
        pl.lit(STRUCTURE_ID).alias("STRUCTURE_ID"),
        pl.lit("I").alias("ACTION"),
        pl.col("series").str.replace_all(".", "@", literal=True).alias("SERIES"),
        pl.col("period").replace_strict(periods, return_dtype=pl.String).alias("TIME_PERIOD"),
        value_text().alias("OBS_VALUE"),
        *(pl.col(column).alias(sdmx_id) for sdmx_id, column in ATTRIBUTES.items()),
    )
    csv_path, structure_path = output / CSV_NAME, output / STRUCTURE_NAME
    write_text(csv_path, neutralised(rows).write_csv(), encoding="utf-8")
    codes = frame["series"].unique().sort().to_list()
    units = frame["unit"].unique().sort().to_list()
    tree = ET.ElementTree(structure_message(codes, units, context))
    ET.indent(tree)
    with atomic_path(structure_path) as temp:
        tree.write(temp, encoding="utf-8", xml_declaration=True)
    return [csv_path, structure_path]


def structure_message(series: list[str], units: list[str], context: ExportContext) -> ET.Element:
    for prefix, uri in _NS.items():
        ET.register_namespace(prefix, uri)
    root = ET.Element(_q("mes", "Structure"))
    header = ET.SubElement(root, _q("mes", "Header"))
    ET.SubElement(header, _q("mes", "ID")).text = "IPKPI_STRUCTURE"
    ET.SubElement(header, _q("mes", "Test")).text = "false"
    prepared = context.generated_at or dt.datetime.now(dt.UTC)
    ET.SubElement(header, _q("mes", "Prepared")).text = prepared.strftime("%Y-%m-%dT%H:%M:%S")
    ET.SubElement(header, _q("mes", "Sender"), id=AGENCY)
    structures = ET.SubElement(root, _q("mes", "Structures"))
    flows = ET.SubElement(structures, _q("str", "Dataflows"))
    flow = _maintainable(
        flows, "Dataflow", DATAFLOW, t("知的財産推進計画 KPI 観測値", "ipkpi observations")
    )
    _ref(ET.SubElement(flow, _q("str", "Structure")), DSD, "datastructure", "DataStructure")
    lists = ET.SubElement(structures, _q("str", "Codelists"))
    codelist = _maintainable(lists, "Codelist", "CL_SERIES", t("系列", "Series"))
    for code in series:
        _named(codelist, "Code", to_sdmx_id(code), context.label(code))
    codelist = _maintainable(lists, "Codelist", "CL_UNIT", t("単位", "Units"))
    for code in units:
        _named(codelist, "Code", code, _unit_name(code))
    concepts = _maintainable(
        ET.SubElement(structures, _q("str", "Concepts")),
        "ConceptScheme",
        CONCEPTS,
        t("概念", "Concepts"),
    )
    for concept, name in CONCEPT_NAMES.items():
        _named(concepts, "Concept", concept, name)
    dsd = _maintainable(
        ET.SubElement(structures, _q("str", "DataStructures")),
        "DataStructure",
        DSD,
        t("観測値の構造", "Structure of ipkpi observations"),
    )
    _components(ET.SubElement(dsd, _q("str", "DataStructureComponents")))
    return root


def _components(parent: ET.Element) -> None:
    dimensions = ET.SubElement(parent, _q("str", "DimensionList"), id="DimensionDescriptor")
    series = _component(dimensions, "Dimension", "SERIES", position="1")
    _enumeration(series, "CL_SERIES")
    time = _component(dimensions, "TimeDimension", "TIME_PERIOD", position="2")
    representation = ET.SubElement(time, _q("str", "LocalRepresentation"))
    ET.SubElement(representation, _q("str", "TextFormat"), textType="ObservationalTimePeriod")
    attributes = ET.SubElement(parent, _q("str", "AttributeList"), id="AttributeDescriptor")
    for sdmx_id in ATTRIBUTES:
        status = "Mandatory" if sdmx_id == "UNIT_MEASURE" else "Conditional"
        attribute = _component(attributes, "Attribute", sdmx_id, assignmentStatus=status)
        if sdmx_id == "UNIT_MEASURE":
            _enumeration(attribute, "CL_UNIT")
        relationship = ET.SubElement(attribute, _q("str", "AttributeRelationship"))
        measure_ref = ET.SubElement(relationship, _q("str", "PrimaryMeasure"))
        ET.SubElement(measure_ref, "Ref", id="OBS_VALUE")
    measures = ET.SubElement(parent, _q("str", "MeasureList"), id="MeasureDescriptor")
    _component(measures, "PrimaryMeasure", "OBS_VALUE")


def _component(parent: ET.Element, kind: str, sdmx_id: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _q("str", kind), {"id": sdmx_id, **attributes})
    identity = ET.SubElement(element, _q("str", "ConceptIdentity"))
    ET.SubElement(
        identity,
        "Ref",
        {
            "id": sdmx_id,
            "maintainableParentID": CONCEPTS,
            "maintainableParentVersion": VERSION,
            "agencyID": AGENCY,
            "package": "conceptscheme",
            "class": "Concept",
        },
    )
    return element


def _enumeration(component: ET.Element, codelist: str) -> None:
    representation = ET.SubElement(component, _q("str", "LocalRepresentation"))
    _ref(ET.SubElement(representation, _q("str", "Enumeration")), codelist, "codelist", "Codelist")


def _maintainable(parent: ET.Element, kind: str, sdmx_id: str, name: Text) -> ET.Element:
    element = ET.SubElement(
        parent, _q("str", kind), id=sdmx_id, agencyID=AGENCY, version=VERSION, isFinal="false"
    )
    _names(element, name)
    return element


def _named(parent: ET.Element, kind: str, sdmx_id: str, name: Text) -> ET.Element:
    element = ET.SubElement(parent, _q("str", kind), id=sdmx_id)
    _names(element, name if name.ja or name.en else Text(en=sdmx_id))
    return element


def _names(element: ET.Element, name: Text) -> None:
    for lang in ("ja", "en"):
        text = name.ja if lang == "ja" else name.en
        if text:
            ET.SubElement(
                element, _q("com", "Name"), {"{http://www.w3.org/XML/1998/namespace}lang": lang}
            ).text = text


def _ref(parent: ET.Element, sdmx_id: str, package: str, kind: str) -> None:
    ET.SubElement(
        parent,
        "Ref",
        {"id": sdmx_id, "version": VERSION, "agencyID": AGENCY, "package": package, "class": kind},
    )


def _unit_name(code: str) -> Text:
    try:
        return unit(code).label
    except UnitError:
        return Text(en=code)


def _q(prefix: str, tag: str) -> str:
    return f"{{{_NS[prefix]}}}{tag}"
