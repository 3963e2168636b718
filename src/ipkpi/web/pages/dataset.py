"""The data page: the whole dataset to download, as known at the page's date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...followup import FollowUp
from ...text import Lang
from ..dataset import dataset_csv, dataset_package, dataset_xlsx, rows
from ..models import closed
from ..ui_strings import UI
from .common import PageMeta, meta
from .spec import Download, Page, PageRequest


@closed
class DataPage(PageMeta):
    """Every observation of the plan, to download as CSV, Excel or a Data Package (zip)."""

    series: int
    observations: int
    kpis: int


def _build(request: PageRequest) -> DataPage:
    followup, lang = request.followup, request.lang
    found = rows(followup)
    return DataPage(
        **meta(followup, "data", {}, lang, UI["data"].get(lang)),
        series=len({r["series"] for r in found}),
        observations=len(found),
        kpis=len(followup.kpi_ids()),
    )


def _csv(page: Mapping[str, Any], lang: Lang, data: FollowUp) -> bytes:
    return dataset_csv(data, page, lang)


def _xlsx(page: Mapping[str, Any], lang: Lang, data: FollowUp) -> bytes:
    return dataset_xlsx(data, page, lang)


def _zip(page: Mapping[str, Any], lang: Lang, data: FollowUp) -> bytes:
    return dataset_package(data, page, lang)


PAGE = Page(
    name="data",
    path="data",
    template="data.html",
    model=DataPage,
    build=_build,
    summary="The whole dataset: every observation as known at the date, to download",
    downloads={
        "csv": Download(
            "text/csv; charset=utf-8", "Every observation as CSV (the import format)", _csv
        ),
        "xlsx": Download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Every observation, series and vintage as Excel",
            _xlsx,
        ),
        "zip": Download(
            "application/zip", "A Frictionless Data Package (datapackage.json and CSV)", _zip
        ),
    },
    nav=3,
)
